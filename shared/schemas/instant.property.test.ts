/**
 * Property: any instant written with an offset, or with more (or fewer) fraction digits, reads back
 * as the canonical UTC form of the same moment — and that form reads back as itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Instant } from './common';

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** Writes `ms` as local time at `offsetMin` minutes east of UTC, with `digits` fraction digits. */
function write(ms: number, offsetMin: number, digits: number, extra: string): string {
  const local = new Date(ms + offsetMin * 60_000).toISOString(); // local wall clock, labelled Z
  const base = local.slice(0, 19);
  const fraction = (local.slice(20, 23) + extra).slice(0, digits);
  const zone =
    offsetMin === 0 && extra.length % 2 === 0
      ? 'Z'
      : `${offsetMin < 0 ? '-' : '+'}${pad(Math.trunc(offsetMin / 60))}:${pad(offsetMin % 60)}`;
  return `${base}${digits ? `.${fraction}` : ''}${zone}`;
}

// Whole years 0100–9899 keep both the local and the UTC wall clock within four-digit years.
const moment = fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9899, 11, 31) });
const offset = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });

describe('Instant (property)', () => {
  it('reads any offset and any number of fraction digits as the canonical UTC form of the same moment', () => {
    fc.assert(
      fc.property(
        moment,
        offset,
        fc.integer({ min: 0, max: 9 }),
        fc.stringMatching(/^\d{0,6}$/),
        (ms, off, digits, extra) => {
          const written = write(ms, off, digits, extra);
          const unit = 10 ** Math.max(0, 3 - digits); // cut fraction digits: toward the past
          const kept = ms - (((ms % unit) + unit) % unit);
          const canonical = new Date(kept).toISOString();
          expect(Instant.parse(written)).toBe(canonical);
          expect(Instant.parse(canonical)).toBe(canonical);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('keeps the order of moments as the order of strings', () => {
    fc.assert(
      fc.property(moment, offset, moment, offset, (a, oa, b, ob) => {
        const [ca, cb] = [Instant.parse(write(a, oa, 3, '')), Instant.parse(write(b, ob, 3, ''))];
        expect(Math.sign(ca.localeCompare(cb))).toBe(Math.sign(a - b));
      }),
    );
  });
});
