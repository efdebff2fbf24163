/**
 * Kill-at-random-moments harness shared by the crash test (≥ 200 kills) and `npm run crash:notes`
 * (as many as asked). Builds the writer child with esbuild, then repeatedly: start it, let it
 * write, SIGKILL it after a random delay, and verify notes.db.
 */
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KillReport {
  kills: number;
  acknowledged: number;
  missing: string[];
  integrity: string[];
  synchronous: number[];
  lastPositionMissing: number;
}

export async function buildWriter(root: string): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'raadsmap-crash-')), 'writer.cjs');
  await build({
    entryPoints: [join(root, 'test', 'crash', 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    external: ['better-sqlite3'],
    logLevel: 'error',
    absWorkingDir: root,
    nodePaths: [join(root, 'node_modules')],
  });
  return out;
}

/** Runs `kills` kill cycles against one data folder (notes accumulate across kills). */
export async function killCycles(options: {
  root: string;
  writer: string;
  dataDir: string;
  kills: number;
  maxDelayMs: number;
  onProgress?: (done: number) => void;
}): Promise<KillReport> {
  const report: KillReport = {
    kills: 0,
    acknowledged: 0,
    missing: [],
    integrity: [],
    synchronous: [],
    lastPositionMissing: 0,
  };
  const acked: string[] = [];
  for (let k = 0; k < options.kills; k++) {
    let lastPosition: string | null = null;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [options.writer, options.dataDir, join(options.root, 'resources')], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_PATH: join(options.root, 'node_modules') },
      });
      let buffer = '';
      let stderr = '';
      let timer: NodeJS.Timeout | null = null;
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) !== -1) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line === 'ready' && !timer) {
            timer = setTimeout(() => child.kill('SIGKILL'), Math.random() * options.maxDelayMs);
          } else if (line.startsWith('ack ')) acked.push(line.slice(4));
          else if (line.startsWith('pos ')) lastPosition = line.slice(4);
        }
      });
      child.on('exit', (code, signal) => {
        if (timer) clearTimeout(timer);
        if (signal === 'SIGKILL') resolve();
        else reject(new Error(`writer exited by itself (${code}): ${stderr}`));
      });
    });
    report.kills++;
    // Verify after every kill: all acknowledged notes present, the file intact.
    const db = new Database(join(options.dataDir, 'notes.db'), { readonly: true });
    try {
      report.integrity.push(db.pragma('integrity_check', { simple: true }) as string);
      const present = new Set(db.prepare('SELECT id FROM annotations').pluck().all() as string[]);
      for (const id of acked) if (!present.has(id)) report.missing.push(id);
      if (lastPosition !== null) {
        const reasoning = db.prepare(`SELECT reasoning FROM positions WHERE decision_label = '1a'`).pluck().get() as
          string | undefined;
        // The acknowledged position text or a later one (written but not yet acknowledged).
        const ackedVersion = Number((lastPosition as string).split(' ')[1]);
        const stored = Number(reasoning?.split(' ')[1] ?? -1);
        if (!(stored >= ackedVersion)) report.lastPositionMissing++;
      }
    } finally {
      db.close();
    }
    options.onProgress?.(k + 1);
  }
  report.acknowledged = acked.length;
  // The synchronous setting the app uses, read the way the app opens the file.
  const { openServices } = await import('../../electron/core/services');
  const services = openServices({ dataDir: options.dataDir, resourcesDir: join(options.root, 'resources') });
  report.synchronous.push(services.notesDb.pragma('synchronous', { simple: true }) as number);
  services.close();
  return report;
}
