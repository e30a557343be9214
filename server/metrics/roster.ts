/**
 * Parameters, cycles and the roster index shared by the engine and comments.
 *
 * Grouping: by the employee's roster `department` (trimmed), `managerEmail` (trimmed, lower-cased)
 * or `all` for groupBy=none. An employee with no department (or no manager) is in the group keyed
 * `""` (the empty string; it cannot collide with a real name, and dashboards label it).
 *
 * Membership for a cycle: the group's employees are its roster employees employed at the cycle's
 * start (leftOn empty or ≥ startsOn); people who had left before the cycle began are in no group
 * for it, and their sessions are not counted. The population is the subset still employed at the
 * cycle's end (leftOn empty or after endsOn). `groups` lists every key with ≥ 1 group employee,
 * sorted by UTF-16 code units. Sessions of employees missing from the roster count nowhere,
 * so the groups always add up to `overall`.
 */
import {
  ALL_KEY,
  DEFAULT_MIN_GROUP,
  DEFAULT_THRESHOLDS,
  type GroupBy,
  type MetricsCycle,
  type MetricsEmployee,
  type MetricsInput,
  MetricsInputError,
  type MetricsParams,
  type WarningThresholds,
} from './types';
import { DATE_RE, parseDate } from './util';

export interface ResolvedParams {
  cycle: MetricsCycle;
  next: MetricsCycle | null;
  previous: MetricsCycle | null;
  asOf: string;
  groupBy: GroupBy;
  minGroup: number;
  thresholds: WarningThresholds;
}

const GROUP_BYS: readonly GroupBy[] = ['department', 'manager', 'none'];

export function resolveParams(input: MetricsInput, params: MetricsParams): ResolvedParams {
  const { cycleId, asOf, groupBy } = params;
  if (typeof asOf !== 'string' || !DATE_RE.test(asOf) || Number.isNaN(parseDate(asOf))) {
    throw new MetricsInputError('invalid_params', 'asOf must be a date as YYYY-MM-DD', { asOf });
  }
  if (!GROUP_BYS.includes(groupBy)) {
    throw new MetricsInputError('invalid_params', 'groupBy must be department, manager or none', { groupBy });
  }
  const minGroup = params.minGroup ?? DEFAULT_MIN_GROUP;
  if (!Number.isInteger(minGroup) || minGroup < 1) {
    throw new MetricsInputError('invalid_params', 'minGroup must be a whole number ≥ 1', { minGroup });
  }
  const thresholds: WarningThresholds = { ...DEFAULT_THRESHOLDS };
  for (const [k, v] of Object.entries(params.thresholds ?? {})) {
    if (!(k in DEFAULT_THRESHOLDS) || typeof v !== 'number' || Number.isNaN(v)) {
      throw new MetricsInputError('invalid_params', `unknown or invalid threshold ${k}`, { [k]: v });
    }
    thresholds[k as keyof WarningThresholds] = v;
  }
  const cycles = input.cycles.filter((c) => !c.deleted);
  const cycle = cycles.find((c) => c.id === cycleId);
  if (!cycle) throw new MetricsInputError('unknown_cycle', `no cycle ${cycleId}`, { cycleId });
  let next: MetricsCycle | null = null;
  let previous: MetricsCycle | null = null;
  for (const c of cycles) {
    if (c.startsOn > cycle.startsOn && (!next || c.startsOn < next.startsOn)) next = c;
    if (c.startsOn < cycle.startsOn && (!previous || c.startsOn > previous.startsOn)) previous = c;
  }
  return { cycle, next, previous, asOf, groupBy, minGroup, thresholds };
}

export function groupKeyOf(e: MetricsEmployee, groupBy: GroupBy): string {
  if (groupBy === 'none') return ALL_KEY;
  if (groupBy === 'department') return e.department?.trim() ?? '';
  return e.managerEmail?.trim().toLowerCase() ?? '';
}

export function employedAtStart(leftOn: string | null | undefined, c: MetricsCycle): boolean {
  return !leftOn || leftOn >= c.startsOn;
}

export function employedAtEnd(leftOn: string | null | undefined, c: MetricsCycle): boolean {
  return !leftOn || leftOn > c.endsOn;
}

/** Membership flags of one cycle, per employee index. */
export interface CycleMembership {
  /** A group employee: employed at the cycle's start. */
  member: Uint8Array;
  /** In the population: employed at the cycle's end. */
  population: Uint8Array;
}

export interface Roster {
  /** Employee id → index. */
  index: Map<string, number>;
  employees: MetricsEmployee[];
  /** Every key any employee has; `group[i]` indexes it. */
  keys: string[];
  group: Int32Array;
}

export function buildRoster(employees: readonly MetricsEmployee[], groupBy: GroupBy): Roster {
  const index = new Map<string, number>();
  const list: MetricsEmployee[] = [];
  for (const e of employees) {
    if (e.deleted || !e.id) continue;
    const at = index.get(e.id);
    if (at === undefined) {
      index.set(e.id, list.length);
      list.push(e);
    } else {
      list[at] = e; // a repeated id: the last row wins
    }
  }
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const group = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const key = groupKeyOf(list[i]!, groupBy);
    let k = keyIndex.get(key);
    if (k === undefined) {
      k = keys.length;
      keys.push(key);
      keyIndex.set(key, k);
    }
    group[i] = k;
  }
  return { index, employees: list, keys, group };
}

export function membership(roster: Roster, c: MetricsCycle): CycleMembership {
  const n = roster.employees.length;
  const member = new Uint8Array(n);
  const population = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const leftOn = roster.employees[i]!.leftOn;
    if (employedAtStart(leftOn, c)) member[i] = 1;
    if (employedAtEnd(leftOn, c)) population[i] = 1;
  }
  return { member, population };
}

/** Key indexes with ≥ 1 member, in output order. */
export function listedGroups(roster: Roster, m: CycleMembership): number[] {
  const seen = new Uint8Array(roster.keys.length);
  for (let i = 0; i < roster.employees.length; i++) if (m.member[i]) seen[roster.group[i]!] = 1;
  const out: number[] = [];
  for (let k = 0; k < seen.length; k++) if (seen[k]) out.push(k);
  out.sort((a, b) => {
    const x = roster.keys[a]!;
    const y = roster.keys[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return out;
}

export const HELD = new Set(['held', 'recorded']);
