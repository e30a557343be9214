/**
 * Calendar arithmetic for follow-up in the manager's own time zone: local days, the local week
 * (Monday to Sunday), the end of a local day, and quiet hours. No date library: the zone data
 * comes from `Intl` through `shared/invite/zone.ts`.
 *
 * A zone is an IANA name (`Asia/Shanghai`) or a fixed offset (`+08:00`); the default is `UTC`.
 */
import { daysBetween, isValidZone, localDate, localParts, zonedTimeToUtc } from '../invite/zone';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export { isValidZone };

/** Throws a RangeError for a zone the runtime does not know (callers validate input first). */
export function checkZone(timeZone: string | undefined): string {
  const zone = timeZone ?? 'UTC';
  if (!isValidZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  return zone;
}

/** `YYYY-MM-DD` of `now` in `timeZone`. */
export function localDay(now: Date | number, timeZone = 'UTC'): string {
  const day = localDate(typeof now === 'number' ? now : now.getTime(), checkZone(timeZone));
  if (!day) throw new RangeError('Not a valid instant');
  return day;
}

/** The date `n` days after `day` (both `YYYY-MM-DD`; n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (`YYYY-MM-DD`): the invite module's `daysBetween`. */
export const daysFrom = daysBetween;

/** ISO weekday of a date: Monday 1 … Sunday 7. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The local week containing `day`: Monday (`start`) to Sunday (`end`), both inclusive. */
export function weekOf(day: string): { start: string; end: string } {
  const start = addDays(day, 1 - isoWeekday(day));
  return { start, end: addDays(start, 6) };
}

/** The instant (ms) local midnight of `day` begins in `timeZone`. */
export function startOfLocalDay(day: string, timeZone = 'UTC'): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const ms = zonedTimeToUtc(y, m, d, 0, 0, checkZone(timeZone));
  if (ms === undefined) throw new RangeError(`Not a valid day: ${day}`);
  return ms;
}

/** The last millisecond of `day` in `timeZone` (the instant before the next local midnight). */
export function endOfLocalDay(day: string, timeZone = 'UTC'): number {
  return startOfLocalDay(addDays(day, 1), timeZone) - 1;
}

/** A quiet period of the local clock, `HH:MM` to `HH:MM`; it crosses midnight when end < start. */
export type QuietHours = { start: string; end: string };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of `HH:MM`, or undefined when it is not a time of day. */
export function minutesOfDay(hhmm: string): number | undefined {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Whether the local time `minutes` (after midnight) falls in the quiet period [start, end). */
export function inQuietHours(minutes: number, quiet: QuietHours): boolean {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === undefined || end === undefined || start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * When a notification may be shown: `now` itself outside quiet hours, else the next moment the
 * local clock in `timeZone` reads `quiet.end`. Quiet hours may cross midnight (`22:00`–`08:00`).
 * `start === end`, or a period that is not `HH:MM`, means no quiet hours. If `end` falls in a
 * daylight-saving gap, the clock is read with the offset before the gap (02:30 → 03:30 daylight).
 */
export function nextNotifyAt(now: Date, quietHours?: QuietHours | null, timeZone = 'UTC'): Date {
  const zone = checkZone(timeZone);
  if (!quietHours) return now;
  const end = minutesOfDay(quietHours.end);
  const p = localParts(now.getTime(), zone);
  if (!p || end === undefined) return now;
  const minutes = p.hour * 60 + p.minute;
  if (!inQuietHours(minutes, quietHours)) return now;
  // The quiet period ends today, unless it crosses midnight and we are before midnight.
  let day = localDay(now, zone);
  if (minutes >= end) day = addDays(day, 1);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = zonedTimeToUtc(y, m, d, Math.floor(end / 60), end % 60, zone);
  return at === undefined || at <= now.getTime() ? now : new Date(at);
}

/** ISO 8601 UTC with milliseconds, as `Date#toISOString`. */
export const iso = (ms: number): string => new Date(ms).toISOString();
