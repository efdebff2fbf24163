/**
 * Crash safety of notes.db: a child process writes notes through the app's own services and
 * reports each acknowledged id; it is killed with SIGKILL at random moments, 200 times. After every
 * kill, each acknowledged note must be there and `PRAGMA integrity_check` must say ok.
 * (`npm run crash:notes -- --kills 2000` runs the same harness longer.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWriter, killCycles } from '../crash/harness';
import { ROOT, useTempDir } from '../helpers/tmp';

const tmp = useTempDir();
let writer = '';

beforeAll(async () => {
  writer = await buildWriter(ROOT);
});

describe('notes survive being killed', () => {
  it('200 SIGKILLs at random moments: every acknowledged note is present, integrity ok, synchronous FULL', async () => {
    const report = await killCycles({ root: ROOT, writer, dataDir: tmp(), kills: 200, maxDelayMs: 200 });
    expect(report.kills).toBe(200);
    // The kills really landed while writing.
    expect(report.acknowledged).toBeGreaterThanOrEqual(200);
    expect(report.missing).toEqual([]);
    expect(report.lastPositionMissing).toBe(0);
    expect(new Set(report.integrity)).toEqual(new Set(['ok']));
    expect(report.synchronous).toEqual([2]); // 2 = FULL
  }, 600_000);
});
