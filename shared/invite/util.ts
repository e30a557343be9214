/** Small text helpers the invite parsers share. No dependencies, safe in a content script. */
import type { InviteError, Localized } from './types';

/** Why an input was turned away before parsing: the same three guards for a file and for pasted text. */
export type InputRejection = 'empty' | 'too-long' | 'binary';

/**
 * The guards every invite parser runs first, so junk is refused cheaply and with a clear reason
 * before any pattern or ical.js sees it; undefined when the input may be parsed.
 */
export function rejectInput(input: unknown, maxLength: number): InputRejection | undefined {
  if (typeof input !== 'string' || input.trim() === '') return 'empty';
  if (input.length > maxLength) return 'too-long';
  if (looksBinary(input)) return 'binary';
  return undefined;
}

/** A NUL, or more than 5% control characters or U+FFFD in the first 4 KiB (at least 4). */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return bad > Math.max(3, sample.length * 0.05);
}

/**
 * The `{ok: false}` result of a parser: the localized message of `code`, and the parser's own
 * detail (an exception message) cut to `maxDetail` so that junk cannot make the result large.
 */
export function inviteFailure<C extends string>(
  code: C,
  messages: Record<C, Localized>,
  detail: string | undefined,
  maxDetail: number,
): { ok: false; error: InviteError<C> & { detail?: string } } {
  return {
    ok: false,
    error: { code, message: messages[code], ...(detail ? { detail: detail.slice(0, maxDetail) } : {}) },
  };
}

/**
 * The email check zod's `z.email()` applies, repeated without zod so that parsers drop an address
 * the schema would refuse instead of producing an invalid `InviteInfo`.
 */
const EMAIL_PATTERN =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export function isEmail(s: string): boolean {
  return s.length <= 320 && EMAIL_PATTERN.test(s);
}

/** A cleaned, lowercased email, or undefined when `s` is not one (`mailto:` is dropped). */
export function cleanEmail(s: string | null | undefined): string | undefined {
  if (typeof s !== 'string') return undefined;
  const e = s
    .trim()
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  return isEmail(e) ? e : undefined;
}

/** Trimmed, inner whitespace collapsed, cut to `max` characters (without splitting a surrogate pair); undefined when empty. */
export function cleanText(s: string | null | undefined, max: number): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.replace(/\s+/g, ' ').trim();
  if (t === '') return undefined;
  return cut(t, max);
}

/** Like `cleanText` but keeps line breaks (for descriptions). */
export function cleanMultiline(s: string | null | undefined, max: number): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (t === '') return undefined;
  return cut(t, max);
}

export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return s.slice(0, end);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  middot: '·',
  hellip: '…',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const hex = body[1] === 'x' || body[1] === 'X';
      const n = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return m;
      return String.fromCodePoint(n);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

const MAX_HTML = 500_000;

/** Remove `<script>`, `<style>`, `<head>`, `<title>` blocks and comments in one pass (no regex backtracking). */
function dropBlocks(html: string): string {
  const lower = html.toLowerCase();
  const opener = /<(script|style|head|title)\b|<!--/g;
  let out = '';
  let from = 0;
  for (let m = opener.exec(lower); m; m = opener.exec(lower)) {
    out += html.slice(from, m.index);
    const comment = m[0] === '<!--';
    const close = comment ? '-->' : `</${m[1]}`;
    const at = lower.indexOf(close, m.index + m[0].length);
    if (at < 0) return out;
    const end = comment ? at + 3 : lower.indexOf('>', at) + 1;
    if (end <= 0) return out;
    from = end;
    opener.lastIndex = end;
  }
  return out + html.slice(from);
}

/**
 * Plain text from an HTML fragment (Outlook's `X-ALT-DESC`, a calendar page's description): links
 * keep their target (`text href`), block ends become line breaks, entities are decoded. Every
 * pattern is bounded, so junk cannot make it slow.
 */
export function stripHtml(input: string): string {
  const html = input.length > MAX_HTML ? input.slice(0, MAX_HTML) : input;
  return decodeEntities(
    dropBlocks(html)
      // Not `<href>`: the tag stripper below would eat it.
      .replace(
        /<a\b[^<>]{0,500}?\bhref\s*=\s*(?:"([^"<>]{0,4000})"[^<>]{0,500}|'([^'<>]{0,4000})'[^<>]{0,500}|([^\s<>"']{1,4000})(?:\s[^<>]{0,500})?)>/gi,
        (_m, a, b, c) => ` ${String(a ?? b ?? c ?? '')} `,
      )
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|tr|h[1-6]|table|ul|ol)\s*>/gi, '\n')
      .replace(/<[^<>]{0,4000}>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Does the text contain Chinese characters? */
export function hasCjk(s: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(s);
}

/**
 * A person's name reduced for comparison: NFKC (full-width → half-width), lowercased, whitespace
 * collapsed, and for names with Chinese characters all spaces removed (`李 四` = `李四`).
 */
export function normalizeName(name: string): string {
  const n = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return hasCjk(n) ? n.replace(/[\s·・.]/g, '') : n;
}

/**
 * A looser key for latin names: the words sorted, so `Li Si`, `Si Li` and `Li, Si` compare equal.
 */
export function nameTokensKey(name: string): string {
  const n = normalizeName(name);
  if (hasCjk(n)) return n;
  return n
    .replace(/[,.'’()]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w !== '')
    .sort()
    .join(' ');
}
