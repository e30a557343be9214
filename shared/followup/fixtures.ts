/** Hand-built records for the follow-up tests: deterministic ids, only the fields a case needs. */
import type { ActionItem, Cycle, Employee, Session } from '../schemas/records';

/** A UUID-shaped id from a small number, so tests read `uid(3)` and stay deterministic. */
export const uid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function sess(n: number, extra: Partial<Session> = {}): Session {
  return { id: uid(n), employeeId: 'e1', cycleId: '2026H1', kind: 'coaching', status: 'scheduled', ...extra };
}

export function item(n: number, sessionId: string, extra: Partial<ActionItem> = {}): ActionItem {
  return { id: uid(1000 + n), sessionId, title: `Item ${n}`, owner: 'employee', status: 'open', ...extra };
}

export function person(id: string, name: string, extra: Partial<Employee> = {}): Employee {
  return {
    id,
    name,
    email: `${id}@corp.example`,
    managerEmail: 'm@corp.example',
    status: 'active',
    ...extra,
  };
}

export const H1: Cycle = { id: '2026H1', name: '2026 H1', startsOn: '2026-01-01', endsOn: '2026-06-30' };
export const H2: Cycle = { id: '2026H2', name: '2026 H2', startsOn: '2026-07-01', endsOn: '2026-12-31' };
