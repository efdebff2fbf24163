/**
 * electron-builder.yml, checked the way electron-builder itself checks it: against its own JSON
 * schema (node_modules/app-builder-lib/scheme.json, draft-07, so plain Ajv), plus the settings
 * packaging depends on: native SQLite unpacked from the asar, the bundled default content where
 * electron/core/paths.ts looks for it, the .raadsmap file association, and the three platforms.
 */
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
  $schema: string;
};
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

let compiled: ReturnType<Ajv['compile']> | undefined;
function validator() {
  if (compiled) return compiled;
  // `typeof` is electron-builder's annotation for hook functions; union types are used throughout.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof' });
  compiled = ajv.compile(schema);
  return compiled;
}

type FileAssociation = { ext: string; name?: string; description?: string; mimeType?: string; role?: string };
type FileSet = { from?: string; to?: string; filter?: string[] };

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('passes electron-builder’s own configuration check', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config');
    const { DebugLogger } = await import('builder-util');
    await expect(
      validateConfiguration(config as Parameters<typeof validateConfiguration>[0], new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('has a schema that would catch a mistake (so the check above means something)', () => {
    const validate = validator();
    expect(validate({ ...config, appID: 'typo' })).toBe(false);
    expect(validate({ ...config, npmRebuild: 'yes' })).toBe(false);
    expect(validate({ ...config, nsis: { oneClick: false, perMachin: false } })).toBe(false);
  });

  it('names the app', () => {
    expect(config.appId).toBe('nl.raadsmap.app');
    expect(config.productName).toBe('Raadsmap');
    expect(config.directories).toMatchObject({ output: 'release' });
  });

  it('packs the built code only, never the dev cache, tests or scripts', () => {
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    const exclusions = files.filter((f) => f.startsWith('!')).join(' ');
    for (const folder of ['.cache', 'test', 'scripts']) expect(exclusions).toContain(folder);
  });

  it('unpacks better-sqlite3 and every .node file from the asar, and rebuilds it for Electron', () => {
    const unpack = config.asarUnpack as string[];
    expect(unpack).toContain('**/node_modules/better-sqlite3/**');
    expect(unpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
  });

  it('ships resources/ as process.resourcesPath/resources, where paths.ts finds the default content', () => {
    const extra = config.extraResources as FileSet[];
    expect(extra).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources' }));
    expect(existsSync(join(ROOT, 'resources', 'default-content', 'pack.json'))).toBe(true);
  });

  it('turns off the Electron fuses an attacker could use', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('opens .raadsmap packs', () => {
    const associations = ([] as FileAssociation[]).concat(
      config.fileAssociations as FileAssociation | FileAssociation[],
    );
    expect(associations).toContainEqual({
      ext: 'raadsmap',
      name: 'Raadsmap-pakket',
      description: expect.any(String),
      mimeType: 'application/x-raadsmap-pack',
      role: 'Viewer',
    });
  });

  it('builds for Linux, Windows and macOS', () => {
    const linux = config.linux as { target: string[]; category: string };
    const win = config.win as { target: string[] };
    const mac = config.mac as { target: string[]; category: string };
    expect(linux.target).toEqual(['AppImage', 'deb']);
    expect(linux.category).toBe('Office');
    expect(win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(mac.target).toEqual(['dmg']);
    expect(mac.category).toBe('public.app-category.productivity');
  });

  it('points at icons that exist', () => {
    expect(existsSync(join(ROOT, config.icon as string))).toBe(true);
    const png = readFileSync(join(ROOT, config.icon as string));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Width and height from the IHDR chunk: 512 × 512, enough for macOS and Windows conversion.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
