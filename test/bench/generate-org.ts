/**
 * A deterministic synthetic organisation for benchmarks and demos: roster, cycles, ratings,
 * sessions of every kind and status, action items, surveys and responses, all valid under the
 * shared zod schemas (apart from the `deleted` tombstone flag on a few sessions and items).
 *
 * `generateOrg({ seed })` gives the same data for the same options on every run and machine.
 */
import type {
  ActionItem,
  Cycle,
  Employee,
  EmployeeAnswer,
  ManagerAnswer,
  Rating,
  Session,
  Survey,
  SurveyResponse,
} from '../../shared/schemas';

export interface OrgOptions {
  seed?: number;
  employees?: number;
  departments?: number;
  /** Direct reports per manager, roughly. */
  teamSize?: number;
  sessions?: number;
  actionItems?: number;
  /** Survey responses; surveys are issued for every recorded session (one of each kind). */
  responses?: number;
  /** Consecutive half-year cycles, the first starting on firstCycleStart. */
  cycles?: number;
  firstCycleStart?: string;
  /** Share of employees who leave at some point during the cycles. */
  leaverShare?: number;
  /** Share of sessions and items that are tombstones. */
  deletedShare?: number;
}

type Deleted = { deleted?: boolean };

export interface Org {
  employees: Employee[];
  cycles: Cycle[];
  ratings: Rating[];
  sessions: (Session & Deleted)[];
  actionItems: (ActionItem & Deleted)[];
  surveys: Survey[];
  surveyResponses: SurveyResponse[];
}

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
const MINUTE = 60_000;

const DEPARTMENT_NAMES = ['研发', '销售', '市场', '财务', 'Engineering', 'Sales', 'Support', 'Operations'];

export function generateOrg(options: OrgOptions = {}): Org {
  const o = {
    seed: 42,
    employees: 20_000,
    departments: 40,
    teamSize: 8,
    sessions: 100_000,
    actionItems: 300_000,
    responses: 150_000,
    cycles: 3,
    firstCycleStart: '2025-01-01',
    leaverShare: 0.12,
    deletedShare: 0.01,
    ...options,
  };
  const rnd = prng(o.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const uuid = () => {
    let h = '';
    for (let i = 0; i < 4; i++) h += (Math.floor(rnd() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, '0');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  // Cycles: consecutive half-years.
  const cycles: Cycle[] = [];
  const first = new Date(`${o.firstCycleStart}T00:00:00Z`);
  for (let c = 0; c < o.cycles; c++) {
    const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 6 * c, 1);
    const end = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 6 * (c + 1), 1) - DAY;
    cycles.push({ id: `cycle-${c + 1}`, name: `Cycle ${c + 1}`, startsOn: date(start), endsOn: date(end) });
  }
  const span0 = Date.parse(`${cycles[0]!.startsOn}T00:00:00Z`);
  const spanEnd = Date.parse(`${cycles.at(-1)!.endsOn}T00:00:00Z`);

  // Roster: departments, a manager per team, leavers spread over the cycles.
  const departments = Array.from({ length: o.departments }, (_, i) => `${DEPARTMENT_NAMES[i % 8]} ${i + 1}`);
  const employees: Employee[] = [];
  let managerEmail: string | null = null;
  for (let i = 0; i < o.employees; i++) {
    const email = `e${i}@example.com`;
    const dept = departments[Math.floor((i * o.departments) / o.employees)]!;
    if (i % o.teamSize === 0) managerEmail = i === 0 ? null : `e${Math.max(0, i - o.teamSize)}@example.com`;
    const leaves = rnd() < o.leaverShare;
    const leftOn = leaves ? date(span0 + int((spanEnd - span0) / DAY) * DAY) : null;
    employees.push({
      id: `emp-${i}`,
      name: `Employee ${i}`,
      email,
      department: rnd() < 0.01 ? null : dept,
      managerEmail: i % o.teamSize === 0 && i > 0 ? `e${i - o.teamSize}@example.com` : managerEmail,
      status: leaves ? 'left' : 'active',
      leftOn,
    });
  }

  const ratings: Rating[] = [];
  for (const e of employees) {
    for (const c of cycles) {
      if (rnd() < 0.9) ratings.push({ employeeId: e.id, cycleId: c.id, rating: 1 + int(9) / 2 });
    }
  }

  // Sessions.
  const kinds = ['plan', 'coaching', 'review'] as const;
  const sessions: (Session & Deleted)[] = [];
  for (let i = 0; i < o.sessions; i++) {
    const e = employees[int(employees.length)]!;
    const c = cycles[int(cycles.length)]!;
    const kind = pick(kinds);
    const u = rnd();
    const status =
      u < 0.03 ? 'planned' : u < 0.06 ? 'scheduled' : u < 0.12 ? 'held' : u < 0.97 ? 'recorded' : 'cancelled';
    const cStart = Date.parse(`${c.startsOn}T00:00:00Z`);
    const cDays = (Date.parse(`${c.endsOn}T00:00:00Z`) - cStart) / DAY;
    const start = cStart + int(cDays) * DAY + (8 + int(10)) * 3_600_000 + int(4) * 15 * MINUTE;
    const minutes = 10 + int(100);
    const happened = status === 'held' || status === 'recorded';
    const s: Session & Deleted = {
      id: uuid(),
      employeeId: e.id,
      cycleId: c.id,
      kind,
      status,
      scheduledAt: iso(start),
      invitedAt: rnd() < 0.9 ? iso(start - (1 + int(10)) * DAY) : null,
      startedAt: happened && rnd() < 0.95 ? iso(start) : null,
      endedAt: happened && rnd() < 0.95 ? iso(start + minutes * MINUTE) : null,
      recordedAt: status === 'recorded' ? iso(start + minutes * MINUTE + int(60) * 3_600_000) : null,
      mainGoal: rnd() < 0.8 ? 'Agree next quarter goals' : null,
      agenda: { strengths: 'Clear writing', gaps: null, questions: rnd() < 0.7 ? ['What went well?'] : [] },
      checklist: Array.from({ length: 12 }, (_, k) => k + 1).filter(() => rnd() < 0.6),
      consensus:
        kind === 'review' ? pick(['agreed', 'agreed', 'agreed', 'partial', 'disagreed'] as const) : null,
      appealed: kind === 'review' ? rnd() < 0.05 : null,
      version: 1,
      updatedAt: iso(start),
    };
    if (rnd() < o.deletedShare) s.deleted = true;
    sessions.push(s);
  }

  // Action items belong to held and recorded sessions and are stored together per session, as a
  // sync push writes them; `actionItems` of them are spread over those sessions at random.
  const withItems = sessions.filter((s) => s.status === 'held' || s.status === 'recorded');
  const perSession = new Int32Array(withItems.length);
  for (let i = 0; i < o.actionItems; i++) perSession[int(withItems.length)]!++;
  const actionItems: (ActionItem & Deleted)[] = [];
  withItems.forEach((s, k) => {
    const base = Date.parse(s.scheduledAt!);
    for (let j = 0; j < perSession[k]!; j++) {
      const due = base + (7 + int(90)) * DAY;
      const u = rnd();
      const status = u < 0.6 ? 'done' : u < 0.9 ? 'open' : 'dropped';
      const item: ActionItem & Deleted = {
        id: uuid(),
        sessionId: s.id,
        title: 'Ship the onboarding guide',
        owner: rnd() < 0.75 ? 'employee' : 'manager',
        dueOn: rnd() < 0.95 ? date(due) : null,
        measure: rnd() < 0.8 ? 'Guide published and reviewed' : null,
        status,
        doneAt: status === 'done' ? iso(due + (int(20) - 14) * DAY + int(24) * 3_600_000) : null,
        checkIns: [],
        version: 1,
        updatedAt: iso(base),
      };
      if (rnd() < o.deletedShare) item.deleted = true;
      actionItems.push(item);
    }
  });

  // Surveys for recorded sessions, and a deterministic subset of them answered.
  const surveys: Survey[] = [];
  for (const s of sessions) {
    if (s.status !== 'recorded' || s.deleted) continue;
    const sendAfter = Date.parse(s.endedAt ?? s.recordedAt!) + 7 * DAY;
    for (const kind of ['employee', 'manager'] as const) {
      surveys.push({
        id: uuid(),
        sessionId: s.id,
        kind,
        sendAfter: iso(sendAfter),
        expiresAt: iso(sendAfter + 30 * DAY),
        sentAt: iso(sendAfter),
        answeredAt: null,
        createdAt: s.recordedAt!,
      });
    }
  }
  const order = surveys.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const likert = () => 1 + Math.min(4, Math.floor(rnd() * 5.5));
  const surveyResponses: SurveyResponse[] = [];
  for (const i of order.slice(0, Math.min(o.responses, order.length))) {
    const sv = surveys[i]!;
    sv.answeredAt = sv.sendAfter;
    if (sv.kind === 'employee') {
      const answers: EmployeeAnswer = {
        fair: likert(),
        clarity: likert(),
        plan: likert(),
        respected: likert(),
        nps: int(11),
        ...(rnd() < 0.2 ? { comment: 'Useful talk' } : {}),
      };
      surveyResponses.push({
        id: uuid(),
        surveyId: sv.id,
        sessionId: sv.sessionId,
        kind: 'employee',
        answers,
      });
    } else {
      const answers: ManagerAnswer = { consensus: likert(), plan: likert(), prepared: likert() };
      surveyResponses.push({
        id: uuid(),
        surveyId: sv.id,
        sessionId: sv.sessionId,
        kind: 'manager',
        answers,
      });
    }
  }

  return { employees, cycles, ratings, sessions, actionItems, surveys, surveyResponses };
}
