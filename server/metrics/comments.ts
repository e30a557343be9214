/**
 * Employee-survey comments for the HR dashboard only (never in the JSON metrics route or the CSV).
 *
 * Per group, the comments of employee-survey responses to held sessions of C, shown only when the
 * group has ≥ max(minGroup, 10) employee responses and a population ≥ minGroup, protected against
 * differencing exactly like the figures (complementary suppression, privacy.ts; `overall` minus
 * the visible groups' comments yields only a pool that is itself large enough). Comments carry no
 * date, no session and no order: each list is shuffled (Fisher–Yates with a seeded PRNG when
 * `seed` is given, for tests; otherwise from crypto randomness).
 */
import { decideSuppression } from './privacy';
import { buildRoster, listedGroups, membership, resolveParams } from './roster';
import {
  ALL_KEY,
  type GroupBy,
  type MetricsInput,
  type MetricsParams,
  type SuppressionReason,
} from './types';

export const MIN_COMMENT_RESPONSES = 10;

export interface CommentGroup {
  key: string;
  /** Employee-survey responses of the group (with or without a comment). */
  responses: number;
  suppressed: boolean;
  reason: SuppressionReason | null;
  /** Shuffled; null when suppressed. */
  comments: string[] | null;
}

export interface CommentsResponse {
  cycle: { id: string; name: string };
  groupBy: GroupBy;
  /** Responses a group needs for its comments to show: max(minGroup, 10). */
  threshold: number;
  groups: CommentGroup[];
  overall: CommentGroup;
}

/** mulberry32. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const x = items[i]!;
    items[i] = items[j]!;
    items[j] = x;
  }
  return items;
}

export function collectComments(
  input: MetricsInput,
  params: Omit<MetricsParams, 'thresholds'> & { seed?: number },
): CommentsResponse {
  const p = resolveParams(input, params);
  const random = seeded(params.seed ?? randomSeed());
  const threshold = Math.max(p.minGroup, MIN_COMMENT_RESPONSES);
  const roster = buildRoster(input.employees, p.groupBy);
  const m = membership(roster, p.cycle);
  const nKeys = roster.keys.length;

  const sessionGroup = new Map<string, number>();
  for (const s of input.sessions) {
    if (s.deleted || s.cycleId !== p.cycle.id || (s.status !== 'held' && s.status !== 'recorded')) continue;
    const e = roster.index.get(s.employeeId);
    if (e !== undefined && m.member[e]) sessionGroup.set(s.id, roster.group[e]!);
  }
  const employees = new Array<number>(nKeys).fill(0);
  for (let e = 0; e < roster.employees.length; e++) if (m.population[e]) employees[roster.group[e]!]!++;
  const responses = new Array<number>(nKeys).fill(0);
  const comments: string[][] = Array.from({ length: nKeys }, () => []);
  for (const r of input.surveyResponses) {
    if (r.deleted || r.kind !== 'employee') continue;
    const g = sessionGroup.get(r.sessionId);
    if (g === undefined) continue;
    responses[g]!++;
    const text = r.answers.comment?.trim();
    if (text) comments[g]!.push(text);
  }

  const listed = listedGroups(roster, m);
  let overallResponses = 0;
  let overallEmployees = 0;
  const overallComments: string[] = [];
  for (const k of listed) {
    overallResponses += responses[k]!;
    overallEmployees += employees[k]!;
    for (const c of comments[k]!) overallComments.push(c);
  }
  const overallReason: SuppressionReason | null =
    overallEmployees < p.minGroup ? 'small-team' : overallResponses < threshold ? 'few-responses' : null;
  const decision = decideSuppression(
    listed.map((k) => ({ key: roster.keys[k]!, employees: employees[k]!, responses: responses[k]! })),
    overallReason !== null,
    threshold,
    p.minGroup,
  );
  const groups = listed.map((k): CommentGroup => {
    const key = roster.keys[k]!;
    const reason = decision.reasons.get(key) ?? null;
    return {
      key,
      responses: responses[k]!,
      suppressed: reason !== null,
      reason,
      comments: reason === null ? shuffle(comments[k]!, random) : null,
    };
  });
  return {
    cycle: { id: p.cycle.id, name: p.cycle.name },
    groupBy: p.groupBy,
    threshold,
    groups,
    overall: {
      key: ALL_KEY,
      responses: overallResponses,
      suppressed: overallReason !== null,
      reason: overallReason,
      comments: overallReason === null ? shuffle(overallComments, random) : null,
    },
  };
}
