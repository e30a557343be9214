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
 * An instant as ISO 8601 in UTC (`2026-11-25T09:30:00Z`, milliseconds optional).
 * Offsets are refused rather than converted so that every stored instant compares as a string.
 */
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export const Instant = z
  .string()
  .regex(INSTANT_SHAPE, 'expected an ISO 8601 UTC instant like 2026-11-25T09:30:00Z')
  .refine((s) => {
    const ms = Date.parse(s);
    if (Number.isNaN(ms)) return false;
    // Date.parse rolls 2026-02-30 over to March and 24:00 to the next day, which would no longer
    // compare correctly as a string: a well-shaped instant must read back unchanged (the regex
    // alone reports a badly shaped one).
    return !INSTANT_SHAPE.test(s) || new Date(ms).toISOString().slice(0, 19) === s.slice(0, 19);
  }, 'not a real instant');

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
