import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateKey, parseInstant, pearson, quantileSorted, utcDateKey } from '../../server/metrics/util';

describe('parseInstant', () => {
  it('agrees with Date.parse on stored UTC instants, with and without fractions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.nat(3),
        (ms, digits) => {
          const iso = new Date(ms).toISOString(); // …:SS.mmmZ
          const s =
            digits === 0
              ? iso.replace(/\.\d{3}Z$/, 'Z')
              : iso.replace(/(\.\d{3})Z$/, (_, f) => `${f.slice(0, 1 + digits)}Z`);
          expect(parseInstant(s)).toBe(Date.parse(s));
        },
      ),
    );
  });

  it('reads offsets, refuses garbage, and is NaN for missing values', () => {
    expect(parseInstant('2026-04-01T07:30:00+08:00')).toBe(Date.parse('2026-03-31T23:30:00Z'));
    expect(parseInstant('2026-02-29T00:00:00Z')).toBe(Date.parse('2026-02-29T00:00:00Z'));
    for (const bad of [null, undefined, '', 'yesterday', '2026-13-01T00:00:00Z', '2026-01-01T25:00:00Z']) {
      expect(parseInstant(bad)).toBeNaN();
    }
  });

  it('UTC date keys', () => {
    expect(dateKey('2026-03-31')).toBe(20260331);
    expect(utcDateKey('2026-03-31T23:30:00Z')).toBe(20260331);
    expect(utcDateKey('2026-04-01T07:30:00+08:00')).toBe(20260331);
    expect(utcDateKey('2026-03-31T20:30:00-05:00')).toBe(20260401);
    expect(utcDateKey(null)).toBeNaN();
  });
});

describe('quantileSorted and pearson', () => {
  it('interpolates like numpy', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantileSorted([], 0.5)).toBeNull();
  });

  it('r is ±1 on lines, null under 3 points or with a constant side', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2], [1, 2])).toBeNull();
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
  });
});
