/**
 * Metrics as CSV (DESIGN §6): one row per group and a final `overall` row; columns named by dotted
 * paths (`coverage.review.rate`, `duration.histogram.0-15`); UTF-8 with a BOM (so spreadsheets
 * read Chinese names right); RFC 4180 quoting with CRLF line ends.
 *
 * Spreadsheet safety: a text cell starting with `=`, `+`, `-`, `@`, tab, CR, LF or NUL gets a
 * leading `'` so it is never read as a formula. Numbers are written as numbers, unprefixed — a
 * meanChange of −0.5 stays `-0.5` and sums in a spreadsheet — because they come from the engine
 * as typed numbers, never from people. Only strings (group keys such as department names and
 * manager emails, the suppression reason) are neutralised. `null` is an empty cell; booleans are
 * `true` / `false`.
 *
 * The first column `scope` says `group` or `overall` (a department may well be called "overall").
 */
import type { Group, MetricsResponse } from './types';

export const CSV_BOM = '\uFEFF';
const DANGEROUS_START = /^[=+\-@\t\r\n\0]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Neutralises and quotes one text cell. */
export function csvText(value: string): string {
  const safe = DANGEROUS_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvText(String(value));
}

type Flat = [path: string, value: unknown][];

/**
 * Measures that are an object or null: a null one still gives its columns (empty cells), so that
 * every export has the same header whatever the data.
 */
const NULLABLE_OBJECTS: Record<string, readonly string[]> = {
  'process.listening': ['sessions', 'balanced'],
};

function flatten(value: unknown, prefix: string, out: Flat): Flat {
  const shape = NULLABLE_OBJECTS[prefix];
  if (value === null && shape) {
    for (const k of shape) out.push([`${prefix}.${k}`, null]);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.push([prefix, value]);
  }
  return out;
}

/** The dotted-path columns of a group, in a stable order. */
export function groupColumns(group: Group): string[] {
  return flatten(group, '', []).map(([path]) => path);
}

export function metricsToCsv(response: MetricsResponse): string {
  const columns = groupColumns(response.overall);
  const lines = [['scope', ...columns].map(csvText).join(',')];
  const row = (scope: string, g: Group) => {
    const values = new Map(flatten(g, '', []));
    lines.push([csvText(scope), ...columns.map((c) => csvCell(values.get(c)))].join(','));
  };
  for (const g of response.groups) row('group', g);
  row('overall', response.overall);
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
