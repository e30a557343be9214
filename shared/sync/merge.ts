/**
 * Three-way merge of one record (a session or an action item) per field: `base` is the server
 * version both sides started from, `local` what this browser has, `server` what the service has
 * now. Fields only one side changed take that side; fields both changed the same way agree; fields
 * both changed differently are conflicts, kept for the manager to resolve (the merged record
 * holds the local value meanwhile, so nothing typed here is lost).
 *
 * Finer than whole fields where it helps people:
 * - `agenda` merges per sub-field (`agenda.strengths`, `agenda.gaps`, …);
 * - `notes` and `privateNotes` merge per section (`notes#feedback`, see notes.ts);
 * - lists merge as sets (`checklist`, `agenda.questions`, `agenda.causes`, `checkIns`): what one
 *   side added is added, what one side removed is removed, never a conflict.
 *
 * Pure, no dependencies, deterministic.
 */
import { formatSections, type NoteSection, PREAMBLE, parseSections } from './notes';

/** Bookkeeping that is never merged: the result takes the server's. */
const META = new Set(['version', 'updatedAt', 'baseVersion']);
const SECTIONED = new Set(['notes', 'privateNotes']);
const NESTED = new Set(['agenda']);
const LISTS = new Set(['checklist', 'checkIns', 'agenda.questions', 'agenda.causes']);

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface FieldConflict {
  /** `mainGoal`, `agenda.strengths`, `notes#keyPoints` … */
  path: string;
  base: unknown;
  local: unknown;
  server: unknown;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: FieldConflict[];
}

type Rec = Record<string, unknown>;

function norm(v: unknown): unknown {
  return v === undefined ? null : v;
}

/** Structural equality over JSON values; `undefined` and `null` are the same (absent). */
export function sameValue(a: unknown, b: unknown): boolean {
  a = norm(a);
  b = norm(b);
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ao = a as Rec;
  const bo = b as Rec;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameValue(ao[k], bo[k])) return false;
  return true;
}

function keyOf(v: unknown): string {
  return typeof v === 'string' ? `s:${v}` : `j:${stableJson(v)}`;
}

function stableJson(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Rec;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined && o[k] !== null)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Set-like merge of lists: start from the server's list, drop what local removed since base, add
 * what local added (in local order). Duplicates collapse.
 */
export function mergeList<V>(
  base: readonly V[] | null | undefined,
  local: readonly V[] | null | undefined,
  server: readonly V[] | null | undefined,
): V[] | null {
  const b = new Set((base ?? []).map(keyOf));
  const l = local ?? [];
  const lKeys = new Set(l.map(keyOf));
  const removed = new Set([...b].filter((k) => !lKeys.has(k)));
  const out: V[] = [];
  const seen = new Set<string>();
  for (const v of server ?? []) {
    const k = keyOf(v);
    if (removed.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  // What local added goes right after the item before it in the local list.
  l.forEach((v, i) => {
    const k = keyOf(v);
    if (b.has(k) || seen.has(k)) return;
    seen.add(k);
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const prev = keyOf(l[j]);
      const idx = out.findIndex((x) => keyOf(x) === prev);
      if (idx >= 0) {
        at = idx + 1;
        break;
      }
    }
    out.splice(at, 0, v);
  });
  if (out.length === 0 && local == null && server == null) return null;
  // Keep sorted lists sorted (the checklist is a sorted set of step numbers).
  if (out.every((v) => typeof v === 'number')) (out as number[]).sort((x, y) => x - y);
  return out;
}

/** The value at a merge path of a record. */
export function getPath(rec: Rec | null | undefined, path: string): unknown {
  if (!rec) return null;
  const hash = path.indexOf('#');
  if (hash >= 0) {
    const field = path.slice(0, hash);
    const id = path.slice(hash + 1);
    const text = rec[field];
    const s = parseSections(typeof text === 'string' ? text : null).find((x) => x.id === id);
    return s ? s.body : null;
  }
  const dot = path.indexOf('.');
  if (dot >= 0) {
    const outer = rec[path.slice(0, dot)];
    return outer && typeof outer === 'object' ? norm((outer as Rec)[path.slice(dot + 1)]) : null;
  }
  return norm(rec[path]);
}

/** A copy of `rec` with the value at a merge path replaced (`null` removes a section or sub-field). */
export function setPath<T extends object>(rec: T, path: string, value: unknown, title?: string): T {
  const out = { ...(rec as Rec) };
  const hash = path.indexOf('#');
  if (hash >= 0) {
    const field = path.slice(0, hash);
    const id = path.slice(hash + 1);
    const sections = parseSections(typeof out[field] === 'string' ? (out[field] as string) : null);
    const i = sections.findIndex((s) => s.id === id);
    if (value === null || value === undefined) {
      if (i >= 0) sections.splice(i, 1);
    } else if (i >= 0) sections[i] = { ...sections[i]!, body: String(value) };
    else sections.push({ id, title: title ?? id, body: String(value) });
    const text = formatSections(sections);
    out[field] = text === '' ? null : text;
    return out as T;
  }
  const dot = path.indexOf('.');
  if (dot >= 0) {
    const key = path.slice(0, dot);
    const outer = { ...((out[key] as Rec | null | undefined) ?? {}) };
    if (value === null || value === undefined) delete outer[path.slice(dot + 1)];
    else outer[path.slice(dot + 1)] = value;
    out[key] = outer;
    return out as T;
  }
  if (value === undefined) delete out[path];
  else out[path] = value;
  return out as T;
}

function sectionsOf(rec: Rec | null, field: string): NoteSection[] {
  const v = rec?.[field];
  return parseSections(typeof v === 'string' ? v : null);
}

/** Three-way merge of the sections of one notes field. */
function mergeSections(
  field: string,
  base: Rec | null,
  local: Rec,
  server: Rec,
  conflicts: FieldConflict[],
): string | null {
  const b = sectionsOf(base, field);
  const l = sectionsOf(local, field);
  const s = sectionsOf(server, field);
  // The server's order; a section only this side has goes right after the one before it here.
  const ids: string[] = s.map((x) => x.id);
  l.forEach((x, i) => {
    if (ids.includes(x.id)) return;
    const before = i > 0 ? ids.indexOf(l[i - 1]!.id) : -1;
    ids.splice(before + 1, 0, x.id);
  });
  const out: NoteSection[] = [];
  for (const id of ids) {
    const bs = b.find((x) => x.id === id);
    const ls = l.find((x) => x.id === id);
    const ss = s.find((x) => x.id === id);
    const value = merge3(
      `${field}#${id}`,
      bs ? bs.body : null,
      ls ? ls.body : null,
      ss ? ss.body : null,
      conflicts,
    );
    if (value === null) continue;
    out.push({ id, title: ls?.title || ss?.title || bs?.title || id, body: value as string });
  }
  // Keep the preamble first, as parseSections reads it.
  out.sort((x, y) => (x.id === PREAMBLE ? -1 : y.id === PREAMBLE ? 1 : 0));
  const text = formatSections(out);
  if (text === '') {
    const lv = local[field];
    const sv = server[field];
    // Keep '' vs null as the sides had it when they agree.
    return sameValue(lv, sv) ? ((lv as string | null | undefined) ?? null) : null;
  }
  return text;
}

function merge3(path: string, b: unknown, l: unknown, s: unknown, conflicts: FieldConflict[]): unknown {
  if (sameValue(l, s)) return norm(l);
  if (sameValue(l, b)) return norm(s);
  if (sameValue(s, b)) return norm(l);
  conflicts.push({ path, base: norm(b), local: norm(l), server: norm(s) });
  return norm(l);
}

/**
 * Merge `local` and `server` from their common `base` (null when unknown: then only fields one side
 * left empty merge by themselves). The result carries the server's `version` and `updatedAt`.
 */
export function mergeRecords<T extends object>(base: T | null, local: T, server: T): MergeResult<T> {
  const b = (base ?? null) as Rec | null;
  const l = local as Rec;
  const s = server as Rec;
  const conflicts: FieldConflict[] = [];
  const out: Rec = {};
  const keys: string[] = [];
  for (const rec of [s, l, b ?? {}]) for (const k of Object.keys(rec)) if (!keys.includes(k)) keys.push(k);

  for (const k of keys) {
    if (META.has(k)) continue;
    let value: unknown;
    if (SECTIONED.has(k)) {
      value = mergeSections(k, b, l, s, conflicts);
    } else if (NESTED.has(k) && isObj(l[k] ?? s[k] ?? b?.[k])) {
      const inner: Rec = {};
      const sub: string[] = [];
      for (const rec of [s[k], l[k], b?.[k]]) {
        if (isObj(rec)) for (const kk of Object.keys(rec)) if (!sub.includes(kk)) sub.push(kk);
      }
      for (const kk of sub) {
        const path = `${k}.${kk}`;
        const bv = getPath(b, path);
        const lv = getPath(l, path);
        const sv = getPath(s, path);
        const v = LISTS.has(path) ? mergeListOrNull(bv, lv, sv) : merge3(path, bv, lv, sv, conflicts);
        if (v !== null) inner[kk] = v;
      }
      const anySide = [l[k], s[k]].some((x) => x !== null && x !== undefined);
      value = Object.keys(inner).length > 0 || anySide ? inner : null;
    } else if (LISTS.has(k)) {
      value = mergeListOrNull(b?.[k], l[k], s[k]);
    } else {
      value = merge3(k, b?.[k], l[k], s[k], conflicts);
    }
    if (value !== null && value !== undefined) out[k] = value;
    else if (k in l || k in s) out[k] = null;
  }
  if ('version' in s) out.version = s.version;
  if ('updatedAt' in s) out.updatedAt = s.updatedAt;
  return { merged: out as T, conflicts };
}

function isObj(v: unknown): v is Rec {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function mergeListOrNull(b: unknown, l: unknown, s: unknown): unknown[] | null {
  const arr = (v: unknown) => (Array.isArray(v) ? v : null);
  if (sameValue(l, s)) return arr(l);
  return mergeList(arr(b), arr(l), arr(s));
}

export type Choice =
  | { pick: 'local' }
  | { pick: 'server' }
  /** Both texts, local first (text fields only). */
  | { pick: 'both' }
  | { pick: 'custom'; value: unknown };

/** The value a choice gives for one conflict. */
export function chosenValue(c: FieldConflict, choice: Choice): unknown {
  switch (choice.pick) {
    case 'local':
      return c.local;
    case 'server':
      return c.server;
    case 'both':
      return bothTexts(c.local, c.server);
    case 'custom':
      return choice.value;
  }
}

/** Two texts kept together, without repeating one that the other already contains. */
export function bothTexts(a: unknown, b: unknown): unknown {
  const x = typeof a === 'string' ? a.trim() : '';
  const y = typeof b === 'string' ? b.trim() : '';
  if (!x) return y || null;
  if (!y || x.includes(y)) return x;
  if (y.includes(x)) return y;
  return `${x}\n\n${y}`;
}

/** Whether a conflict's values are texts (so "keep both" and "edit" make sense). */
export function isTextConflict(c: FieldConflict): boolean {
  const ok = (v: unknown) => v === null || typeof v === 'string';
  return ok(c.local) && ok(c.server) && (typeof c.local === 'string' || typeof c.server === 'string');
}

/** Apply the manager's choices to a merged record. Paths without a choice keep the merged value. */
export function resolveConflicts<T extends object>(
  merged: T,
  conflicts: readonly FieldConflict[],
  choices: Readonly<Record<string, Choice>>,
): T {
  let out = merged;
  for (const c of conflicts) {
    const choice = choices[c.path];
    if (!choice) continue;
    out = setPath(out, c.path, chosenValue(c, choice));
  }
  return out;
}
