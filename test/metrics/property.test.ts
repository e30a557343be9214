/**
 * The engine agrees with the simple reference implementation (reference.ts) on random
 * organisations: departments and managers (with spelling variants and blanks), leavers at any
 * time, repeated roster ids, sessions of every kind and status with random times (some missing,
 * some with milliseconds), tombstones, action items, surveys and responses, ratings over 2–3
 * cycles listed in any order, and random asOf, grouping and minGroup.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { computeMetrics } from '../../server/metrics/engine';
import { expectClose } from './helpers';
import { build, orgArb } from './random-org';
import { referenceMetrics } from './reference';

describe('engine = reference on random organisations', () => {
  it('agrees on every figure, warning and privacy decision', () => {
    fc.assert(
      fc.property(orgArb, (o) => {
        const { input, params } = build(o);
        expectClose(computeMetrics(input, params), referenceMetrics(input, params));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on small dense organisations where groups cross minGroup', () => {
    const dense = orgArb.map((o) => ({
      ...o,
      params: { ...o.params, minGroup: 1 + (o.params.minGroup % 3) },
    }));
    fc.assert(
      fc.property(dense, (o) => {
        const { input, params } = build(o);
        expectClose(computeMetrics(input, params), referenceMetrics(input, params));
      }),
      { numRuns: 500 },
    );
  });
});
