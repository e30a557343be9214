/** Backup helpers used by server/admin: reading a data directory without owning it, snapshot files (see lowdb.ts). */
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { FILES, fsyncDir, SEALED, StoreDamagedError } from './lowdb-files';
import { load } from './lowdb-load';
import { capture, parseSnapshot, streamSnapshot } from './lowdb-snapshot';
import type { MemoryState } from './memory';

// ---------------------------------------------------------------------------------------------
// Reading a data directory without owning it (backups and exports while the service runs)

export type LowdbReading = {
  storeId: string;
  seq: number;
  /** The last journal transaction included. */
  lsn: number;
  state: MemoryState;
  /** How many times the files changed under the reader (a compaction) and it read them again. */
  retries: number;
};

/**
 * Which snapshot and journal files exist, and which inode the snapshot and the current journal
 * are: unchanged from before to after a reading means no compaction (rotation, snapshot
 * replacement, deletion of sealed journals) ran meanwhile; appends to the current journal do not
 * change it.
 */
async function filesFingerprint(dir: string): Promise<string> {
  const names = (await readdir(dir))
    .filter((n) => n === FILES.snapshot || n === FILES.journal || SEALED.test(n))
    .sort();
  const inodes = await Promise.all(
    [FILES.snapshot, FILES.journal].map((n) =>
      stat(path.join(dir, n)).then(
        (s) => `${n}:${s.ino}`,
        () => `${n}:-`,
      ),
    ),
  );
  return `${names.join(',')}|${inodes.join(',')}`;
}

/**
 * Reads the state of a data directory the way a start would (snapshot, then the journals after
 * it, checksums verified, a torn last line left out), but without the lock and without changing
 * any file, so it works while the service owns the directory and keeps writing.
 *
 * Consistency with a running service: journal lines are appended whole and acknowledged only
 * after their fsync, so every write acknowledged before this call is a complete line in a file
 * read here (a line still being appended is at most a torn tail, left out: never acknowledged).
 * A compaction may rotate the journal or replace the snapshot between two reads (and between its
 * rename of the current journal and the creation of the next one, there is no current journal at
 * all, so a reading could miss a whole sealed journal without any visible gap). So the list of
 * files and the inodes of the snapshot and of the current journal are taken before and after the
 * reading; if they differ, or `load` finds a gap or a file that vanished, the reading starts over
 * (up to `attempts`).
 */
export async function readLowdbDir(
  dataDir: string,
  opts: { attempts?: number; log?: (m: string) => void } = {},
): Promise<LowdbReading> {
  const dir = path.resolve(dataDir);
  const attempts = opts.attempts ?? 20;
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new Error(`${dir} does not exist`);
    throw e;
  });
  if (!names.includes(FILES.snapshot) && !names.includes(FILES.journal)) {
    throw new Error(`${dir} is not a Tandem data directory (no ${FILES.snapshot}, no ${FILES.journal})`);
  }
  let lastError: unknown = new Error(`${dir}: the files kept changing while being read; try again`);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const notes: string[] = [];
    try {
      const before = await filesFingerprint(dir);
      const loaded = await load(dir, (m) => notes.push(m));
      const after = await filesFingerprint(dir);
      if (before !== after) {
        // A rotation or a new snapshot happened while reading: what was read may lack a journal
        // that was sealed (or created) after the directory was listed. Read again.
        await new Promise((r) => setTimeout(r, 10 + attempt * 20));
        continue;
      }
      for (const n of notes) if (!/was torn by a crash mid-write/.test(n)) opts.log?.(n);
      const { state } = loaded;
      return { storeId: state.storeId, seq: state.seq, lsn: state.lsn, state, retries: attempt };
    } catch (e) {
      // A compaction moved files under us (a sealed journal deleted, a gap between the snapshot
      // read and the journals read): read again. Real damage stays damage after every attempt.
      const code = (e as NodeJS.ErrnoException).code;
      if (!(e instanceof StoreDamagedError) && code !== 'ENOENT') throw e;
      lastError = e;
      await new Promise((r) => setTimeout(r, 20 + attempt * 20));
    }
  }
  throw lastError;
}

/**
 * Writes `state` as a complete snapshot file `file` (a loadable `tandem.json`): to a temp file
 * beside it, fsync, rename, fsync of the directory. Never leaves `file` half-written. Readable by
 * its owner only by default: a backup holds everything the store does (token hashes, private notes).
 */
export async function saveSnapshotAs(file: string, state: MemoryState, mode = 0o600): Promise<number> {
  const target = path.resolve(file);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    const bytes = await streamSnapshot(tmp, capture(state), mode);
    await rename(tmp, target);
    await fsyncDir(path.dirname(target));
    return bytes;
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Parses a snapshot file (as `saveSnapshotAs` or a compaction writes it); throws when it is not one. */
export async function readSnapshotFile(file: string): Promise<LowdbReading> {
  const buf = await readFile(file);
  try {
    const snap = parseSnapshot(buf);
    return { storeId: snap.storeId, seq: snap.seq, lsn: snap.lsn, state: snap.state, retries: 0 };
  } catch (e) {
    throw new Error(`${file} ${(e as Error).message}`);
  }
}
