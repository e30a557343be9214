/**
 * What the dashboard shows, computed from one read of the store: the chosen cycle's metrics (and
 * its comments, dashboard only), the whole company's figures for up to TREND_CYCLES cycles ending
 * at the chosen one (the trend lines), and the completion-vs-rating-change points behind the
 * engine's `completionCorrelation` (§6: the population rated in C and in the next cycle, with at
 * least one due, non-dropped own action item of their held sessions in C).
 */
import {
  type CommentsResponse,
  collectComments,
  computeMetrics,
  type Group,
  type GroupBy,
  type MetricsCycle,
  type MetricsInput,
  type MetricsResponse,
} from '../metrics';

export const TREND_CYCLES = 4;

export interface DashboardData {
  cycles: MetricsCycle[];
  cycle: MetricsCycle;
  next: MetricsCycle | null;
  metrics: MetricsResponse;
  /** Oldest first, ending with the chosen cycle. */
  trend: { cycle: MetricsCycle; overall: Group }[];
  points: { x: number; y: number }[];
  comments: CommentsResponse;
  /** Display names of manager emails. */
  names: Map<string, string>;
}

export function sortedCycles(input: MetricsInput): MetricsCycle[] {
  return input.cycles
    .filter((c) => !c.deleted)
    .slice()
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id));
}

/** The cycle HR most likely wants: the last one that has ended, else the last one that has begun. */
export function defaultCycle(cycles: MetricsCycle[], asOf: string): MetricsCycle | undefined {
  const ended = cycles.filter((c) => c.endsOn < asOf);
  if (ended.length) return ended.at(-1);
  const begun = cycles.filter((c) => c.startsOn <= asOf);
  return begun.at(-1) ?? cycles[0];
}

const HELD = new Set(['held', 'recorded']);

/** (own completion rate, rating change) per employee, as §6 defines the correlation's pairs. */
export function completionPoints(
  input: MetricsInput,
  cycle: MetricsCycle,
  next: MetricsCycle | null,
  asOf: string,
): { x: number; y: number }[] {
  if (!next) return [];
  const current = new Map<string, number>();
  const following = new Map<string, number>();
  for (const r of input.ratings) {
    if (r.deleted) continue;
    if (r.cycleId === cycle.id) current.set(r.employeeId, r.rating);
    else if (r.cycleId === next.id) following.set(r.employeeId, r.rating);
  }
  const sessionOf = new Map<string, string>();
  for (const s of input.sessions) {
    if (!s.deleted && s.cycleId === cycle.id && HELD.has(s.status)) sessionOf.set(s.id, s.employeeId);
  }
  const own = new Map<string, [number, number]>();
  for (const a of input.actionItems) {
    if (
      a.deleted ||
      a.status === 'dropped' ||
      a.owner !== 'employee' ||
      !a.dueOn ||
      a.dueOn.slice(0, 10) > asOf
    )
      continue;
    const e = sessionOf.get(a.sessionId);
    if (e === undefined) continue;
    const acc = own.get(e) ?? [0, 0];
    acc[0]++;
    if (a.status === 'done') acc[1]++;
    own.set(e, acc);
  }
  const roster = new Map<string, MetricsInput['employees'][number]>();
  for (const e of input.employees) if (!e.deleted) roster.set(e.id, e);
  const points: { x: number; y: number }[] = [];
  for (const e of roster.values()) {
    if (e.leftOn && e.leftOn <= cycle.endsOn) continue;
    const a = current.get(e.id);
    const b = following.get(e.id);
    const o = own.get(e.id);
    if (a === undefined || b === undefined || !o || o[0] === 0) continue;
    points.push({ x: o[1] / o[0], y: b - a });
  }
  return points;
}

export function buildDashboard(
  input: MetricsInput,
  params: { cycleId: string; groupBy: GroupBy; asOf: string; minGroup: number },
): DashboardData {
  const cycles = sortedCycles(input);
  const at = cycles.findIndex((c) => c.id === params.cycleId);
  const cycle = cycles[at]!;
  const next = cycles.slice(at + 1).find((c) => c.startsOn > cycle.startsOn) ?? null;
  const metrics = computeMetrics(input, params);
  const trend = cycles.slice(Math.max(0, at - TREND_CYCLES + 1), at + 1).map((c) => ({
    cycle: c,
    overall:
      c.id === cycle.id
        ? metrics.overall
        : computeMetrics(input, { ...params, cycleId: c.id, groupBy: 'none' }).overall,
  }));
  const comments = collectComments(input, params);
  const names = new Map<string, string>();
  for (const e of input.employees) if (!e.deleted) names.set(e.email.toLowerCase(), e.name);
  return {
    cycles,
    cycle,
    next,
    metrics,
    trend,
    points: completionPoints(input, cycle, next, params.asOf),
    comments,
    names,
  };
}
