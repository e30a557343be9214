/** The journal writer with group commit, and journal file creation and rotation (see lowdb.ts). */
import type { FileHandle } from 'node:fs/promises';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import { FILES, fsyncDir, JOURNAL_FORMAT, writeFully } from './lowdb-files';
import { sealLine } from './lowdb-journal';

// ---------------------------------------------------------------------------------------------
// Journal writer with group commit

function sealedName(lsn: number): string {
  return `tandem.journal.${String(lsn).padStart(12, '0')}.jsonl`;
}

/** Creates a journal file with its header atomically (temp, fsync, rename, fsync dir). */
export async function createJournal(dir: string, storeId: string, from: number): Promise<number> {
  const tmp = path.join(dir, `${FILES.journal}.tmp`);
  const header = Buffer.from(
    sealLine({ format: JOURNAL_FORMAT, storeId, from, createdAt: new Date().toISOString() }),
  );
  const fh = await open(tmp, 'w');
  try {
    await writeFully(fh, header);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path.join(dir, FILES.journal));
  await fsyncDir(dir);
  return header.length;
}

type Waiter = { resolve: () => void; reject: (e: unknown) => void };

export class Journal {
  /** Bytes in the current file. */
  bytes: number;
  /** Transaction lines in the current file. */
  lines: number;
  /** How many fsyncs made appended lines durable (each may carry many transactions). */
  syncs = 0;
  /** The lsn of the last line written and synced to the current file (or before it). */
  writtenLsn: number;
  /** The lsn of the last line handed to append. */
  private queuedLsn: number;
  failed: Error | null = null;
  onFlushed: (() => void) | null = null;
  /** Sealed journal files still on disk, oldest first. */
  readonly sealed: { file: string; lsn: number }[] = [];
  private buf: string[] = [];
  private waiters: Waiter[] = [];
  private running = false;
  private rotations: {
    resolve: (v: { sealed: string | null; lastLsn: number }) => void;
    reject: (e: unknown) => void;
  }[] = [];

  constructor(
    private readonly dir: string,
    private readonly storeId: string,
    private fh: FileHandle,
    bytes: number,
    lines: number,
    lastLsn: number,
  ) {
    this.bytes = bytes;
    this.lines = lines;
    this.writtenLsn = lastLsn;
    this.queuedLsn = lastLsn;
  }

  append(line: string, lsn: number): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    this.queuedLsn = lsn;
    return new Promise((resolve, reject) => {
      this.buf.push(line);
      this.waiters.push({ resolve, reject });
      this.kick();
    });
  }

  /** Seals the current file (if it holds any transaction) and starts a new one, between two fsyncs. */
  rotate(): Promise<{ sealed: string | null; lastLsn: number }> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.rotations.push({ resolve, reject });
      this.kick();
    });
  }

  /** Resolves when nothing is buffered or in flight. */
  async idle(): Promise<void> {
    while (this.running) await nextTick();
  }

  async close(): Promise<void> {
    await this.idle();
    await this.fh.close().catch(() => {});
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
      if ((this.buf.length > 0 || this.rotations.length > 0) && !this.failed) this.kick();
    });
  }

  fail(e: unknown): void {
    this.failed = e instanceof Error ? e : new Error(String(e));
    for (const w of this.waiters.splice(0)) w.reject(this.failed);
    for (const r of this.rotations.splice(0)) r.reject(this.failed);
    this.buf = [];
  }

  private async loop(): Promise<void> {
    while (!this.failed) {
      if (this.rotations.length > 0) {
        const rs = this.rotations.splice(0);
        try {
          const v = await this.doRotate();
          for (const r of rs) r.resolve(v);
        } catch (e) {
          for (const r of rs) r.reject(e);
          if (this.failed) return;
        }
        continue;
      }
      if (this.buf.length === 0) return;
      const data = Buffer.from(this.buf.join(''));
      const ws = this.waiters;
      const count = this.buf.length;
      const batchLsn = this.queuedLsn;
      this.buf = [];
      this.waiters = [];
      try {
        await writeFully(this.fh, data);
        await this.fh.datasync();
      } catch (e) {
        for (const w of ws) w.reject(e);
        this.fail(e);
        return;
      }
      this.bytes += data.length;
      this.lines += count;
      this.writtenLsn = batchLsn;
      this.syncs++;
      for (const w of ws) w.resolve();
      this.onFlushed?.();
    }
  }

  private async doRotate(): Promise<{ sealed: string | null; lastLsn: number }> {
    // Lines still buffered go to the new file, which starts right after the last one written here.
    const lastLsn = this.writtenLsn;
    if (this.lines === 0) return { sealed: null, lastLsn };
    const current = path.join(this.dir, FILES.journal);
    const sealed = path.join(this.dir, sealedName(lastLsn));
    // Until the rename, a failure changes nothing on disk.
    await rename(current, sealed);
    try {
      await fsyncDir(this.dir);
      const bytes = await createJournal(this.dir, this.storeId, lastLsn + 1);
      const fh = await open(current, 'a');
      await this.fh.close().catch(() => {});
      this.fh = fh;
      this.bytes = bytes;
      this.lines = 0;
      this.sealed.push({ file: sealed, lsn: lastLsn });
    } catch (e) {
      // The old file is sealed but no new one is in place: refuse further writes (a restart makes one).
      this.fail(e);
      throw e;
    }
    return { sealed, lastLsn };
  }
}
