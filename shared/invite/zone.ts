/**
 * Time-zone arithmetic without a date library: the offset of an IANA zone at an instant comes from
 * `Intl.DateTimeFormat` (Node and every browser ship the zone data), and a local wall time is turned
 * into an instant with the usual two-pass correction.
 *
 * A zone is either an IANA name (`Asia/Shanghai`) or a fixed offset written `+08:00` / `-05:00`.
 */

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        era: 'short',
      });
    } catch {
      f = null;
    }
    if (formatters.size > 500) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

// Minutes are 00–59: `+05:99` is not an offset.
const FIXED = /^([+-])(\d{2}):?([0-5]\d)$/;

/** Minutes east of UTC for a fixed-offset zone (`+08:00`), or undefined. */
function fixedOffset(zone: string): number | undefined {
  const m = FIXED.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (minutes > 14 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/** Is `zone` an IANA zone the runtime knows, or a fixed offset? */
export function isValidZone(zone: string | null | undefined): zone is string {
  if (typeof zone !== 'string' || zone === '' || zone.length > 100) return false;
  if (fixedOffset(zone) !== undefined) return true;
  return formatter(zone) !== null;
}

export type LocalParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

/** The wall-clock reading in `zone` at `ms` (UTC epoch milliseconds). */
export function localParts(ms: number, zone: string): LocalParts | undefined {
  // NaN or beyond the Date range: no reading (Intl would throw, the fixed-offset path would give NaN).
  if (Number.isNaN(new Date(ms).getTime())) return undefined;
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) {
    const d = new Date(ms + fixed * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  const f = formatter(zone);
  if (!f) return undefined;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes east of UTC in `zone` at `ms`; undefined for an unknown zone. */
export function zoneOffsetMinutes(ms: number, zone: string): number | undefined {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return fixed;
  const p = localParts(ms, zone);
  if (!p) return undefined;
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const base = Math.floor(ms / 1000) * 1000;
  return Math.round((asUtc - base) / 60_000);
}

/**
 * The instant (UTC epoch ms) of a wall-clock time in `zone`. A time skipped by a DST change is read
 * with the offset before the change (02:30 on a spring-forward night is 03:30 daylight time); a
 * repeated one gets the earlier of the two instants.
 */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  zone: string,
): number | undefined {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (!Number.isFinite(wall)) return undefined;
  const o1 = zoneOffsetMinutes(wall, zone);
  if (o1 === undefined) return undefined;
  const t1 = wall - o1 * 60_000;
  const o2 = zoneOffsetMinutes(t1, zone);
  if (o2 === undefined || o2 === o1) {
    // The earlier of two readings of a repeated hour: try the offset an hour before.
    const oBefore = zoneOffsetMinutes(t1 - 3_600_000, zone);
    if (oBefore !== undefined && oBefore !== o1) {
      const tBefore = wall - oBefore * 60_000;
      if (zoneOffsetMinutes(tBefore, zone) === oBefore && tBefore < t1) return tBefore;
    }
    return t1;
  }
  const t2 = wall - o2 * 60_000;
  if (zoneOffsetMinutes(t2, zone) === o2) return t2;
  // Neither offset reads back: the wall time falls in a gap. Use the offset from before the gap.
  return wall - Math.min(o1, o2) * 60_000;
}

/** `YYYY-MM-DD` of the local date in `zone` at `ms`. */
export function localDate(ms: number, zone: string): string | undefined {
  const p = localParts(ms, zone);
  if (!p) return undefined;
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Whole days from date `a` to date `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Is y-m-d a real calendar date? */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** ISO 8601 UTC without milliseconds (`2026-12-01T06:00:00Z`), or undefined when out of range. */
export function toInstant(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) return undefined;
  const iso = d.toISOString();
  return d.getUTCMilliseconds() === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

/**
 * Windows and display names of zones that invites carry instead of IANA ids (Outlook's TZID
 * `China Standard Time`, the `(UTC+08:00) Beijing, Chongqing…` label, Google's `China Standard
 * Time - Beijing`), mapped to IANA. Matched case-insensitively as a substring, longest first.
 */
const ZONE_NAMES: [string, string][] = [
  ['china standard time', 'Asia/Shanghai'],
  ['beijing, chongqing', 'Asia/Shanghai'],
  ['beijing', 'Asia/Shanghai'],
  ['中国标准时间', 'Asia/Shanghai'],
  ['北京时间', 'Asia/Shanghai'],
  ['北京', 'Asia/Shanghai'],
  ['上海', 'Asia/Shanghai'],
  ['hong kong', 'Asia/Hong_Kong'],
  ['香港', 'Asia/Hong_Kong'],
  ['taipei standard time', 'Asia/Taipei'],
  ['taipei', 'Asia/Taipei'],
  ['台北', 'Asia/Taipei'],
  ['tokyo standard time', 'Asia/Tokyo'],
  ['osaka, sapporo, tokyo', 'Asia/Tokyo'],
  ['japan standard time', 'Asia/Tokyo'],
  ['东京', 'Asia/Tokyo'],
  ['korea standard time', 'Asia/Seoul'],
  ['seoul', 'Asia/Seoul'],
  ['singapore standard time', 'Asia/Singapore'],
  ['singapore', 'Asia/Singapore'],
  ['新加坡', 'Asia/Singapore'],
  ['india standard time', 'Asia/Kolkata'],
  ['eastern standard time', 'America/New_York'],
  ['eastern daylight time', 'America/New_York'],
  ['eastern time', 'America/New_York'],
  ['美国东部时间', 'America/New_York'],
  ['new york', 'America/New_York'],
  ['central standard time', 'America/Chicago'],
  ['central time (us', 'America/Chicago'],
  ['mountain standard time', 'America/Denver'],
  ['mountain time (us', 'America/Denver'],
  ['pacific standard time', 'America/Los_Angeles'],
  ['pacific daylight time', 'America/Los_Angeles'],
  ['pacific time', 'America/Los_Angeles'],
  ['美国太平洋时间', 'America/Los_Angeles'],
  ['gmt standard time', 'Europe/London'],
  ['greenwich mean time', 'Europe/London'],
  ['british summer time', 'Europe/London'],
  ['dublin, edinburgh, lisbon, london', 'Europe/London'],
  ['london', 'Europe/London'],
  ['w. europe standard time', 'Europe/Berlin'],
  ['central european', 'Europe/Berlin'],
  ['amsterdam, berlin', 'Europe/Berlin'],
  ['romance standard time', 'Europe/Paris'],
  ['brussels, copenhagen, madrid, paris', 'Europe/Paris'],
  ['coordinated universal time', 'UTC'],
];

/**
 * An IANA zone from a TZID or a display label: the id itself when the runtime knows it, else a
 * known Windows / display name, else undefined.
 */
export function resolveZoneName(label: string | null | undefined): string | undefined {
  if (typeof label !== 'string') return undefined;
  const raw = label.trim().replace(/^["']|["']$/g, '');
  if (raw === '') return undefined;
  // Some exporters prefix zones (`/mozilla.org/20050126_1/Asia/Shanghai`): keep the Area/City tail.
  // The match may start only where a run of letters starts: unanchored, a long run without `/`
  // would be rescanned from every position (quadratic; 40k letters took over a second).
  const tail = /(?:^|[^A-Za-z])([A-Za-z]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(raw)?.[1];
  for (const candidate of [raw, tail]) {
    if (candidate && /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$|^Etc\/[A-Za-z0-9+-]+$/.test(candidate)) {
      if (isValidZone(candidate)) return candidate;
    }
  }
  const lower = raw.toLowerCase();
  for (const [name, zone] of ZONE_NAMES) if (lower.includes(name)) return zone;
  return undefined;
}
