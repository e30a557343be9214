/** Builders and comparison helpers shared by the metrics tests. */
import { expect } from 'vitest';
import type {
  MetricsActionItem,
  MetricsCycle,
  MetricsEmployee,
  MetricsInput,
  MetricsSession,
  MetricsSurvey,
  MetricsSurveyResponse,
} from '../../server/metrics/types';

export function emptyInput(): MetricsInput & {
  employees: MetricsEmployee[];
  cycles: MetricsCycle[];
  ratings: { employeeId: string; cycleId: string; rating: number; deleted?: boolean }[];
  sessions: MetricsSession[];
  actionItems: MetricsActionItem[];
  surveys: MetricsSurvey[];
  surveyResponses: MetricsSurveyResponse[];
} {
  return {
    employees: [],
    cycles: [],
    ratings: [],
    sessions: [],
    actionItems: [],
    surveys: [],
    surveyResponses: [],
  };
}

export const C1: MetricsCycle = { id: 'c1', name: 'H1 2026', startsOn: '2026-01-01', endsOn: '2026-06-30' };
export const C0: MetricsCycle = { id: 'c0', name: 'H2 2025', startsOn: '2025-07-01', endsOn: '2025-12-31' };
export const C2: MetricsCycle = { id: 'c2', name: 'H2 2026', startsOn: '2026-07-01', endsOn: '2026-12-31' };

let n = 0;
export const uid = (prefix = 'x') => `${prefix}-${++n}`;

export function employee(over: Partial<MetricsEmployee> = {}): MetricsEmployee {
  const id = over.id ?? uid('emp');
  return {
    id,
    name: `Name ${id}`,
    email: `${id}@example.com`,
    department: 'Sales',
    managerEmail: 'boss@example.com',
    status: over.leftOn ? 'left' : 'active',
    leftOn: null,
    ...over,
  };
}

export function session(employeeId: string, over: Partial<MetricsSession> = {}): MetricsSession {
  return { id: uid('s'), employeeId, cycleId: 'c1', kind: 'review', status: 'recorded', ...over };
}

export function item(sessionId: string, over: Partial<MetricsActionItem> = {}): MetricsActionItem {
  return { id: uid('a'), sessionId, title: 'Write the guide', owner: 'employee', status: 'open', ...over };
}

export function survey(sessionId: string, kind: 'employee' | 'manager' = 'employee'): MetricsSurvey {
  return {
    id: uid('sv'),
    sessionId,
    kind,
    sendAfter: '2026-03-01T00:00:00Z',
    expiresAt: '2026-04-01T00:00:00Z',
    createdAt: '2026-02-20T00:00:00Z',
  };
}

export function employeeResponse(
  sv: MetricsSurvey,
  a: Partial<{
    fair: number;
    clarity: number;
    plan: number;
    respected: number;
    nps: number;
    comment: string;
  }> = {},
): MetricsSurveyResponse {
  return {
    id: uid('r'),
    surveyId: sv.id,
    sessionId: sv.sessionId,
    kind: 'employee',
    answers: { fair: 4, clarity: 4, plan: 4, respected: 4, nps: 8, ...a },
  };
}

export function managerResponse(
  sv: MetricsSurvey,
  a: Partial<{ consensus: number; plan: number; prepared: number }> = {},
): MetricsSurveyResponse {
  return {
    id: uid('r'),
    surveyId: sv.id,
    sessionId: sv.sessionId,
    kind: 'manager',
    answers: { consensus: 4, plan: 4, prepared: 4, ...a },
  };
}

/** Deep equality with a relative tolerance on numbers. */
export function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tol = 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual));
    if (!(Math.abs(actual - expected) <= tol)) expect.fail(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      expect.fail(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    }
    for (let i = 0; i < expected.length; i++)
      expectClose((actual as unknown[])[i], expected[i], `${path}[${i}]`);
    return;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object')
      expect.fail(`${path}: ${JSON.stringify(actual)} is not an object`);
    const ak = Object.keys(actual as object).sort();
    const ek = Object.keys(expected).sort();
    if (ak.join() !== ek.join()) expect.fail(`${path}: keys ${ak.join()} ≠ ${ek.join()}`);
    for (const k of ek)
      expectClose(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
    return;
  }
  if (actual !== expected) expect.fail(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
}
