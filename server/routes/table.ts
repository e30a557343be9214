/**
 * Imports of whole tables (roster, ratings) as CSV or JSON. CSV line numbers are the row numbers
 * a spreadsheet shows (header = 1), so people can find each bad cell; every problem is reported
 * at once and nothing is stored unless the whole table is good.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { ApiError } from '../middleware/errors';

export type LineError = { line: number; column: string | null; message: string };

/** One row to validate: its spreadsheet line and its cells by column name (empty cells = null). */
export type TableRow = { line: number; cells: Record<string, unknown> };

export function badTable(errors: LineError[]): ApiError {
  errors.sort((a, b) => a.line - b.line || String(a.column).localeCompare(String(b.column)));
  const lines = new Set(errors.map((e) => e.line)).size;
  return new ApiError(
    400,
    'invalid_table',
    `${lines} line${lines === 1 ? '' : 's'} could not be imported; nothing was stored. See details.`,
    errors,
  );
}

/**
 * Parses CSV text with a header row into rows keyed by column. Syntax and header errors throw
 * 400 at once; rows with the wrong number of cells are added to `errors` and left out.
 */
export function parseCsv(
  text: string,
  columns: readonly string[],
  required: readonly string[],
  errors: LineError[],
): TableRow[] {
  let records: { record: string[]; info: { records: number } }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      info: true,
      trim: false,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const ctx = e as CsvError & { records?: number; column?: number | string };
      const line = (ctx.records ?? 0) + 1;
      const column = typeof ctx.column === 'number' ? (columns[ctx.column] ?? String(ctx.column + 1)) : null;
      throw badTable([{ line, column, message: `CSV syntax error: ${e.message}` }]);
    }
    throw e;
  }
  const [head, ...body] = records;
  if (!head)
    throw badTable([{ line: 1, column: null, message: 'The file is empty; a header row is expected.' }]);
  const canonical = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const header = head.record.map((h) => {
    const name = h.trim();
    return canonical.get(name.toLowerCase()) ?? name;
  });
  const headErrors: LineError[] = [];
  const unknown = header.filter((h) => !columns.includes(h));
  const missing = required.filter((h) => !header.includes(h));
  if (unknown.length) {
    headErrors.push({
      line: 1,
      column: null,
      message: `unknown column(s) ${unknown.join(', ')}; expected ${columns.join(',')}`,
    });
  }
  if (missing.length)
    headErrors.push({ line: 1, column: null, message: `missing column(s) ${missing.join(', ')}` });
  const dup = header.filter((h, i) => header.indexOf(h) !== i);
  if (dup.length) headErrors.push({ line: 1, column: null, message: `repeated column(s) ${dup.join(', ')}` });
  if (headErrors.length) throw badTable(headErrors);

  const rows: TableRow[] = [];
  for (const { record, info } of body) {
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length !== header.length) {
      errors.push({
        line: info.records,
        column: null,
        message: `expected ${header.length} cells, found ${record.length}`,
      });
      continue;
    }
    const cells: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const v = record[i]!.trim();
      cells[h] = v === '' ? null : v;
    });
    rows.push({ line: info.records, cells });
  }
  return rows;
}

/**
 * One JSON cell read as its CSV cell would be: text trimmed, and `""`, blanks and `null` mean
 * "not given" (most exporters write "" for none), so the same table saved as CSV and as JSON
 * imports to the same store. Other values (numbers, objects) are left for the schema to judge.
 */
export function jsonCell(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** A JSON object's cells as CSV cells (see `jsonCell`); anything else is left to the schema. */
export function jsonCells(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonCell(x)]));
}

/** JSON tables: an array of objects; "line" is the 1-based position in the array. */
export function jsonRows(value: unknown): TableRow[] {
  if (!Array.isArray(value)) {
    throw new ApiError(400, 'invalid_input', 'Expected a JSON array of rows.', [
      { path: '(root)', message: 'expected an array' },
    ]);
  }
  return value.map((v, i) => ({ line: i + 1, cells: jsonCells(v) as Record<string, unknown> }));
}

/** Validates each row, collecting every issue as `{line, column, message}`. */
export function validateRows<T>(
  rows: TableRow[],
  schema: z.ZodType<T>,
  errors: LineError[],
): { line: number; value: T }[] {
  const out: { line: number; value: T }[] = [];
  for (const row of rows) {
    const r = schema.safeParse(row.cells);
    if (r.success) {
      out.push({ line: row.line, value: r.data });
      continue;
    }
    for (const issue of r.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) errors.push({ line: row.line, column: k, message: 'unknown field' });
      } else {
        const column = issue.path.length ? issue.path.map(String).join('.') : null;
        errors.push({ line: row.line, column, message: issue.message });
      }
    }
  }
  return out;
}

/**
 * Flags the second and later rows that repeat a key (compared trimmed and case-insensitively).
 * Works on the raw cells so that a row with other problems still counts as a duplicate.
 */
export function checkUnique(
  rows: TableRow[],
  column: string,
  key: (cells: Record<string, unknown>) => string | null,
  errors: LineError[],
  label = column,
): void {
  const first = new Map<string, number>();
  for (const r of rows) {
    if (!r.cells || typeof r.cells !== 'object') continue;
    const k = key(r.cells)?.trim().toLowerCase();
    if (!k) continue;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, r.line);
    else errors.push({ line: r.line, column, message: `duplicate ${label} "${k}", first on line ${seen}` });
  }
}

/** A cell as text, or null when empty or not text. */
export const cellText = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : null;
