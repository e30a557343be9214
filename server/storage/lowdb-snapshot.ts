/** Reading and writing snapshot files (see lowdb.ts). */
import { copyFile, link, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, exists, FILES, fsyncDir, SNAPSHOT_FORMAT, writeFully } from './lowdb-files';
import { applyOps, emptyState, type MemoryState, type Op } from './memory';
import { COLLECTIONS, type CollectionName } from './types';

// ---------------------------------------------------------------------------------------------
// Snapshots

export type Snapshot = { storeId: string; seq: number; lsn: number; savedAt: string; state: MemoryState };

export function parseSnapshot(buf: Buffer): Snapshot {
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

export type Capture = { storeId: string; seq: number; lsn: number; rows: [CollectionName, unknown[]][] };

export function capture(state: MemoryState): Capture {
  return {
    storeId: state.storeId,
    seq: state.seq,
    lsn: state.lsn,
    rows: COLLECTIONS.map((c) => [c, [...(state.collections[c] as Map<string, unknown>).values()]]),
  };
}

/** Streams a snapshot to `tmp` and fsyncs it; returns its size in bytes. */
export async function streamSnapshot(tmp: string, snap: Capture, mode = 0o666): Promise<number> {
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
export async function writeSnapshot(dir: string, snap: Capture): Promise<number> {
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
