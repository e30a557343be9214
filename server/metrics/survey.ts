/**
 * Surveys (DESIGN §6) of held sessions.
 *
 * Employee survey: issued, responses, responseRate, and — unless suppressed (see privacy.ts) —
 * favourable shares (answer ≥ 4) of fair, clarity, plan, respected and
 * nps = 100 × (share answering 9–10 − share answering 0–6). When suppressed the five are null.
 * Manager survey: the same counts and favourable shares of consensus, plan and prepared; never
 * suppressed (they are the manager's own answers).
 *
 * Responses are grouped by the session they carry (SurveyResponse.sessionId exists for exactly
 * this), and counted once each: the store keeps one response per survey link (a used link answers
 * 410), so the engine does not look surveys up by id.
 */
import type { EmployeeAnswer, ManagerAnswer } from '../../shared/schemas';
import type { EmployeeSurveyMetrics, ManagerSurveyMetrics, SuppressionReason } from './types';
import { rate } from './util';

export const FAVOURABLE = 4;

export interface EmployeeSurveyAcc {
  issued: number;
  responses: number;
  fair: number;
  clarity: number;
  plan: number;
  respected: number;
  promoters: number;
  detractors: number;
}

export interface ManagerSurveyAcc {
  issued: number;
  responses: number;
  consensus: number;
  plan: number;
  prepared: number;
}

export function newEmployeeSurveyAcc(): EmployeeSurveyAcc {
  return { issued: 0, responses: 0, fair: 0, clarity: 0, plan: 0, respected: 0, promoters: 0, detractors: 0 };
}

export function newManagerSurveyAcc(): ManagerSurveyAcc {
  return { issued: 0, responses: 0, consensus: 0, plan: 0, prepared: 0 };
}

export function addEmployeeAnswer(acc: EmployeeSurveyAcc, a: EmployeeAnswer): void {
  acc.responses++;
  if (a.fair >= FAVOURABLE) acc.fair++;
  if (a.clarity >= FAVOURABLE) acc.clarity++;
  if (a.plan >= FAVOURABLE) acc.plan++;
  if (a.respected >= FAVOURABLE) acc.respected++;
  if (a.nps >= 9) acc.promoters++;
  else if (a.nps <= 6) acc.detractors++;
}

export function addManagerAnswer(acc: ManagerSurveyAcc, a: ManagerAnswer): void {
  acc.responses++;
  if (a.consensus >= FAVOURABLE) acc.consensus++;
  if (a.plan >= FAVOURABLE) acc.plan++;
  if (a.prepared >= FAVOURABLE) acc.prepared++;
}

/** A group's own reason to hide its employee-survey figures, before differencing protection. */
export function ownSuppression(
  employees: number,
  responses: number,
  minGroup: number,
): SuppressionReason | null {
  if (employees < minGroup) return 'small-team';
  if (responses < minGroup) return 'few-responses';
  return null;
}

export function finishEmployeeSurvey(
  acc: EmployeeSurveyAcc,
  reason: SuppressionReason | null,
): EmployeeSurveyMetrics {
  const n = acc.responses;
  const shown = reason === null;
  return {
    issued: acc.issued,
    responses: n,
    responseRate: rate(n, acc.issued),
    suppressed: !shown,
    reason,
    fair: shown ? rate(acc.fair, n) : null,
    clarity: shown ? rate(acc.clarity, n) : null,
    plan: shown ? rate(acc.plan, n) : null,
    respected: shown ? rate(acc.respected, n) : null,
    nps: shown && n > 0 ? (100 * (acc.promoters - acc.detractors)) / n : null,
  };
}

export function finishManagerSurvey(acc: ManagerSurveyAcc): ManagerSurveyMetrics {
  const n = acc.responses;
  return {
    issued: acc.issued,
    responses: n,
    responseRate: rate(n, acc.issued),
    consensus: rate(acc.consensus, n),
    plan: rate(acc.plan, n),
    prepared: rate(acc.prepared, n),
  };
}
