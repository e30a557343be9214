import { z } from 'zod';

/** A calendar date as `YYYY-MM-DD`, checked to be a real day (no 2026-02-30). */
export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real calendar date');

/**
 * An instant as RFC 3339: any number of fraction digits, `Z` or a numeric offset
 * (`2026-11-25T17:30:00.123456+08:00`). It is read into one canonical form — UTC, milliseconds,
 * `Z` (`2026-11-25T09:30:00.123Z`) — so that every stored instant still compares as a string.
 * Fraction digits past the millisecond are cut, not rounded (rounding could carry into the next
 * day). Refused: no zone (a local time is ambiguous), impossible dates (2026-02-30), 24:00 and
 * leap seconds (which Date cannot hold).
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** The canonical UTC form of an RFC 3339 instant, or a reason it is not one. */
export function canonicalInstant(s: string): { ok: true; value: string } | { ok: false; message: string } {
  const m = RFC3339.exec(s);
  if (!m) {
    const zoneless = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s);
    return {
      ok: false,
      message: zoneless
        ? 'an instant needs a time zone: end it with Z or an offset like +08:00'
        : 'expected an RFC 3339 instant like 2026-11-25T09:30:00Z or 2026-11-25T17:30:00+08:00',
    };
  }
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const frac = m[7] ?? '';
  const [sign, oh, om] = [m[9], Number(m[10] ?? 0), Number(m[11] ?? 0)];
  const daysInMonth = mo >= 1 && mo <= 12 ? new Date(Date.UTC(2000, mo, 0)).getUTCDate() : 0;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const maxDay = mo === 2 ? (leap ? 29 : 28) : daysInMonth;
  if (mo < 1 || mo > 12 || d < 1 || d > maxDay) return { ok: false, message: 'not a real calendar date' };
  if (h > 23 || mi > 59 || sec > 59)
    return { ok: false, message: 'not a real time of day (00:00:00–23:59:59)' };
  if (oh > 23 || om > 59) return { ok: false, message: 'not a real offset (−23:59 to +23:59)' };
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, Number(frac.slice(0, 3).padEnd(3, '0')));
  const offsetMs = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  const value = new Date(date.getTime() - offsetMs).toISOString();
  if (!/^\d{4}-/.test(value)) return { ok: false, message: 'outside the years 0000–9999 in UTC' };
  return { ok: true, value };
}

export const Instant = z.string().transform((s, ctx) => {
  const r = canonicalInstant(s);
  if (r.ok) return r.value;
  ctx.issues.push({ code: 'custom', message: r.message, input: s });
  return z.NEVER;
});

/**
 * An instant in a query string. A `+` there decodes as a space (form encoding), so
 * `?asOf=2026-11-25T17:30:00+08:00` arrives as `…00 08:00`; that space is read back as `+`.
 */
export const QueryInstant = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/ (\d{2}:\d{2})$/, '+$1') : v),
  Instant,
);

export const Id = z.uuid({ message: 'expected a UUID' });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'expected an email address' }));

/** Free text from people: bounded so that one record can never grow without limit. */
export const Text = (max = 20_000) => z.string().max(max, `at most ${max} characters`);

export const Version = z.number().int().nonnegative();

export type IssueLike = { path: PropertyKey[]; message: string; code?: string };

/** Field paths as people read them: `agenda.causes.0.category`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

export type FieldError = { path: string; message: string; code?: string };

export function toFieldErrors(error: z.ZodError, prefix: PropertyKey[] = []): FieldError[] {
  return error.issues.flatMap((i): FieldError[] => {
    // An unknown key is reported at the key itself, so the path points at what to remove.
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({
        path: formatPath([...prefix, ...i.path, k]),
        message: 'unknown field',
        code: i.code,
      }));
    }
    return [{ path: formatPath([...prefix, ...i.path]) || '(root)', message: i.message, code: i.code }];
  });
}
