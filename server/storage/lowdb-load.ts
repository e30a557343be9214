/** Loading a data directory: snapshot (or its `.prev`), then journal replay (see lowdb.ts). */
import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { damaged, exists, FILES, readIfExists, SEALED, StoreDamagedError } from './lowdb-files';
import { type JournalFile, parseJournal } from './lowdb-journal';
import { parseSnapshot, type Snapshot } from './lowdb-snapshot';
import { applyOps, emptyState, type MemoryState } from './memory';

// ---------------------------------------------------------------------------------------------
// Loading

export type Loaded = {
  state: MemoryState;
  /** The lsn of `tandem.json` as found (null when missing or damaged). */
  snapshotLsn: number | null;
  journals: JournalFile[];
  current: JournalFile | null;
  fresh: boolean;
  damagedSnapshot: string | null;
};

/** A sealed journal's header only (see `load`), as a JournalFile without lines. */
async function readJournalHeader(file: string): Promise<JournalFile> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const chunks: Buffer[] = [];
    for (let pos = 0; pos < size; ) {
      const buf = Buffer.alloc(Math.min(64 * 1024, size - pos));
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      const part = buf.subarray(0, bytesRead);
      chunks.push(part);
      pos += bytesRead;
      const nl = part.indexOf(10);
      if (nl >= 0) {
        const all = Buffer.concat(chunks);
        const header = parseJournal(file, all.subarray(0, all.indexOf(10) + 1), false, true);
        return { ...header, bytes: size };
      }
    }
    return parseJournal(file, Buffer.concat(chunks), false, true);
  } finally {
    await fh.close();
  }
}

export async function load(dir: string, log: (m: string) => void): Promise<Loaded> {
  const snapFile = path.join(dir, FILES.snapshot);
  const prevFile = path.join(dir, FILES.prev);

  let base: Snapshot | null = null;
  let snapshotLsn: number | null = null;
  let damagedSnapshot: string | null = null;
  let hadSnapshot = false;
  {
    // In a block of its own, so the file's bytes can be collected once parsed.
    const snapBuf = await readIfExists(snapFile);
    hadSnapshot = snapBuf !== null && snapBuf !== undefined;
    if (snapBuf) {
      try {
        base = parseSnapshot(snapBuf);
        snapshotLsn = base.lsn;
      } catch (e) {
        damagedSnapshot = (e as Error).message;
      }
    }
  }

  const names = await readdir(dir);
  const sealedNames = names
    .filter((n) => SEALED.test(n))
    .sort((a, b) => Number(SEALED.exec(a)![1]) - Number(SEALED.exec(b)![1]));
  const journals: JournalFile[] = [];
  for (const n of sealedNames) {
    const f = path.join(dir, n);
    // A sealed journal the snapshot fully covers is kept only for rebuilding from `.prev`: its
    // header is checked (it must belong to this store), its lines are not read.
    const covered = snapshotLsn !== null && Number(SEALED.exec(n)![1]) <= snapshotLsn;
    journals.push(covered ? await readJournalHeader(f) : parseJournal(f, await readFile(f), false));
  }
  const currentFile = path.join(dir, FILES.journal);
  const currentBuf = await readIfExists(currentFile);
  const current = currentBuf ? parseJournal(currentFile, currentBuf, true) : null;
  if (current) journals.push(current);

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
    fresh: !hadSnapshot && journals.length === 0 && !base,
    damagedSnapshot: hadSnapshot && snapshotLsn === null ? (damagedSnapshot ?? 'damaged') : null,
  };
}
