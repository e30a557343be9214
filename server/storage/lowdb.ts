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
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import {
  applyOps,
  createMemoryStore,
  emptyState,
  type MemoryState,
  type MemoryStore,
  type Op,
} from './memory';
import { COLLECTIONS, type CollectionName, type Store } from './types';

export const FILES = {
  snapshot: 'tandem.json',
  prev: 'tandem.json.prev',
  journal: 'tandem.journal.jsonl',
  lock: 'tandem.lock',
} as const;

export const SNAPSHOT_FORMAT = 'tandem/1';
export const JOURNAL_FORMAT = 'tandem-journal/1';
const SEALED = /^tandem\.journal\.(\d+)\.jsonl$/;
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

/** The data directory is damaged; the message says what is wrong and what to do. */
export class StoreDamagedError extends Error {
  override name = 'StoreDamagedError';
}

/** Another process (or this one) already uses the data directory. */
export class StoreLockedError extends Error {
  override name = 'StoreLockedError';
}

// ---------------------------------------------------------------------------------------------
// Lines with a checksum

const SHA_SUFFIX = ',"sha1":"'.length + 40 + '"}'.length;

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** `{...obj, sha1}` as one line, the checksum taken over `JSON.stringify(obj)`. */
function sealLine(obj: object): string {
  const body = JSON.stringify(obj);
  return `${body.slice(0, -1)},"sha1":"${sha1(body)}"}\n`;
}

/** The object of a line made by `sealLine`, or a reason why it is not one. */
function unsealLine(
  line: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  if (line.length <= SHA_SUFFIX || !/,"sha1":"[0-9a-f]{40}"\}$/.test(line)) {
    return { ok: false, reason: 'no checksum at its end' };
  }
  const body = `${line.slice(0, -SHA_SUFFIX)}}`;
  if (sha1(body) !== line.slice(-42, -2)) return { ok: false, reason: 'checksum mismatch' };
  try {
    const value: unknown = JSON.parse(body);
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return { ok: false, reason: 'not an object' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (e) {
    return { ok: false, reason: `not JSON (${(e as Error).message})` };
  }
}

// ---------------------------------------------------------------------------------------------
// Small file helpers

async function writeFully(fh: FileHandle, data: Buffer): Promise<void> {
  let off = 0;
  while (off < data.length) {
    const { bytesWritten } = await fh.write(data, off, data.length - off);
    off += bytesWritten;
  }
}

async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Lock

const openDirs = new Set<string>();

type LockInfo = { pid: number; hostname: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedMessage(dir: string, holder: string): string {
  return (
    `Tandem cannot start: another Tandem service (${holder}) is using the data directory ${dir}; stop it or ` +
    `choose another TANDEM_DATA_DIR. If you are sure no such service runs, delete ${path.join(dir, FILES.lock)}.`
  );
}

async function acquireLock(dir: string, log: (m: string) => void): Promise<() => Promise<void>> {
  const file = path.join(dir, FILES.lock);
  if (openDirs.has(dir)) throw new StoreLockedError(lockedMessage(dir, `this process, pid ${process.pid}`));
  const mine: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 10; attempt++) {
    // Created complete under a private name, then linked in: `link` fails if the lock exists (like
    // open with `wx`), and no one ever sees a lock file without its pid.
    const tmp = path.join(dir, `${FILES.lock}.${process.pid}.${attempt}.tmp`);
    let created = false;
    try {
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(text);
      } finally {
        await fh.close();
      }
      try {
        await link(tmp, file);
        created = true;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') created = false;
        else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
          // No hard links on this file system: fall back to an exclusive create.
          try {
            const fh = await open(file, 'wx');
            await fh.writeFile(text);
            await fh.close();
            created = true;
          } catch (e2) {
            if ((e2 as NodeJS.ErrnoException).code !== 'EEXIST') throw e2;
          }
        } else throw e;
      }
    } finally {
      await rm(tmp, { force: true });
    }
    if (created) {
      openDirs.add(dir);
      return async () => {
        openDirs.delete(dir);
        const now = await readIfExists(file);
        if (now && now.toString('utf8') === text) await rm(file, { force: true });
      };
    }

    const raw = (await readIfExists(file))?.toString('utf8') ?? null;
    if (raw === null) continue; // released meanwhile: try again
    let holder: LockInfo | null = null;
    try {
      const v = JSON.parse(raw) as LockInfo;
      if (Number.isInteger(v.pid) && v.pid > 0) holder = v;
    } catch {}
    if (holder) {
      const sameHost = holder.hostname === os.hostname();
      if (!sameHost)
        throw new StoreLockedError(lockedMessage(dir, `pid ${holder.pid} on host ${holder.hostname}`));
      // Our own pid without our own lock is a leftover of an earlier life of this pid (pid 1 in a container).
      if (holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new StoreLockedError(lockedMessage(dir, `pid ${holder.pid}`));
      }
    }
    // Stale (dead pid, or a lock file this code never writes): move it aside, then make sure what
    // we moved is what we judged stale, not a fresh lock taken by another starter meanwhile.
    const aside = path.join(dir, `${FILES.lock}.stale-${process.pid}-${attempt}`);
    try {
      await rename(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = (await readIfExists(aside))?.toString('utf8') ?? null;
    if (moved !== raw) {
      await link(aside, file).catch(() => {});
      await rm(aside, { force: true });
      continue;
    }
    await rm(aside, { force: true });
    log(
      holder
        ? `tandem: took over the stale lock of pid ${holder.pid} (no longer running) in ${dir}`
        : `tandem: replaced an unreadable lock file in ${dir}`,
    );
  }
  throw new StoreLockedError(
    `Tandem cannot start: could not take the lock ${file}: other processes keep taking it. Try again.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Loading

type Snapshot = { storeId: string; seq: number; lsn: number; savedAt: string; state: MemoryState };

function describe(buf: Buffer): string | null {
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

function parseSnapshot(buf: Buffer): Snapshot {
  const bad = describe(buf);
  if (bad) throw new Error(bad);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(buf.toString('utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`is not valid JSON, probably truncated (${(e as Error).message}; ${buf.length} bytes)`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('is not a JSON object');
  if (doc.format !== SNAPSHOT_FORMAT) {
    throw new Error(
      `is not a Tandem snapshot (format ${JSON.stringify(doc.format)}, expected "${SNAPSHOT_FORMAT}")`,
    );
  }
  const { storeId, seq, lsn, savedAt, collections } = doc;
  if (typeof storeId !== 'string' || !storeId) throw new Error('has no storeId');
  if (!Number.isSafeInteger(seq) || (seq as number) < 0) throw new Error('has no valid seq');
  if (!Number.isSafeInteger(lsn) || (lsn as number) < 0) throw new Error('has no valid lsn');
  if (!collections || typeof collections !== 'object' || Array.isArray(collections)) {
    throw new Error('has no collections object');
  }
  const state = emptyState(storeId);
  for (const [name, rows] of Object.entries(collections)) {
    if (!(COLLECTIONS as readonly string[]).includes(name)) {
      throw new Error(`has an unknown collection "${name}" (written by a newer Tandem?)`);
    }
    if (!Array.isArray(rows)) throw new Error(`collection "${name}" is not an array`);
    const ops: Op[] = [];
    for (const row of rows as unknown[]) {
      if (!row || typeof row !== 'object' || typeof (row as { id?: unknown }).id !== 'string') {
        throw new Error(`collection "${name}" has a row without a string id`);
      }
      ops.push({ op: 'put', c: name as CollectionName, row: row as { id: string } });
    }
    applyOps(state, ops);
  }
  state.seq = seq as number;
  state.lsn = lsn as number;
  return { storeId, seq: seq as number, lsn: lsn as number, savedAt: String(savedAt ?? ''), state };
}

type JournalLine = { n: number; seq: number; ops: Op[] };

type JournalFile = {
  file: string;
  /** Sealed journals: the lsn in the name. */
  sealedLsn: number | null;
  storeId: string;
  from: number;
  lines: JournalLine[];
  /** Bytes of complete lines (header included): where a torn tail is cut. */
  goodBytes: number;
  bytes: number;
  torn: string | null;
};

function damaged(file: string, what: string, todo: string): StoreDamagedError {
  return new StoreDamagedError(`Tandem cannot start: ${file} ${what}. ${todo}`);
}

function checkOps(ops: unknown): Op[] | null {
  if (!Array.isArray(ops)) return null;
  for (const o of ops as Record<string, unknown>[]) {
    if (!o || typeof o !== 'object' || !(COLLECTIONS as readonly string[]).includes(o.c as string))
      return null;
    if (o.op === 'put') {
      const row = o.row as { id?: unknown } | null;
      if (!row || typeof row !== 'object' || typeof row.id !== 'string') return null;
    } else if (o.op !== 'remove' || typeof o.id !== 'string') return null;
  }
  return ops as Op[];
}

function parseJournal(file: string, buf: Buffer, isCurrent: boolean): JournalFile {
  const restore =
    'Restore the data directory from a backup, or move this file aside if you accept losing the writes it holds.';
  // An empty file or one that starts with NUL bytes: a journal is never created without its header.
  if (buf.length === 0 || buf[0] === 0) throw damaged(file, describe(buf) ?? 'is damaged', restore);
  const text = buf.toString('utf8');
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0) throw damaged(file, 'has no complete header line (truncated)', restore);
  const header = unsealLine(text.slice(0, firstEnd));
  if (!header.ok || header.value.format !== JOURNAL_FORMAT) {
    throw damaged(
      file,
      `does not start with a valid Tandem journal header (${header.ok ? 'wrong format' : header.reason})`,
      restore,
    );
  }
  const storeId = header.value.storeId;
  const from = header.value.from;
  if (typeof storeId !== 'string' || !Number.isSafeInteger(from) || (from as number) < 1) {
    throw damaged(file, 'has an invalid header', restore);
  }
  const m = SEALED.exec(path.basename(file));
  const out: JournalFile = {
    file,
    sealedLsn: m ? Number(m[1]) : null,
    storeId,
    from: from as number,
    lines: [],
    goodBytes: Buffer.byteLength(text.slice(0, firstEnd + 1)),
    bytes: buf.length,
    torn: null,
  };
  let pos = firstEnd + 1;
  let lineNo = 1;
  let expected = out.from;
  while (pos < text.length) {
    lineNo++;
    const end = text.indexOf('\n', pos);
    const last = end < 0;
    const raw = last ? text.slice(pos) : text.slice(pos, end);
    const sealed = last ? null : unsealLine(raw);
    if (last || !sealed?.ok) {
      const reason = last
        ? 'is incomplete (no end of line)'
        : `is corrupt (${sealed && !sealed.ok ? sealed.reason : ''})`;
      if (last && isCurrent && !raw.includes('\0')) {
        out.torn = `line ${lineNo} (${Buffer.byteLength(raw)} bytes at byte ${out.goodBytes}) ${reason}`;
        break;
      }
      const good = expected - 1;
      throw damaged(
        file,
        `line ${lineNo} (byte ${out.goodBytes}) ${raw.includes('\0') ? 'contains NUL bytes' : reason}`,
        `The ${lineNo - 2} transaction lines before it are intact (up to transaction ${good}). Restore the data ` +
          'directory from a backup; or, accepting the loss of every write after transaction ' +
          `${good}, cut the journal there (truncate -s ${out.goodBytes} ${file}) and start again.`,
      );
    }
    const v = sealed.value;
    const ops = checkOps(v.ops);
    if (v.n !== expected || !Number.isSafeInteger(v.seq) || !ops) {
      throw damaged(
        file,
        `line ${lineNo} is not the transaction expected (n=${String(v.n)}, expected ${expected})`,
        restore,
      );
    }
    out.lines.push({ n: expected, seq: v.seq as number, ops });
    expected++;
    pos = end + 1;
    out.goodBytes += Buffer.byteLength(raw) + 1;
  }
  if (out.sealedLsn !== null && expected - 1 !== out.sealedLsn) {
    throw damaged(
      file,
      `ends at transaction ${expected - 1} but was sealed at ${out.sealedLsn} (truncated)`,
      'Restore the data directory from a backup.',
    );
  }
  return out;
}

type Loaded = {
  state: MemoryState;
  /** The lsn of `tandem.json` as found (null when missing or damaged). */
  snapshotLsn: number | null;
  journals: JournalFile[];
  current: JournalFile | null;
  fresh: boolean;
  damagedSnapshot: string | null;
};

async function load(dir: string, log: (m: string) => void): Promise<Loaded> {
  const snapFile = path.join(dir, FILES.snapshot);
  const prevFile = path.join(dir, FILES.prev);

  const names = await readdir(dir);
  const sealedNames = names
    .filter((n) => SEALED.test(n))
    .sort((a, b) => Number(SEALED.exec(a)![1]) - Number(SEALED.exec(b)![1]));
  const journals: JournalFile[] = [];
  for (const n of sealedNames) {
    const f = path.join(dir, n);
    journals.push(parseJournal(f, await readFile(f), false));
  }
  const currentFile = path.join(dir, FILES.journal);
  const currentBuf = await readIfExists(currentFile);
  const current = currentBuf ? parseJournal(currentFile, currentBuf, true) : null;
  if (current) journals.push(current);

  let base: Snapshot | null = null;
  let snapshotLsn: number | null = null;
  let damagedSnapshot: string | null = null;
  const snapBuf = await readIfExists(snapFile);
  if (snapBuf) {
    try {
      base = parseSnapshot(snapBuf);
      snapshotLsn = base.lsn;
    } catch (e) {
      damagedSnapshot = (e as Error).message;
    }
  }
  if (!base && (damagedSnapshot || (await exists(prevFile)))) {
    // Recover from the previous snapshot, but only if the journals still reach back to it.
    const problem = damagedSnapshot ? `${snapFile} ${damagedSnapshot}` : `${snapFile} is missing`;
    const prevBuf = await readIfExists(prevFile);
    let prev: Snapshot | null = null;
    let prevProblem = 'there is no previous snapshot (tandem.json.prev)';
    if (prevBuf) {
      try {
        prev = parseSnapshot(prevBuf);
      } catch (e) {
        prevProblem = `the previous snapshot ${prevFile} ${(e as Error).message} too`;
      }
    }
    // Tandem never leaves a directory without a current journal, so none at all means files were removed.
    const firstLine = journals[0]?.from;
    if (prev && firstLine !== undefined && firstLine <= prev.lsn + 1) {
      log(
        `tandem: WARNING ${problem}; rebuilding from ${prevFile} (transaction ${prev.lsn}) and the journals.`,
      );
      base = prev;
    } else {
      const why = !prev
        ? prevProblem
        : firstLine === undefined
          ? `there are no journal files to replay after the previous snapshot ${prevFile}`
          : `the previous snapshot ${prevFile} covers transactions up to ${prev.lsn} but the journals start at ${firstLine}`;
      throw new StoreDamagedError(
        `Tandem cannot start: ${problem}, and it cannot be rebuilt: ${why}. Nothing was changed. Restore ` +
          `${snapFile} from a backup (keep the journal files beside it) and start again; Tandem will not start ` +
          'an empty store over damaged data.',
      );
    }
  }

  const storeId = base?.storeId ?? journals[0]?.storeId;
  for (const j of journals) {
    if (j.storeId !== storeId) {
      throw damaged(
        j.file,
        `belongs to another store (${j.storeId}, the snapshot is ${storeId})`,
        'Move the files that do not belong to this data directory aside.',
      );
    }
  }
  const state = base?.state ?? emptyState(storeId);
  let expected = state.lsn + 1;
  for (const j of journals) {
    if (j.from > expected) {
      throw damaged(
        j.file,
        `starts at transaction ${j.from} but transactions from ${expected} are missing ` +
          `(${base ? `the snapshot covers up to ${state.lsn}` : 'there is no snapshot'})`,
        `Restore ${FILES.snapshot} or the missing journal files from a backup.`,
      );
    }
    for (const line of j.lines) {
      if (line.n < expected) continue;
      applyOps(state, line.ops, line.seq, line.n);
      expected = line.n + 1;
    }
  }
  if (current?.torn) {
    log(
      `tandem: the last line of ${current.file} was torn by a crash mid-write (${current.torn}); it was never ` +
        'acknowledged and is cut away.',
    );
  }
  return {
    state,
    snapshotLsn,
    journals,
    current,
    fresh: !snapBuf && journals.length === 0 && !base,
    damagedSnapshot: snapBuf && snapshotLsn === null ? (damagedSnapshot ?? 'damaged') : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Snapshots

type Capture = { storeId: string; seq: number; lsn: number; rows: [CollectionName, unknown[]][] };

function capture(state: MemoryState): Capture {
  return {
    storeId: state.storeId,
    seq: state.seq,
    lsn: state.lsn,
    rows: COLLECTIONS.map((c) => [c, [...(state.collections[c] as Map<string, unknown>).values()]]),
  };
}

/** Streams a snapshot to `tmp` and fsyncs it; returns its size in bytes. */
async function streamSnapshot(tmp: string, snap: Capture, mode = 0o666): Promise<number> {
  const fh = await open(tmp, 'w', mode);
  let bytes = 0;
  try {
    let chunk =
      `{\n  "format": "${SNAPSHOT_FORMAT}",\n  "storeId": ${JSON.stringify(snap.storeId)},\n` +
      `  "seq": ${snap.seq},\n  "lsn": ${snap.lsn},\n  "savedAt": "${new Date().toISOString()}",\n` +
      '  "collections": {\n';
    const flush = async () => {
      const buf = Buffer.from(chunk);
      chunk = '';
      bytes += buf.length;
      await writeFully(fh, buf); // also yields to the event loop, so acknowledgements go on
    };
    for (let i = 0; i < snap.rows.length; i++) {
      const [c, rows] = snap.rows[i]!;
      chunk += `    "${c}": [`;
      for (let j = 0; j < rows.length; j++) {
        chunk += `${j ? ',' : ''}\n      ${JSON.stringify(rows[j])}`;
        if (chunk.length > 1 << 20) await flush();
      }
      chunk += `${rows.length ? '\n    ' : ''}]${i < snap.rows.length - 1 ? ',' : ''}\n`;
    }
    chunk += '  }\n}\n';
    await flush();
    await fh.sync();
  } finally {
    await fh.close();
  }
  return bytes;
}

/** Streams a snapshot to `tandem.json.tmp`, fsyncs it, keeps the old one as `.prev`, renames it in. */
async function writeSnapshot(dir: string, snap: Capture): Promise<number> {
  const tmp = path.join(dir, `${FILES.snapshot}.tmp`);
  const file = path.join(dir, FILES.snapshot);
  const bytes = await streamSnapshot(tmp, snap);
  const prev = path.join(dir, FILES.prev);
  if (await exists(file)) {
    await rm(prev, { force: true });
    await link(file, prev).catch(async () => copyFile(file, prev));
  }
  await rename(tmp, file);
  await fsyncDir(dir);
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Journal writer with group commit

function sealedName(lsn: number): string {
  return `tandem.journal.${String(lsn).padStart(12, '0')}.jsonl`;
}

/** Creates a journal file with its header atomically (temp, fsync, rename, fsync dir). */
async function createJournal(dir: string, storeId: string, from: number): Promise<number> {
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

class Journal {
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
