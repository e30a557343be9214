/** Journal lines with a checksum, and reading a journal file (see lowdb.ts). */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { damaged, describe, JOURNAL_FORMAT, SEALED } from './lowdb-files';
import type { Op } from './memory';
import { COLLECTIONS } from './types';

// ---------------------------------------------------------------------------------------------
// Lines with a checksum

const SHA_SUFFIX = ',"sha1":"'.length + 40 + '"}'.length;

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** `{...obj, sha1}` as one line, the checksum taken over `JSON.stringify(obj)`. */
export function sealLine(obj: object): string {
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

export type JournalLine = { n: number; seq: number; ops: Op[] };

export type JournalFile = {
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

/** With `headerOnly`, `buf` may hold just the header line; no transaction line is read. */
export function parseJournal(file: string, buf: Buffer, isCurrent: boolean, headerOnly = false): JournalFile {
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
  if (headerOnly) return out;
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
