/**
 * The embedded store: the in-memory core (memory.ts) made durable with an append-only journal
 * and lowdb-compatible JSON snapshots, in one data directory owned by one process.
 *
 * Files in the data directory:
 * - `tandem.json`: the snapshot, a plain JSON document (lowdb's `JSONFile` reads it):
 *   `{format: "tandem/1", storeId, seq, lsn, savedAt, collections: {users: [...], ...}}`, one row a
 *   line. `lsn` is the last journal transaction it contains. Only ever replaced whole, by
 *   write-to-temp + fsync + rename + fsync of the directory, so it is never half-written.
 * - `tandem.json.prev`: the snapshot before it (a hard link made before the replacement); with the
 *   journals kept beside it, it can rebuild everything if `tandem.json` is ever damaged.
 * - `tandem.journal.jsonl`: the current journal. Its first line is a header
 *   `{format: "tandem-journal/1", storeId, from, createdAt, sha1}`; every other line is one
 *   committed transaction `{n, seq, ops, sha1}` (n = lsn, consecutive). `sha1` is the SHA-1 of the
 *   line's JSON without the `sha1` member, so a torn or corrupt line is detected. Lines are appended
 *   and fdatasync'ed before the writes they hold are acknowledged; writers that are ready while an
 *   fsync is in flight share the next one (group commit), so one write costs one append of its own
 *   bytes plus a share of an fsync, whatever the size of the store.
 * - `tandem.journal.<lsn>.jsonl`: a sealed journal (rotated at compaction; `<lsn>` = its last line).
 *   Deleted once a `tandem.json.prev` covers it.
 * - `tandem.lock`: `{pid, hostname, startedAt}` of the process that owns the directory.
 *
 * Start: load `tandem.json` (or, when it is missing or damaged, `tandem.json.prev` if the journals
 * still reach back to it), replay journal lines after its `lsn`, in order. A torn last line of the
 * current journal (a crash mid-append: that write was never acknowledged) is cut away and logged.
 * Anything else that is wrong (a corrupt line before the end, NUL bytes, an empty or truncated
 * file, a gap in the transaction numbers) stops the start with a message saying what is wrong and
 * what to do; the store never starts empty over damaged data.
 *
 * Compaction (at close, and when the journal passes `compactAtBytes`): seal the current journal
 * (rename it, start a new one), wait until everything in it is applied, take a consistent copy of
 * the state, stream it to `tandem.json.tmp`, fsync, link the old snapshot to `.prev`, rename,
 * fsync the directory, then delete sealed journals that `.prev` covers. Writes go on meanwhile.
 * Crash points, each safe because every acknowledged write is in a journal file that is only
 * deleted after two newer durable snapshots contain it:
 * - while sealing: the new journal is created as a temp file (header, fsync) and renamed in only
 *   after the old one was renamed and the directory fsynced; a start that finds no current
 *   journal makes one; stray temp files are removed;
 * - while writing the snapshot temp file: ignored and removed at start;
 * - between linking `.prev` and the rename: `tandem.json` is still the old, complete snapshot;
 * - after the rename: old or new snapshot, both complete; the sealed journal is still there.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import { FILES } from './lowdb-files';
import { sealLine } from './lowdb-journal';
import { createJournal, Journal } from './lowdb-journal-writer';
import { load } from './lowdb-load';
import { acquireLock } from './lowdb-lock';
import { capture, writeSnapshot } from './lowdb-snapshot';
import { createMemoryStore, type MemoryStore } from './memory';
import type { Store } from './types';

export { type LowdbReading, readLowdbDir, readSnapshotFile, saveSnapshotAs } from './lowdb-backup';
export {
  FILES,
  JOURNAL_FORMAT,
  SNAPSHOT_FORMAT,
  StoreDamagedError,
  StoreLockedError,
} from './lowdb-files';

const DEFAULT_COMPACT_AT = 64 * 1024 * 1024;

export type LowdbStoreOptions = {
  /** Compact once the current journal is larger than this many bytes (default 64 MiB). */
  compactAtBytes?: number;
  /** Where notices go (a torn line cut away, a recovery, a failed compaction). Default: console.warn. */
  log?: (message: string) => void;
};

export type CompactionReport = {
  /** False when there was nothing new since the last snapshot. */
  compacted: boolean;
  lsn: number;
  bytes: number;
  ms: number;
};

export type LowdbStore = Store & {
  readonly dataDir: string;
  /** Writes a new snapshot and rotates the journal now (also done at close and past the threshold). */
  compact(): Promise<CompactionReport>;
  stats(): {
    lsn: number;
    seq: number;
    journalBytes: number;
    /** fsyncs of the journal since open; fewer than writes when writers shared them. */
    journalSyncs: number;
    snapshotLsn: number;
    sealedJournals: number;
  };
  /**
   * For tests: drops file handles and the lock the way a crash would, without flushing pending
   * writes or compacting. Acknowledged writes are already on disk.
   */
  abandon(): Promise<void>;
};

// ---------------------------------------------------------------------------------------------
// The store

export async function openLowdbStore(dataDir: string, opts: LowdbStoreOptions = {}): Promise<LowdbStore> {
  const dir = path.resolve(dataDir);
  const log = opts.log ?? ((m: string) => console.warn(m));
  const compactAt = opts.compactAtBytes ?? DEFAULT_COMPACT_AT;
  await mkdir(dir, { recursive: true });
  const release = await acquireLock(dir, log);
  let journal: Journal | null = null;
  try {
    for (const tmp of [`${FILES.snapshot}.tmp`, `${FILES.journal}.tmp`])
      await rm(path.join(dir, tmp), { force: true });
    const loaded = await load(dir, log);
    const { state } = loaded;
    const snapFile = path.join(dir, FILES.snapshot);
    let snapshotLsn = loaded.snapshotLsn;

    if (loaded.fresh) {
      // Make the storeId durable before anything else: cursors carry it.
      await writeSnapshot(dir, capture(state));
      snapshotLsn = 0;
    }
    if (loaded.damagedSnapshot !== null) {
      const aside = path.join(dir, `${FILES.snapshot}.damaged-${Date.now()}`);
      await rename(snapFile, aside);
      await writeSnapshot(dir, capture(state));
      snapshotLsn = state.lsn;
      log(`tandem: the damaged snapshot was kept as ${aside}; a new ${FILES.snapshot} was written.`);
    }

    // The current journal: cut a torn tail, or create it (fresh store, or a crash while sealing).
    const journalFile = path.join(dir, FILES.journal);
    const cur = loaded.current;
    let bytes: number;
    let lines: number;
    if (cur) {
      if (cur.torn) {
        const fh = await open(journalFile, 'r+');
        try {
          await fh.truncate(cur.goodBytes);
          await fh.sync();
        } finally {
          await fh.close();
        }
      }
      bytes = cur.goodBytes;
      lines = cur.lines.length;
    } else {
      bytes = await createJournal(dir, state.storeId, state.lsn + 1);
      lines = 0;
    }
    const fh = await open(journalFile, 'a');
    journal = new Journal(dir, state.storeId, fh, bytes, lines, state.lsn);
    const j = journal;
    for (const x of loaded.journals)
      if (x.sealedLsn !== null) j.sealed.push({ file: x.file, lsn: x.sealedLsn });

    let compacting: Promise<CompactionReport> | null = null;
    let nextCompactAt = compactAt;
    let mem: MemoryStore;
    let abandoned = false;

    const compact = (): Promise<CompactionReport> => {
      compacting ??= (async (): Promise<CompactionReport> => {
        const t0 = performance.now();
        const { lastLsn } = await j.rotate();
        while (mem.state.lsn < lastLsn) {
          if (mem.failure()) throw mem.failure();
          await nextTick();
        }
        if (mem.state.lsn === snapshotLsn) {
          return { compacted: false, lsn: mem.state.lsn, bytes: 0, ms: performance.now() - t0 };
        }
        const snap = capture(mem.state);
        const prevLsn = snapshotLsn;
        const written = await writeSnapshot(dir, snap);
        snapshotLsn = snap.lsn;
        // Sealed journals are needed only to rebuild from `.prev`; drop those it fully covers.
        if (prevLsn !== null) {
          while (j.sealed.length > 0 && j.sealed[0]!.lsn <= prevLsn) {
            await rm(j.sealed[0]!.file, { force: true });
            j.sealed.shift();
          }
        }
        return { compacted: true, lsn: snap.lsn, bytes: written, ms: performance.now() - t0 };
      })().finally(() => {
        compacting = null;
      });
      return compacting;
    };

    j.onFlushed = () => {
      if (j.bytes > nextCompactAt && !compacting && !abandoned) {
        compact().then(
          () => {
            nextCompactAt = compactAt;
          },
          (e: unknown) => {
            // Not fatal for writes: the journal keeps everything. Try again after it grew further.
            nextCompactAt = j.bytes + compactAt;
            log(`tandem: compaction failed (${(e as Error).message}); will retry later.`);
          },
        );
      }
    };

    mem = createMemoryStore({
      state,
      kind: 'lowdb',
      location: snapFile,
      persist: (ops, seq, lsn) => j.append(sealLine({ n: lsn, seq, ops }), lsn),
      onClose: async () => {
        try {
          if (abandoned) return;
          if (compacting) await compacting.catch(() => {});
          if (!mem.failure() && !j.failed) await compact();
        } finally {
          await j.close();
          await release();
        }
      },
    });

    const store: LowdbStore = {
      kind: 'lowdb',
      location: snapFile,
      storeId: state.storeId,
      dataDir: dir,
      read: (fn) => mem.read(fn),
      write: (fn) => mem.write(fn),
      close: () => mem.close(),
      compact,
      stats: () => ({
        lsn: mem.state.lsn,
        seq: mem.state.seq,
        journalBytes: j.bytes,
        journalSyncs: j.syncs,
        snapshotLsn: snapshotLsn ?? -1,
        sealedJournals: j.sealed.length,
      }),
      abandon: async () => {
        abandoned = true;
        j.fail(new Error('store abandoned'));
        // Unlike a real crash, a compaction running in this process would go on; let it end first.
        if (compacting) await compacting.catch(() => {});
        await j.close();
        await release();
      },
    };
    return store;
  } catch (e) {
    await journal?.close().catch(() => {});
    await release();
    throw e;
  }
}
