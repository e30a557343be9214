/** File names, formats, errors and small file helpers of the embedded store (see lowdb.ts). */
import type { FileHandle } from 'node:fs/promises';
import { open, readFile, stat } from 'node:fs/promises';

export const FILES = {
  snapshot: 'tandem.json',
  prev: 'tandem.json.prev',
  journal: 'tandem.journal.jsonl',
  lock: 'tandem.lock',
} as const;

export const SNAPSHOT_FORMAT = 'tandem/1';
export const JOURNAL_FORMAT = 'tandem-journal/1';
export const SEALED = /^tandem\.journal\.(\d+)\.jsonl$/;

/** The data directory is damaged; the message says what is wrong and what to do. */
export class StoreDamagedError extends Error {
  override name = 'StoreDamagedError';
}

/** Another process (or this one) already uses the data directory. */
export class StoreLockedError extends Error {
  override name = 'StoreLockedError';
}

export function damaged(file: string, what: string, todo: string): StoreDamagedError {
  return new StoreDamagedError(`Tandem cannot start: ${file} ${what}. ${todo}`);
}

// ---------------------------------------------------------------------------------------------
// Small file helpers

export async function writeFully(fh: FileHandle, data: Buffer): Promise<void> {
  let off = 0;
  while (off < data.length) {
    const { bytesWritten } = await fh.write(data, off, data.length - off);
    off += bytesWritten;
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export function describe(buf: Buffer): string | null {
  if (buf.length === 0) return 'is empty (0 bytes)';
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    const all = buf.every((b) => b === 0);
    return all
      ? `is filled with NUL bytes (${buf.length} bytes): its data never reached the disk (power loss or disk fault)`
      : `contains NUL bytes from byte ${nul}: part of it never reached the disk (power loss or disk fault)`;
  }
  return null;
}
