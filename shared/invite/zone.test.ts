import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  isValidZone,
  localDate,
  resolveZoneName,
  toInstant,
  zonedTimeToUtc,
  zoneOffsetMinutes,
} from './zone';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('zone arithmetic', () => {
  it('knows IANA zones and fixed offsets', () => {
    expect(isValidZone('Asia/Shanghai')).toBe(true);
    expect(isValidZone('+08:00')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(isValidZone('')).toBe(false);
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(Date.UTC(2026, 11, 1), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(Date.UTC(2026, 11, 1), 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(Date.UTC(2026, 11, 1), '-05:30')).toBe(-330);
  });

  it('turns wall time into an instant, across DST changes', () => {
    expect(iso(zonedTimeToUtc(2026, 12, 1, 14, 0, 'Asia/Shanghai'))).toBe('2026-12-01T06:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 10, 30, 10, 0, 'America/New_York'))).toBe('2026-10-30T14:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 11, 6, 10, 0, 'America/New_York'))).toBe('2026-11-06T15:00:00.000Z');
    // 01:30 happens twice on 1 Nov 2026 in New York: the earlier (daylight) one.
    expect(iso(zonedTimeToUtc(2026, 11, 1, 1, 30, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    // 02:30 does not exist on 8 Mar 2026: read with the offset before the change (= 03:30 EDT).
    expect(iso(zonedTimeToUtc(2026, 3, 8, 2, 30, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 10, 25, 2, 30, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 3, 29, 2, 30, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 12, 1, 14, 0, '+08:00'))).toBe('2026-12-01T06:00:00.000Z');
    expect(zonedTimeToUtc(2026, 12, 1, 14, 0, 'Nowhere/Land')).toBeUndefined();
  });

  it('reads local dates and counts calendar days', () => {
    expect(localDate(Date.UTC(2026, 11, 31, 20), 'Asia/Shanghai')).toBe('2027-01-01');
    expect(localDate(Date.UTC(2026, 11, 31, 20), 'UTC')).toBe('2026-12-31');
    expect(daysBetween('2026-11-26', '2026-12-01')).toBe(5);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(toInstant(Date.UTC(2026, 11, 1, 6))).toBe('2026-12-01T06:00:00Z');
    expect(toInstant(Number.NaN)).toBeUndefined();
  });

  it('maps Windows and display names to IANA zones', () => {
    expect(resolveZoneName('China Standard Time')).toBe('Asia/Shanghai');
    expect(resolveZoneName('(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi')).toBe('Asia/Shanghai');
    expect(resolveZoneName('(GMT+08:00) 中国标准时间 - 北京')).toBe('Asia/Shanghai');
    expect(resolveZoneName('Eastern Standard Time')).toBe('America/New_York');
    expect(resolveZoneName('(UTC-05:00) Eastern Time (US & Canada)')).toBe('America/New_York');
    expect(resolveZoneName('America/New_York')).toBe('America/New_York');
    expect(resolveZoneName('/mozilla.org/20050126_1/Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(resolveZoneName('Customized Time Zone')).toBeUndefined();
    expect(resolveZoneName(undefined)).toBeUndefined();
  });
});

describe('junk input', () => {
  it('refuses fixed offsets with impossible minutes or more than 14 hours', () => {
    expect(isValidZone('+05:30')).toBe(true);
    expect(isValidZone('+05:99')).toBe(false);
    expect(isValidZone('+05:60')).toBe(false);
    expect(isValidZone('+15:00')).toBe(false);
  });

  it('gives no local date for NaN or an instant beyond the Date range, with either kind of zone', () => {
    for (const zone of ['+08:00', 'Asia/Shanghai', 'UTC']) {
      expect(localDate(Number.NaN, zone)).toBeUndefined();
      expect(localDate(8.64e15 + 1, zone)).toBeUndefined();
      expect(localDate(Number.POSITIVE_INFINITY, zone)).toBeUndefined();
    }
    expect(localDate(Date.UTC(2026, 0, 1, 20), '+08:00')).toBe('2026-01-02');
  });

  // The pattern is anchored at the start of a run of letters, so long labels read in linear time
  // (the unanchored one took seconds here); asserted by result, not by the clock.
  it('reads a very long label', () => {
    expect(resolveZoneName(`${'a'.repeat(50_000)}!`)).toBeUndefined();
    expect(resolveZoneName(`${'b'.repeat(50_000)} Asia/Shanghai`)).toBe('Asia/Shanghai');
  });
});
