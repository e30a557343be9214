/**
 * The HR metrics engine (DESIGN §6) as one pure function: plain arrays in, `MetricsResponse` out.
 * No storage, no clock (asOf is a parameter). Tombstones (`deleted: true`) are ignored.
 *
 * Cost: indexes are built once and each collection is read once — employees, sessions, action
 * items, surveys, responses, ratings — accumulating straight into per-group accumulators that are
 * merged into `overall`; nothing rescans per group. Only held sessions of C (and of the cycle
 * before C, for the low-satisfaction warning) enter the indexes.
 *
 * The measure families live beside this file (coverage, duration, process, development,
 * consensus, survey, performance, warnings, privacy); the grouping rules in roster.ts.
 */
import { addReview } from './consensus';
import { addCoverageEmployee, KIND_BIT } from './coverage';
import { addActionItem, ITEM_DONE, ITEM_DUE, isSmartComplete } from './development';
import { addDuration } from './duration';
import { finishGroup, type GroupAcc, mergeGroupAcc, newGroupAcc } from './group';
import { addAttrition, addRatedEmployee } from './performance';
import { decideSuppression, type PrivacyDecision } from './privacy';
import { addProcessSession } from './process';
import {
  buildRoster,
  type CycleMembership,
  listedGroups,
  membership,
  type Roster,
  resolveParams,
} from './roster';
import {
  addEmployeeAnswer,
  addManagerAnswer,
  type EmployeeSurveyAcc,
  finishEmployeeSurvey,
  newEmployeeSurveyAcc,
  ownSuppression,
} from './survey';
import {
  ALL_KEY,
  type EmployeeSurveyMetrics,
  type Group,
  type MetricsInput,
  type MetricsParams,
  type MetricsResponse,
} from './types';
import { addCounts, dateKey, parseInstant } from './util';
import { evaluateWarnings } from './warnings';

export { MetricsInputError } from './types';

/** Privacy decision for one cycle's groups (see privacy.ts). */
function protect(
  roster: Roster,
  listed: readonly number[],
  employees: ArrayLike<number>,
  survey: readonly EmployeeSurveyAcc[],
  minGroup: number,
): { decision: PrivacyDecision; overall: EmployeeSurveyAcc; overallEmployees: number } {
  const overall = newEmployeeSurveyAcc();
  let overallEmployees = 0;
  for (const k of listed) {
    addCounts(overall, survey[k]!);
    overallEmployees += employees[k]!;
  }
  const overallSuppressed = ownSuppression(overallEmployees, overall.responses, minGroup) !== null;
  const decision = decideSuppression(
    listed.map((k) => ({ key: roster.keys[k]!, employees: employees[k]!, responses: survey[k]!.responses })),
    overallSuppressed,
    minGroup,
    minGroup,
  );
  return { decision, overall, overallEmployees };
}

export function computeMetrics(input: MetricsInput, params: MetricsParams): MetricsResponse {
  const p = resolveParams(input, params);
  const { cycle, next, previous, asOf, minGroup } = p;
  const roster = buildRoster(input.employees, p.groupBy);
  const nEmp = roster.employees.length;
  const nKeys = roster.keys.length;
  const group = roster.group;
  const mC = membership(roster, cycle);
  const mP: CycleMembership | null = previous ? membership(roster, previous) : null;
  const acc: GroupAcc[] = Array.from({ length: nKeys }, newGroupAcc);
  const prevSurvey: EmployeeSurveyAcc[] = Array.from({ length: mP ? nKeys : 0 }, newEmployeeSurveyAcc);

  // Sessions: held sessions of C by id (value ≥ 0: index into the held arrays), and of the cycle
  // before C (value −1 − group), whose employee survey the low-satisfaction warning needs.
  // Ids are unique, as the store keys rows by id.
  const cycleId = cycle.id;
  const prevId = previous?.id;
  // A null-prototype object rather than a Map: V8 looks it up by internalized string, which makes
  // the 600 000 lookups below (items, surveys, responses) ~15 % cheaper, and keys like
  // `__proto__` are plain keys on it.
  const held: Record<string, number | undefined> = Object.create(null);
  const heldGroup: number[] = [];
  const heldEmployee: number[] = [];
  const heldPlans: number[] = []; // 1 for coaching and review: they count for smartPlanShare
  const kinds = new Uint8Array(nEmp);
  for (const s of input.sessions) {
    if (s.deleted || (s.status !== 'held' && s.status !== 'recorded')) continue;
    if (s.cycleId === cycleId) {
      const e = roster.index.get(s.employeeId);
      if (e === undefined || !mC.member[e]) continue;
      const g = group[e]!;
      const a = acc[g]!;
      held[s.id] = heldGroup.length;
      heldGroup.push(g);
      heldEmployee.push(e);
      kinds[e]! |= KIND_BIT[s.kind] ?? 0;
      const startMs = parseInstant(s.startedAt);
      const endMs = parseInstant(s.endedAt);
      addDuration(a.duration, startMs, endMs);
      addProcessSession(a.process, s, startMs, endMs);
      if (s.kind === 'review') addReview(a.consensus, s);
      const plans = s.kind === 'coaching' || s.kind === 'review' ? 1 : 0;
      heldPlans.push(plans);
      a.development.planSessions += plans;
    } else if (mP && s.cycleId === prevId) {
      const e = roster.index.get(s.employeeId);
      if (e !== undefined && mP.member[e]) held[s.id] = -1 - group[e]!;
    }
  }

  // Action items of held sessions of C.
  const asOfKey = dateKey(asOf);
  const smart = new Uint8Array(heldGroup.length);
  const ownDue = new Int32Array(nEmp);
  const ownDone = new Int32Array(nEmp);
  // Items of one session are usually stored next to each other (a sync push writes them
  // together), so the last lookup is remembered.
  let lastSession = '';
  let lastHeld: number | undefined;
  for (const item of input.actionItems) {
    if (item.deleted || item.status === 'dropped') continue;
    const sessionId = item.sessionId;
    if (sessionId !== lastSession) {
      lastSession = sessionId;
      lastHeld = held[sessionId];
    }
    const h = lastHeld;
    if (h === undefined || h < 0) continue;
    const counted = addActionItem(acc[heldGroup[h]!]!.development, item, asOfKey);
    if (heldPlans[h] && !smart[h] && isSmartComplete(item)) smart[h] = 1;
    if (counted & ITEM_DUE && item.owner === 'employee') {
      const e = heldEmployee[h]!;
      ownDue[e]!++;
      if (counted & ITEM_DONE) ownDone[e]!++;
    }
  }
  for (let h = 0; h < smart.length; h++) if (smart[h]) acc[heldGroup[h]!]!.development.smart++;

  // Surveys issued for held sessions, and their responses, both found by session. (A response
  // carries its session for grouping; the store keeps one response per survey link.)
  lastSession = '';
  for (const sv of input.surveys) {
    if (sv.deleted) continue;
    if (sv.sessionId !== lastSession) {
      lastSession = sv.sessionId;
      lastHeld = held[lastSession];
    }
    const h = lastHeld;
    if (h === undefined) continue;
    if (h >= 0) {
      if (sv.kind === 'employee') acc[heldGroup[h]!]!.employeeSurvey.issued++;
      else if (sv.kind === 'manager') acc[heldGroup[h]!]!.managerSurvey.issued++;
    } else if (sv.kind === 'employee') prevSurvey[-1 - h]!.issued++;
  }
  for (const r of input.surveyResponses) {
    if (r.deleted) continue;
    const h = held[r.sessionId];
    if (h === undefined) continue;
    if (r.kind === 'employee') {
      addEmployeeAnswer(h >= 0 ? acc[heldGroup[h]!]!.employeeSurvey : prevSurvey[-1 - h]!, r.answers);
    } else if (r.kind === 'manager' && h >= 0) {
      addManagerAnswer(acc[heldGroup[h]!]!.managerSurvey, r.answers);
    }
  }

  // Ratings of C and of the next cycle (a repeated rating: the last row wins).
  const current = new Float64Array(nEmp).fill(Number.NaN);
  const following = new Float64Array(nEmp).fill(Number.NaN);
  const nextId = next?.id;
  for (const r of input.ratings) {
    if (r.deleted) continue;
    const target =
      r.cycleId === cycleId ? current : nextId !== undefined && r.cycleId === nextId ? following : null;
    if (!target) continue;
    const e = roster.index.get(r.employeeId);
    if (e !== undefined) target[e] = r.rating;
  }

  // Employees: population, coverage, ratings, attrition.
  const prevEmployees = new Int32Array(mP ? nKeys : 0);
  for (let e = 0; e < nEmp; e++) {
    if (mP?.population[e]) prevEmployees[group[e]!]!++;
    if (!mC.member[e]) continue;
    const a = acc[group[e]!]!;
    const leftOn = roster.employees[e]!.leftOn;
    addAttrition(a.performance, !!leftOn && leftOn <= cycle.endsOn);
    if (!mC.population[e]) continue;
    a.employees++;
    addCoverageEmployee(a.coverage, kinds[e]!);
    const completion = ownDue[e]! > 0 ? ownDone[e]! / ownDue[e]! : Number.NaN;
    addRatedEmployee(a.performance, current[e]!, following[e]!, completion);
  }

  // Groups, overall and privacy.
  const listed = listedGroups(roster, mC);
  const overallAcc = newGroupAcc();
  for (const k of listed) mergeGroupAcc(overallAcc, acc[k]!);
  const privacy = protect(
    roster,
    listed,
    acc.map((a) => a.employees),
    acc.map((a) => a.employeeSurvey),
    minGroup,
  );
  const overallReason = ownSuppression(overallAcc.employees, overallAcc.employeeSurvey.responses, minGroup);
  // groupBy=none: one group keyed `all`, equal to overall (even for an empty roster).
  const groups: Group[] =
    p.groupBy === 'none'
      ? [finishGroup(overallAcc, ALL_KEY, overallReason)]
      : listed.map((k) => {
          const key = roster.keys[k]!;
          return finishGroup(acc[k]!, key, privacy.decision.reasons.get(key) ?? null);
        });
  const overall = finishGroup(overallAcc, ALL_KEY, overallReason);
  if (p.groupBy === 'none') {
    privacy.decision.suppressedGroups = overallReason ? [ALL_KEY] : [];
    privacy.decision.complementaryGroups = [];
  }

  // The previous cycle's employee survey per key, protected the same way, for the warnings.
  const previousSurvey = new Map<string, EmployeeSurveyMetrics>();
  if (mP && previous) {
    const prevListed = listedGroups(roster, mP);
    const prevPrivacy = protect(roster, prevListed, prevEmployees, prevSurvey, minGroup);
    for (const k of prevListed) {
      const key = roster.keys[k]!;
      previousSurvey.set(
        key,
        finishEmployeeSurvey(prevSurvey[k]!, prevPrivacy.decision.reasons.get(key) ?? null),
      );
    }
  }
  const warnings = evaluateWarnings(groups, {
    asOf,
    endsOn: cycle.endsOn,
    thresholds: p.thresholds,
    previousSurvey,
  });

  return {
    cycle: { id: cycle.id, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
    asOf,
    groupBy: p.groupBy,
    minGroup,
    groups,
    overall,
    warnings,
    privacy: {
      method: 'complementary-suppression',
      suppressedGroups: privacy.decision.suppressedGroups,
      complementaryGroups: privacy.decision.complementaryGroups,
    },
  };
}
