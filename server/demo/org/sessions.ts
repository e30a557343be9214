/** Sessions and action items of the synthetic organisation (`../generate-org.ts`). */
import type { ActionItem, Cycle, Session } from '../../../shared/schemas';
import { PROFILES, type ProfileId } from './profiles';
import { DAY, date, dayMs, HOUR, iso, MINUTE, makeRng, type Rng } from './rng';
import type { OrgSettings, Roster } from './roster';
import {
  CAUSES,
  EMPLOYEE_ITEMS,
  GAPS,
  GOALS,
  type Lang,
  PRIVATE_NOTES,
  QUESTIONS,
  STRENGTHS,
  SUPPORT_ITEMS,
} from './texts';

export type Deleted = { deleted?: boolean };
export type Draft = { s: Session & Deleted; e: number; lang: Lang; start: number };

export interface Talks {
  chosen: Draft[];
  sessions: (Session & Deleted)[];
  actionItems: (ActionItem & Deleted)[];
  /** Own items per employee and cycle: [due, done]. */
  own: Map<string, [number, number]>;
}

/**
 * The listening meter (issue 18) in the demo: how often managers of each kind of department switch
 * it on, and how much of a talk they tend to fill. Drawn from a stream of its own, so the rest of
 * the organisation is the same with or without it.
 */
const LISTENING: Record<ProfileId, { on: number; managerShare: number }> = {
  steady: { on: 0.45, managerShare: 0.48 },
  rushed: { on: 0.3, managerShare: 0.66 },
  stretched: { on: 0.2, managerShare: 0.6 },
  quiet: { on: 0.35, managerShare: 0.52 },
  tiny: { on: 0.5, managerShare: 0.5 },
};

function demoListening(r: Rng, profile: ProfileId): Session['listening'] {
  const p = LISTENING[profile];
  if (!r.chance(p.on)) return null;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const managerShare = round(Math.min(0.9, Math.max(0.2, p.managerShare + (r.rnd() - 0.5) * 0.3)));
  const silenceShare = round(0.05 + r.rnd() * 0.12);
  return {
    managerShare,
    otherShare: round(Math.max(0, 1 - managerShare - silenceShare)),
    silenceShare,
    longestMonologueSeconds: Math.round(20 + managerShare * 200 * r.rnd()),
    employeeSpokeFirst: r.chance(1.1 - managerShare),
  };
}

export function buildSessions(o: OrgSettings, r: Rng, roster: Roster): Talks {
  const { rnd, int, pick, chance, uuid } = r;
  const listeningRng = makeRng(o.seed ^ 0x18_18_18);
  const { cycles, todayMs, departments, employees, langOf, deptOf } = roster;
  // Sessions: per cycle and person with a manager, a plan talk, one or two coaching check-ins and
  // a review, each of which may not happen.
  const drafts: Draft[] = [];
  const kinds = ['plan', 'coaching', 'review'] as const;
  const makeSession = (e: number, c: Cycle, kind: (typeof kinds)[number], slot: number): Draft => {
    const emp = employees[e]!;
    const profile = PROFILES[departments[deptOf[e]!]!.profile];
    const lang = langOf[e]!;
    const cStart = dayMs(c.startsOn);
    const cDays = (dayMs(c.endsOn) - cStart) / DAY + 1;
    const dayOffset =
      kind === 'plan'
        ? int(14)
        : kind === 'review'
          ? cDays - 10 + int(18)
          : Math.floor(cDays * (slot === 0 ? 0.45 : 0.7)) + int(10) - 5;
    let start = cStart + dayOffset * DAY;
    const weekday = new Date(start).getUTCDay();
    if (weekday === 0) start += DAY;
    if (weekday === 6) start += 2 * DAY;
    start += (1 + int(8)) * HOUR + int(4) * 15 * MINUTE; // 09:00–17:45 in UTC+8
    const past = start + 2 * HOUR < todayMs;
    const u = rnd();
    const status: Session['status'] = !past
      ? u < 0.5
        ? 'planned'
        : 'scheduled'
      : u < 0.03
        ? 'cancelled'
        : u < 0.1
          ? 'held'
          : 'recorded';
    const happened = status === 'held' || status === 'recorded';
    const minutes = chance(profile.short) ? 12 + int(17) : chance(0.12) ? 66 + int(35) : 40 + int(26);
    const end = start + minutes * MINUTE;
    const recorded = status === 'recorded';
    const recordedAt = chance(profile.recordedSoon)
      ? end + (1 + int(20)) * HOUR
      : end + (26 + int(90)) * HOUR;
    const invitedAhead = chance(0.78);
    const isReview = kind === 'review';
    const agreed = chance(profile.agreed);
    const s: Session & Deleted = {
      id: uuid(),
      employeeId: emp.id,
      cycleId: c.id,
      kind,
      status,
      scheduledAt: iso(start),
      invitedAt: chance(0.93) ? iso(start - (invitedAhead ? 3 + int(5) : 1) * DAY - int(8) * HOUR) : null,
      startedAt: happened && chance(0.96) ? iso(start) : null,
      endedAt: happened && chance(0.96) ? iso(end) : null,
      recordedAt: recorded ? iso(Math.min(recordedAt, todayMs - HOUR)) : null,
      mainGoal: chance(0.85) ? pick(GOALS[kind][lang]) : null,
      employeeType: chance(0.8)
        ? pick(['mature', 'mature', 'wavering', 'confused', 'disengaged'] as const)
        : null,
      agenda: {
        strengths: pick(STRENGTHS[lang]),
        gaps: chance(0.8) ? pick(GAPS[lang]) : null,
        causes: chance(0.5) ? [pick(CAUSES)[lang]] : [],
        nextGoals: null,
        questions: chance(0.8) ? QUESTIONS[lang].slice(0, 1 + int(3)) : [],
      },
      notes: happened
        ? lang === 'zh'
          ? '员工先做了自评，双方对齐了下一步。'
          : 'Self-assessment first; next steps agreed.'
        : null,
      privateNotes: chance(0.15) ? pick(PRIVATE_NOTES[lang]) : null,
      checklist: happened ? Array.from({ length: 12 }, (_, k) => k + 1).filter(() => chance(0.75)) : [],
      consensus: isReview && happened ? (agreed ? 'agreed' : chance(0.7) ? 'partial' : 'disagreed') : null,
      appealed: isReview && happened ? !agreed && chance(profile.appealed * 3) : null,
      meetingUrl: chance(0.7) ? 'https://meeting.tencent.com/dm/x4Lk9qTzWm2P' : null,
      listening: happened ? demoListening(listeningRng, departments[deptOf[e]!]!.profile) : null,
      version: 1,
      updatedAt: iso(recorded ? Math.min(recordedAt, todayMs - HOUR) : start),
    };
    if (o.deletedShare > 0 && chance(o.deletedShare)) s.deleted = true;
    return { s, e, lang, start };
  };
  for (const c of cycles) {
    for (let e = 0; e < employees.length; e++) {
      const emp = employees[e]!;
      if (!emp.managerEmail || (emp.leftOn && emp.leftOn < c.startsOn)) continue;
      const profile = PROFILES[departments[deptOf[e]!]!.profile];
      const slots: [(typeof kinds)[number], number][] = [
        ['plan', 0],
        ['coaching', 0],
      ];
      if (chance(0.35)) slots.push(['coaching', 1]);
      slots.push(['review', 0]);
      for (const [kind, slot] of slots) {
        const p = profile.happens[kinds.indexOf(kind)]!;
        if (!chance(p)) continue;
        const d = makeSession(e, c, kind, slot);
        if (emp.leftOn && date(d.start) > emp.leftOn) continue;
        drafts.push(d);
      }
    }
  }
  let chosen = drafts;
  if (o.sessions !== undefined) {
    const want = o.sessions;
    if (drafts.length > want) {
      // A deterministic random subset, kept in creation order.
      const keep = new Uint8Array(drafts.length);
      const idx = drafts.map((_, i) => i);
      for (let i = 0; i < want; i++) {
        const j = i + int(idx.length - i);
        [idx[i], idx[j]] = [idx[j]!, idx[i]!];
        keep[idx[i]!] = 1;
      }
      chosen = drafts.filter((_, i) => keep[i]);
    } else {
      const withManager = employees.map((_, i) => i).filter((i) => employees[i]!.managerEmail);
      while (chosen.length < want && withManager.length) {
        chosen.push(makeSession(pick(withManager), pick(cycles), 'coaching', 1));
      }
    }
  }
  const sessions = chosen.map((d) => d.s);

  // Action items of held and recorded sessions, stored together per session.
  const isHeld = (s: Session) => s.status === 'held' || s.status === 'recorded';
  const heldDrafts = chosen.filter((d) => isHeld(d.s));
  const perSession = new Int32Array(heldDrafts.length);
  if (o.actionItems !== undefined) {
    for (let i = 0; i < o.actionItems && heldDrafts.length; i++) perSession[int(heldDrafts.length)]!++;
  } else {
    heldDrafts.forEach((d, k) => {
      perSession[k] = d.s.kind === 'plan' ? 2 + int(2) : 1 + int(2);
    });
  }
  const actionItems: (ActionItem & Deleted)[] = [];
  // Own items per employee and cycle: [due, done], for the rating drift.
  const own = new Map<string, [number, number]>();
  heldDrafts.forEach((d, k) => {
    const profile = PROFILES[departments[deptOf[d.e]!]!.profile];
    for (let j = 0; j < perSession[k]!; j++) {
      const support = chance(0.25);
      const pool = support ? SUPPORT_ITEMS : EMPLOYEE_ITEMS;
      const [title, measure] = pick(pool)[d.lang];
      const dueMs = d.start + (14 + int(50)) * DAY;
      const dueOn = chance(0.95) ? date(dueMs) : null;
      const dueReached = dueMs <= todayMs;
      const doneP = support ? profile.supportDone : profile.itemsDone;
      const u = rnd();
      let status: ActionItem['status'] = 'open';
      let doneAt: string | null = null;
      if (u < 0.05) status = 'dropped';
      else if (chance(dueReached ? doneP : doneP * 0.4)) {
        status = 'done';
        const late = chance(0.2);
        const at = dueMs + (late ? 1 + int(10) : -int(12)) * DAY + (1 + int(9)) * HOUR;
        doneAt = iso(Math.min(Math.max(at, d.start + HOUR), todayMs - HOUR));
      }
      const item: ActionItem & Deleted = {
        id: uuid(),
        sessionId: d.s.id,
        title,
        owner: support ? 'manager' : 'employee',
        dueOn,
        measure: chance(0.88) ? measure : null,
        status,
        doneAt,
        checkIns: chance(0.4)
          ? [{ at: iso(d.start + 10 * DAY), note: d.lang === 'zh' ? '进展顺利' : 'On track' }]
          : [],
        version: 1,
        updatedAt: iso(d.start + HOUR),
      };
      if (o.deletedShare > 0 && chance(o.deletedShare)) item.deleted = true;
      actionItems.push(item);
      if (!support && status !== 'dropped' && dueReached) {
        const key = `${d.s.employeeId}|${d.s.cycleId}`;
        const acc = own.get(key) ?? [0, 0];
        acc[0]++;
        if (status === 'done') acc[1]++;
        own.set(key, acc);
      }
    }
  });

  return { chosen, sessions, actionItems, own };
}
