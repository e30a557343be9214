/**
 * A deterministic synthetic organisation, for the demo (`npm run demo`, seed.ts) and, scaled up,
 * for the metrics benchmark (test/bench/metrics.bench.ts with BENCH_SCALE): roster with Chinese
 * and English names, departments and teams, cycles, ratings, sessions of every kind and status,
 * action items, surveys and responses, all valid under the shared zod schemas (apart from the
 * `deleted` tombstone flag on a few sessions and items when `deletedShare` > 0).
 *
 * Realism comes from department profiles (`steady`, `rushed`, `stretched`, `quiet`, `tiny`,
 * assigned in that order and repeating): each biases how often talks happen, how long they last,
 * how action items and promised support get done, how people answer the survey and how often they
 * answer at all, so that a dashboard over the result shows differences, warnings and a group too
 * small to show. Every person gets a plan talk, one or two coaching check-ins and a review per
 * cycle, each of which may be missed; a rating per cycle that drifts with how much of their own
 * action items they completed.
 *
 * Counts: left out, `sessions`, `actionItems` and `responses` follow from the people and the
 * profiles. Given (the benchmark), they are exact: sessions are a deterministic sample of (or
 * topped up beyond) the natural ones, action items are spread over held sessions at random, and
 * the answered surveys are a random subset of those issued.
 *
 * `generateOrg(options)` gives the same data for the same options on every run and machine.
 */
import type {
  ActionItem,
  Cycle,
  Employee,
  Rating,
  Session,
  Survey,
  SurveyResponse,
} from '../../shared/schemas';
import type { Department } from './org/profiles';
import { makeRng } from './org/rng';
import { buildRoster } from './org/roster';
import { buildSessions, type Deleted } from './org/sessions';
import { buildRatings, buildSurveys } from './org/surveys';

export type { Department, ProfileId } from './org/profiles';
export { prng } from './org/rng';

export interface OrgOptions {
  seed?: number;
  employees?: number;
  departments?: number;
  /** Direct reports per team lead, roughly. */
  teamSize?: number;
  /** Exact number of sessions; omitted: as the people and profiles give. */
  sessions?: number;
  /** Exact number of action items; omitted: 1–3 per held session. */
  actionItems?: number;
  /** Exact number of survey responses; omitted: by each department's response rate. */
  responses?: number;
  /** Consecutive cycles of `cycleMonths` months, the first starting on firstCycleStart. */
  cycles?: number;
  firstCycleStart?: string;
  /** Months per cycle; cycles are named `2026 H1` (6), `2026 Q3` (3) or `Cycle n`. */
  cycleMonths?: number;
  /** "Today" for the data: later talks are only planned, later surveys unanswered. Default: 30 days after the last cycle. */
  today?: string;
  /** Share of employees who leave at some point during the cycles. */
  leaverShare?: number;
  /** Share of sessions and items that are tombstones. */
  deletedShare?: number;
  /** Email domain of everyone. */
  domain?: string;
}

/** The scale of DESIGN §7's metrics budget: 100 000 sessions, 300 000 items, 150 000 responses. */
export const BENCH_SCALE: Readonly<OrgOptions> = Object.freeze({
  employees: 20_000,
  departments: 40,
  teamSize: 8,
  sessions: 100_000,
  actionItems: 300_000,
  responses: 150_000,
  cycles: 3,
  cycleMonths: 6,
  firstCycleStart: '2025-01-01',
  leaverShare: 0.12,
  deletedShare: 0.01,
});

export interface Org {
  employees: Employee[];
  cycles: Cycle[];
  ratings: Rating[];
  sessions: (Session & Deleted)[];
  actionItems: (ActionItem & Deleted)[];
  surveys: Survey[];
  surveyResponses: SurveyResponse[];
  departments: Department[];
  /** Employees who manage someone (they get manager accounts in the demo), by email. */
  managers: { email: string; name: string; department: string | null }[];
  /** The "today" the data was made for. */
  today: string;
}

export function generateOrg(options: OrgOptions = {}): Org {
  const o = {
    seed: 42,
    employees: 60,
    departments: 5,
    teamSize: 6,
    cycles: 3,
    cycleMonths: 3,
    firstCycleStart: '2025-01-01',
    leaverShare: 0.08,
    deletedShare: 0,
    domain: 'example.com',
    ...options,
  };
  const r = makeRng(o.seed);
  const roster = buildRoster(o, r);
  const { cycles, departments, employees, managerSet, today } = roster;
  const talks = buildSessions(o, r, roster);
  const { sessions, actionItems } = talks;
  const ratings = buildRatings(r, roster, talks);
  const { surveys, surveyResponses } = buildSurveys(o, r, roster, talks);

  return {
    employees,
    cycles,
    ratings,
    sessions,
    actionItems,
    surveys,
    surveyResponses,
    departments,
    managers: [...managerSet.values()],
    today,
  };
}
