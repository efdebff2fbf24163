/**
 * Writing a file the user asked for, atomically: a temporary file beside the target, flushed to
 * disk, then renamed over it. A failure (folder missing or read-only, disk full, the target a
 * folder) leaves no partial file behind and is reported in Dutch and English.
 */
import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { RaadsmapError } from '../errors';

/** The file-system calls used (a test hands in a disk that fills up). */
export type WriteFs = Pick<
  typeof fs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync' | 'statSync'
>;

function reason(error: unknown): { nl: string; en: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { nl: 'de schijf is vol', en: 'the disk is full' };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { nl: 'geen schrijfrechten op deze plek', en: 'no permission to write there' };
    case 'ENOENT':
    case 'ENOTDIR':
      return { nl: 'de map bestaat niet', en: 'the folder does not exist' };
    case 'EISDIR':
      return { nl: 'dit is een map, geen bestand', en: 'this is a folder, not a file' };
    default:
      return {
        nl: error instanceof Error ? error.message : String(error),
        en: error instanceof Error ? error.message : String(error),
      };
  }
}

export function writeFailed(file: string, error: unknown): RaadsmapError {
  const why = reason(error);
  return new RaadsmapError(
    'write-failed',
    `Kan ${file} niet opslaan: ${why.nl}. Er is niets weggeschreven.`,
    `Cannot save ${file}: ${why.en}. Nothing was written.`,
    { cause: error },
  );
}

/** A temporary name beside `target` (same folder, so the rename is atomic). */
export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

export function writeFileAtomic(file: string, bytes: Uint8Array, io: WriteFs = fs): string {
  const target = resolve(file);
  let isDir = false;
  try {
    isDir = io.statSync(target).isDirectory();
  } catch {
    isDir = false;
  }
  if (isDir) throw writeFailed(target, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  const temp = tempNameFor(target);
  let fd: number | null = null;
  try {
    fd = io.openSync(temp, 'wx');
    let offset = 0;
    while (offset < bytes.length) offset += io.writeSync(fd, bytes, offset, bytes.length - offset);
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = null;
    io.renameSync(temp, target);
    return target;
  } catch (error) {
    if (fd !== null) {
      try {
        io.closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      io.rmSync(temp, { force: true });
    } catch {
      // nothing to remove
    }
    throw writeFailed(target, error);
  }
}
