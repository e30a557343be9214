/**
 * Small numeric helpers shared by the metric families. Kept allocation-free: the engine calls
 * them once per record over hundreds of thousands of records.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** numerator / denominator, or null over an empty set. */
/**
 * Adds every counter of `from` into `into`. Accumulators of plain counts merge this way; the type
 * refuses one that holds anything but numbers, so a list or nested field cannot be skipped silently.
 */
export function addCounts<T extends { [K in keyof T]: number }>(into: T, from: T): void {
  for (const k of Object.keys(from) as (keyof T)[]) (into[k] as number) += from[k];
}

export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Milliseconds since the epoch of an ISO 8601 instant, NaN when absent or unreadable.
 * The stored form `YYYY-MM-DDTHH:MM:SS(.fff)Z` is read by hand (Date.parse costs ~10× more and
 * the engine reads four instants per session); anything else (an offset) goes to Date.parse, so
 * every comparison happens in UTC.
 */
export function parseInstant(s: string | null | undefined): number {
  if (!s) return Number.NaN;
  const n = s.length;
  if (
    n >= 20 &&
    n <= 24 &&
    s.charCodeAt(n - 1) === 90 /* Z */ &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 84 /* T */ &&
    s.charCodeAt(13) === 58 &&
    s.charCodeAt(16) === 58
  ) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const se = digits(s, 17, 2);
    let ms = 0;
    let ok = mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && se <= 59;
    if (ok && n > 20) {
      // `.f`, `.ff` or `.fff` before the Z.
      const fracLen = n - 21;
      if (s.charCodeAt(19) !== 46 || fracLen < 1 || fracLen > 3) ok = false;
      else ms = digits(s, 20, fracLen) * (fracLen === 1 ? 100 : fracLen === 2 ? 10 : 1);
    }
    if (ok && !Number.isNaN(ms)) {
      return daysFromCivil(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + se * 1000 + ms;
    }
  }
  return Date.parse(s);
}

/** Milliseconds since the epoch of midnight UTC of a `YYYY-MM-DD` date, NaN when absent or unreadable. */
export function parseDate(s: string | null | undefined): number {
  if (s?.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  return daysFromCivil(y, mo, d) * MS_PER_DAY;
}

/**
 * A `YYYY-MM-DD` date (or the date part of a longer string starting with one) as the number
 * yyyymmdd, which orders like the date; NaN when unreadable. Cheaper than comparing strings.
 */
export function dateKey(s: string | null | undefined): number {
  if (!s || s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  return y * 10_000 + m * 100 + d;
}

/** The UTC calendar date of an ISO 8601 instant as yyyymmdd (see dateKey); NaN when unreadable. */
export function utcDateKey(s: string | null | undefined): number {
  if (!s) return Number.NaN;
  const n = s.length;
  // Stored instants are UTC (`…Z`): their date part is the UTC date.
  if (n >= 20 && s.charCodeAt(n - 1) === 90 && s.charCodeAt(10) === 84) return dateKey(s);
  const ms = parseInstant(s);
  if (Number.isNaN(ms)) return Number.NaN;
  const d = new Date(ms);
  return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Quantile of an ascending array by linear interpolation between closest ranks: position
 * (n − 1)·p, as numpy's default (`method='linear'`). Null for an empty array.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const pos = (n - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  const t = pos - lo;
  return t === 0 ? a : a + (b - a) * t;
}

function allEqual(v: ArrayLike<number>): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/**
 * Pearson's r of paired samples; null under 3 pairs or when either side has zero variance
 * (checked as "all values equal", which floating-point means would blur).
 */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n || allEqual(xs) || allEqual(ys)) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** A string with something other than white space in it. */
export function hasText(s: string | null | undefined): boolean {
  if (typeof s !== 'string' || s.length === 0) return false;
  const c = s.charCodeAt(0);
  // Fast path: starts with a visible ASCII character.
  if (c > 32 && c < 127) return true;
  return s.trim().length > 0;
}
