#!/usr/bin/env node
'use strict';
// The `raadsmap` command. The TypeScript sources are bundled to dist/ by `npm run build`
// (which `npm ci` runs through the `prepare` script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write(
    'Raadsmap is nog niet gebouwd: voer `npm run build` uit.\nRaadsmap is not built yet: run `npm run build`.\n',
  );
  process.exit(1);
}
require(cli).run(process.argv.slice(2));
