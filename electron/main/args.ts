/**
 * Command-line parsing for Electron main. No Electron import, so it is unit-testable.
 *
 * In development argv is `[electron, dist/electron/main.cjs, ...args]`, packaged it is
 * `[Raadsmap, ...args]`; Chromium switches (`--no-sandbox`, `--enable-logging`, …) may be mixed in.
 */
export interface MainArgs {
  /** `--data DIR` or `--data=DIR`; undefined means RAADSMAP_DATA or the OS default. */
  dataDir: string | undefined;
  /** `.raadsmap` pack files the OS asked us to open (double-click, "Open with"). */
  packFiles: string[];
}

const PACK_EXTENSION = /\.raadsmap$/i;

export function isPackFile(arg: string): boolean {
  return PACK_EXTENSION.test(arg) && !arg.startsWith('-');
}

export function parseMainArgs(argv: readonly string[]): MainArgs {
  let dataDir: string | undefined;
  const packFiles: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        dataDir = next;
        i++;
      }
    } else if (arg.startsWith('--data=')) {
      const value = arg.slice('--data='.length);
      if (value) dataDir = value;
    } else if (isPackFile(arg)) {
      packFiles.push(arg);
    }
  }
  return { dataDir, packFiles };
}
