/**
 * Seeds the demo organisation (generate-org.ts) into an empty store, through the store's own
 * write transactions and the service's own rules: every row is checked by the shared schemas;
 * users get hashed tokens; sessions and action items get `seq` from `tx.nextSeq()`, a version and
 * their manager as owner; recorded sessions get their surveys from `issueSurveys` (derived ids,
 * hashed link tokens, the survey secret made on first use); answers mark their survey answered
 * (to the day) exactly as the survey page does.
 *
 * Three write transactions: people and cycles; sessions, items and surveys; answers.
 */
import { randomUUID } from 'node:crypto';
import {
  ActionItem,
  Cycle,
  Employee,
  Rating,
  Session,
  SurveyResponse,
  type User,
} from '../../shared/schemas';
import { generateToken, hashToken } from '../auth/tokens';
import { ratingId } from '../routes/ratings';
import type { Store, StoredActionItem, StoredSession } from '../storage/types';
import { DEFAULT_SURVEY_TIMING, issueSurveys } from '../surveys/issue';
import { surveyIdFor } from '../surveys/links';
import { rosterChanged } from '../sync/roster';
import { generateOrg, type Org, type OrgOptions } from './generate-org';

export interface SeedResult {
  org: Org;
  /** The HR user's token (shown once). */
  hrToken: string;
  /** One manager's token, to try the extension or see the dashboard refuse a manager. */
  manager: { name: string; email: string; token: string };
  counts: Record<string, number>;
}

/** The demo's cycles: the three quarters before the one `today` falls in. */
export function demoOptions(today: Date): OrgOptions {
  const y = today.getUTCFullYear();
  const q = Math.floor(today.getUTCMonth() / 3);
  const first = new Date(Date.UTC(y, (q - 3) * 3, 1));
  return {
    seed: 2026,
    employees: 60,
    departments: 5,
    teamSize: 6,
    cycles: 3,
    cycleMonths: 3,
    firstCycleStart: first.toISOString().slice(0, 10),
    today: today.toISOString().slice(0, 10),
    domain: 'demo.tandem.example',
  };
}

const strip = <T extends { deleted?: boolean }>({ deleted: _d, ...rest }: T) => rest;

export async function seedDemo(
  store: Store,
  options: { today: Date; org?: OrgOptions; hrToken?: string },
): Promise<SeedResult> {
  const org = generateOrg(options.org ?? demoOptions(options.today));
  const now = options.today.toISOString();
  const hrToken = options.hrToken ?? generateToken();

  // Everything is validated before anything is written.
  const employees = org.employees.map((e) => Employee.parse(e));
  const cycles = org.cycles.map((c) => Cycle.parse(c));
  const ratings = org.ratings.map((r) => Rating.parse(r));
  const sessions = org.sessions.filter((s) => !s.deleted).map((s) => Session.parse(strip(s)));
  const actionItems = org.actionItems.filter((a) => !a.deleted).map((a) => ActionItem.parse(strip(a)));
  const responses = org.surveyResponses.map((r) => SurveyResponse.parse(r));

  const managerTokens = new Map<string, string>();
  const userIdByEmail = new Map<string, string>();

  await store.write(async (tx) => {
    if ((await tx.find('users')).length > 0 || (await tx.find('employees')).length > 0) {
      throw new Error('the store is not empty; the demo seeds only an empty store');
    }
    const hr: User = {
      id: randomUUID(),
      name: 'HR 演示 · Demo HR',
      email: 'hr@demo.tandem.example',
      role: 'hr',
      department: null,
      createdAt: now,
    };
    await tx.put('users', { ...hr, tokenHash: hashToken(hrToken) });
    for (const m of org.managers) {
      const token = generateToken();
      const user: User = {
        id: randomUUID(),
        name: m.name,
        email: m.email,
        role: 'manager',
        department: m.department,
        createdAt: now,
      };
      await tx.put('users', { ...user, tokenHash: hashToken(token) });
      managerTokens.set(m.email, token);
      userIdByEmail.set(m.email, user.id);
    }
    for (const e of employees) await tx.put('employees', { ...e, updatedAt: now });
    for (const c of cycles) await tx.put('cycles', c);
    await rosterChanged(tx);
    for (const r of ratings) await tx.put('ratings', { ...r, id: ratingId(r.employeeId, r.cycleId) });
  });

  const ownerOf = new Map<string, string>();
  for (const e of employees) {
    const owner = e.managerEmail ? userIdByEmail.get(e.managerEmail) : undefined;
    if (owner) ownerOf.set(e.id, owner);
  }

  let surveysIssued = 0;
  await store.write(async (tx) => {
    const sessionOwner = new Map<string, string>();
    for (const s of sessions) {
      const ownerId = ownerOf.get(s.employeeId);
      if (!ownerId) continue;
      const row: StoredSession = {
        ...s,
        version: 1,
        updatedAt: s.updatedAt ?? now,
        seq: await tx.nextSeq(),
        ownerId,
      };
      await tx.put('sessions', row);
      sessionOwner.set(s.id, ownerId);
      if (row.status === 'recorded') {
        // Issued when the talk was written up, as the sync write does.
        surveysIssued += (await issueSurveys(tx, row, row.recordedAt ?? now, DEFAULT_SURVEY_TIMING)).length;
      }
    }
    for (const a of actionItems) {
      const ownerId = sessionOwner.get(a.sessionId);
      if (!ownerId) continue;
      const row: StoredActionItem = {
        ...a,
        version: 1,
        updatedAt: a.updatedAt ?? now,
        seq: await tx.nextSeq(),
        ownerId,
      };
      await tx.put('actionItems', row);
    }
  });

  let answered = 0;
  await store.write(async (tx) => {
    for (const r of responses) {
      const survey = await tx.get('surveys', surveyIdFor(r.sessionId, r.kind));
      if (!survey || survey.answeredAt || survey.sendAfter > now) continue;
      const day = `${survey.sendAfter.slice(0, 10)}T00:00:00.000Z`; // the day it was sent (≤ now)
      await tx.put('surveys', { ...survey, sentAt: survey.sendAfter, answeredAt: day });
      await tx.put('surveyResponses', { ...r, surveyId: survey.id });
      answered++;
    }
  });

  const first = org.managers.find((m) => m.department) ?? org.managers[0]!;
  return {
    org,
    hrToken,
    manager: { name: first.name, email: first.email, token: managerTokens.get(first.email)! },
    counts: {
      employees: employees.length,
      managers: org.managers.length,
      cycles: cycles.length,
      ratings: ratings.length,
      sessions: sessions.length,
      actionItems: actionItems.length,
      surveys: surveysIssued,
      responses: answered,
    },
  };
}
