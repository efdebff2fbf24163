/**
 * `npm run crash:notes [-- --kills N] [-- --max-delay MS]`: the notes crash test, longer.
 * Prints what it found; exits 1 when a single acknowledged note went missing or the file broke.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWriter, killCycles } from './harness';

const ROOT = join(__dirname, '..', '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? Number(process.argv[i + 1]) : fallback;
};

async function main() {
  const kills = arg('kills', 1000);
  const maxDelayMs = arg('max-delay', 200);
  const writer = await buildWriter(ROOT);
  const dataDir = mkdtempSync(join(tmpdir(), 'raadsmap-crash-data-'));
  const started = Date.now();
  const report = await killCycles({
    root: ROOT,
    writer,
    dataDir,
    kills,
    maxDelayMs,
    onProgress: (n) => n % 50 === 0 && process.stderr.write(`${n}/${kills} kills\n`),
  });
  const bad = report.integrity.filter((r) => r !== 'ok');
  process.stdout.write(
    [
      `kills:                 ${report.kills}`,
      `acknowledged notes:    ${report.acknowledged}`,
      `missing after a kill:  ${report.missing.length}`,
      `position text lost:    ${report.lastPositionMissing}`,
      `integrity not ok:      ${bad.length}`,
      `synchronous (2=FULL):  ${report.synchronous.join(', ')}`,
      `time:                  ${((Date.now() - started) / 1000).toFixed(0)} s`,
    ].join('\n') + '\n',
  );
  process.exit(report.missing.length || bad.length || report.lastPositionMissing ? 1 : 0);
}

void main();
