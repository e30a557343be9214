/**
 * Duration (DESIGN §6) of held sessions with both startedAt and endedAt, in minutes: count,
 * median and quartiles (numpy's linear interpolation), share under 30 minutes, and a histogram.
 *
 * A session whose endedAt is before its startedAt (the schema refuses it, old data might not)
 * has no duration and is left out, as if one of the two were missing.
 */
import { type DurationMetrics, HISTOGRAM_BUCKETS } from './types';
import { MS_PER_MINUTE, quantileSorted, rate } from './util';

export const SHORT_SESSION_MINUTES = 30;
/** Lower bounds of the histogram buckets, in minutes: [0,15) [15,30) [30,45) [45,60) [60,90) [90,∞). */
const BUCKET_FLOORS = [0, 15, 30, 45, 60, 90] as const;

export interface DurationAcc {
  minutes: number[];
  short: number;
  histogram: number[];
}

export function newDurationAcc(): DurationAcc {
  return { minutes: [], short: 0, histogram: [0, 0, 0, 0, 0, 0] };
}

export function bucketOf(minutes: number): number {
  let b = BUCKET_FLOORS.length - 1;
  while (b > 0 && minutes < BUCKET_FLOORS[b]!) b--;
  return b;
}

/** startMs / endMs are epoch milliseconds, NaN when missing. */
export function addDuration(acc: DurationAcc, startMs: number, endMs: number): void {
  const ms = endMs - startMs;
  if (!(ms >= 0)) return; // NaN (a missing time) or negative
  const minutes = ms / MS_PER_MINUTE;
  acc.minutes.push(minutes);
  if (minutes < SHORT_SESSION_MINUTES) acc.short++;
  acc.histogram[bucketOf(minutes)]!++;
}

export function mergeDuration(into: DurationAcc, from: DurationAcc): void {
  for (const m of from.minutes) into.minutes.push(m);
  into.short += from.short;
  for (let i = 0; i < into.histogram.length; i++) into.histogram[i]! += from.histogram[i]!;
}

export function finishDuration(acc: DurationAcc): DurationMetrics {
  const sorted = Float64Array.from(acc.minutes).sort();
  const n = sorted.length;
  const histogram = {} as DurationMetrics['histogram'];
  HISTOGRAM_BUCKETS.forEach((name, i) => {
    histogram[name] = acc.histogram[i]!;
  });
  return {
    sessions: n,
    median: quantileSorted(sorted, 0.5),
    p25: quantileSorted(sorted, 0.25),
    p75: quantileSorted(sorted, 0.75),
    shortShare: rate(acc.short, n),
    histogram,
  };
}
