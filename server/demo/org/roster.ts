/** Cycles, departments and the roster of the synthetic organisation (`../generate-org.ts`). */
import type { Cycle, Employee } from '../../../shared/schemas';
import type { OrgOptions } from '../generate-org';
import { DEPARTMENT_NAMES, type Department, PROFILE_ORDER, PROFILES, type ProfileId } from './profiles';
import { DAY, date, dayMs, HOUR, type Rng } from './rng';
import { FIRST, GIVEN, LAST, type Lang, SURNAMES } from './texts';

/** The options with their defaults filled in. */
export type OrgSettings = OrgOptions &
  Required<
    Pick<
      OrgOptions,
      | 'seed'
      | 'employees'
      | 'departments'
      | 'teamSize'
      | 'cycles'
      | 'cycleMonths'
      | 'firstCycleStart'
      | 'leaverShare'
      | 'deletedShare'
      | 'domain'
    >
  >;

export interface Roster {
  cycles: Cycle[];
  today: string;
  todayMs: number;
  departments: Department[];
  employees: Employee[];
  langOf: Lang[];
  deptOf: number[];
  /** A latent level per person: where their ratings start. */
  level: number[];
  managerSet: Map<string, { email: string; name: string; department: string | null }>;
}

function quarterOrHalf(startMs: number, months: number, index: number): string {
  const d = new Date(startMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (months === 6 && (m === 0 || m === 6)) return `${y} H${m === 0 ? 1 : 2}`;
  if (months === 3 && m % 3 === 0) return `${y} Q${m / 3 + 1}`;
  return `Cycle ${index + 1}`;
}

export function buildRoster(o: OrgSettings, r: Rng): Roster {
  const { rnd, int, pick, chance } = r;
  // Cycles.
  const cycles: Cycle[] = [];
  const first = new Date(`${o.firstCycleStart}T00:00:00Z`);
  for (let c = 0; c < o.cycles; c++) {
    const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + o.cycleMonths * c, 1);
    const end = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + o.cycleMonths * (c + 1), 1) - DAY;
    const name = quarterOrHalf(start, o.cycleMonths, c);
    const id = name.startsWith('Cycle') ? `cycle-${c + 1}` : name.replace(' ', '');
    cycles.push({ id, name, startsOn: date(start), endsOn: date(end) });
  }
  const span0 = dayMs(cycles[0]!.startsOn);
  const spanEnd = dayMs(cycles.at(-1)!.endsOn);
  const today = o.today ?? date(spanEnd + 30 * DAY);
  const todayMs = dayMs(today) + 12 * HOUR;

  // Departments, sized by their profile's weight (at least 3 people each).
  const departments: Department[] = [];
  const used = new Map<ProfileId, number>();
  for (let d = 0; d < o.departments; d++) {
    const profile = PROFILE_ORDER[d % PROFILE_ORDER.length]!;
    const n = used.get(profile) ?? 0;
    used.set(profile, n + 1);
    const names = DEPARTMENT_NAMES[profile];
    const base = names[n % names.length]!;
    departments.push({
      name: n < names.length ? base : `${base} ${Math.floor(n / names.length) + 1}`,
      profile,
    });
  }
  const weights = departments.map((d) => PROFILES[d.profile].weight);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(3, Math.floor((o.employees * w) / totalWeight)));
  let extra = o.employees - sizes.reduce((a, b) => a + b, 0);
  for (let d = 0, guard = 0; extra !== 0 && sizes.length && guard < 100 * sizes.length; guard++) {
    if (extra > 0 && departments[d]!.profile !== 'tiny') {
      sizes[d]!++;
      extra--;
    } else if (extra < 0 && sizes[d]! > 3) {
      sizes[d]!--;
      extra++;
    } else if (departments.every((x) => x.profile === 'tiny')) {
      sizes[d]! += Math.sign(extra);
      extra -= Math.sign(extra);
    }
    d = (d + 1) % sizes.length;
  }

  // Roster: per department a head, team leads, members; names and unique emails.
  const emails = new Set<string>();
  const person = (): { name: string; local: string; lang: Lang } => {
    if (chance(0.72)) {
      const [s, sp] = pick(SURNAMES);
      const [g, gp] = pick(GIVEN);
      return { name: `${s}${g}`, local: `${gp}.${sp}`, lang: 'zh' };
    }
    const f = pick(FIRST);
    const l = pick(LAST);
    return { name: `${f} ${l}`, local: `${f}.${l}`.toLowerCase(), lang: 'en' };
  };
  const employees: Employee[] = [];
  const langOf: Lang[] = [];
  const deptOf: number[] = [];
  /** A latent level per person: where their ratings start. */
  const level: number[] = [];
  const nameByEmail = new Map<string, string>();
  const managerSet = new Map<string, { email: string; name: string; department: string | null }>();
  // The chief executive: not on the roster (no department of their own), but every department
  // head reports to them, so heads have their talks too.
  const ceo = { email: `ceo@${o.domain}`, name: '周明远 (CEO)', department: null };
  emails.add(ceo.email);
  nameByEmail.set(ceo.email, ceo.name);
  let index = 0;
  for (let d = 0; d < departments.length; d++) {
    const dept = departments[d]!;
    const profile = PROFILES[dept.profile];
    let headEmail = '';
    let leadEmail = '';
    for (let k = 0; k < sizes[d]!; k++) {
      const p = person();
      let email = `${p.local}@${o.domain}`;
      for (let n = 2; emails.has(email); n++) email = `${p.local}${n}@${o.domain}`;
      emails.add(email);
      const isHead = k === 0;
      // Members after the head come in teams: each team's first member leads it, unless the
      // department is one team.
      const single = sizes[d]! - 1 <= o.teamSize + 1;
      const isLead = !isHead && !single && (k - 1) % (o.teamSize + 1) === 0;
      const manager = isHead ? ceo.email : single || isLead ? headEmail : leadEmail;
      if (isHead) headEmail = email;
      if (isLead) leadEmail = email;
      const leaves = !isHead && !isLead && chance(o.leaverShare + profile.leaves);
      const leftOn = leaves ? date(span0 + int((spanEnd - span0) / DAY) * DAY) : null;
      const e: Employee = {
        id: `emp-${index}`,
        name: p.name,
        email,
        department: dept.name,
        managerEmail: manager,
        status: leaves ? 'left' : 'active',
        leftOn,
      };
      employees.push(e);
      nameByEmail.set(email, p.name);
      langOf.push(p.lang);
      deptOf.push(d);
      const u = rnd();
      level.push(u < 0.12 ? 2 : u < 0.7 ? 3 + int(2) / 2 : 4 + int(3) / 2);
      if (manager && !managerSet.has(manager)) {
        const department = manager === ceo.email ? null : dept.name;
        managerSet.set(manager, { email: manager, name: nameByEmail.get(manager)!, department });
      }
      index++;
    }
  }

  return { cycles, today, todayMs, departments, employees, langOf, deptOf, level, managerSet };
}
