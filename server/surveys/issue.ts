/**
 * Issuing a session's two surveys (DESIGN §4 "Records", step 12 of the method), called by
 * `putSession` inside the write transaction that makes the session `recorded`.
 *
 * Exactly once per session: the survey ids are derived from the session id (links.ts), and the
 * store runs write transactions one at a time, so "get both ids, put what is missing" cannot race
 * with another sync, a retry or a REST PUT of the same session. A session that goes
 * recorded → held → recorded finds its surveys and gets no new ones; so does a session whose id
 * is revived after a delete.
 *
 * When: `sendAfter` = the talk's end (`endedAt`) + `delayDays`. A session recorded without an end
 * time (the call was not timed, or the notes were written for a talk held off-line) uses
 * `recordedAt`, then the time of this write: the closest thing we know to "when it happened".
 * `expiresAt` = `sendAfter` + `ttlDays`. A talk recorded very late may therefore get surveys that
 * are already past `sendAfter` (due at once) or even expired (never offered): asking about a talk
 * weeks later would not measure the talk.
 */
import type { Survey } from '../../shared/schemas';
import { hashToken } from '../auth/tokens';
import type { AppConfig } from '../config';
import type { StoredSession, StoredSurvey, WriteTx } from '../storage/types';
import { linkToken, type SurveyKindId, surveyIdFor, surveyKeysForWrite } from './links';

export type SurveyTiming = { delayDays: number; ttlDays: number };

export const DEFAULT_SURVEY_TIMING: Readonly<SurveyTiming> = Object.freeze({ delayDays: 7, ttlDays: 30 });

export function surveyTiming(config: Pick<AppConfig, 'surveyDelayDays' | 'surveyTtlDays'>): SurveyTiming {
  return { delayDays: config.surveyDelayDays, ttlDays: config.surveyTtlDays };
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const SURVEY_KINDS: readonly SurveyKindId[] = ['employee', 'manager'];

/** When a session's surveys are due and when they close. */
export function surveyWindow(
  session: Pick<StoredSession, 'endedAt' | 'recordedAt'>,
  now: string,
  timing: SurveyTiming,
): { sendAfter: string; expiresAt: string } {
  const base = Date.parse(session.endedAt ?? session.recordedAt ?? now);
  const sendAfter = base + timing.delayDays * DAY_MS;
  return {
    sendAfter: new Date(sendAfter).toISOString(),
    expiresAt: new Date(sendAfter + timing.ttlDays * DAY_MS).toISOString(),
  };
}

/**
 * Issues the employee and the manager survey of `session` unless they exist. Only for a session
 * that has just become `recorded` (the caller decides); returns the surveys it created.
 */
export async function issueSurveys(
  tx: WriteTx,
  session: StoredSession,
  now: string,
  timing: SurveyTiming = DEFAULT_SURVEY_TIMING,
): Promise<Survey[]> {
  const missing: SurveyKindId[] = [];
  for (const kind of SURVEY_KINDS) {
    if (!(await tx.get('surveys', surveyIdFor(session.id, kind)))) missing.push(kind);
  }
  if (missing.length === 0) return [];
  const keys = await surveyKeysForWrite(tx, now);
  const window = surveyWindow(session, now, timing);
  const created: Survey[] = [];
  for (const kind of missing) {
    const id = surveyIdFor(session.id, kind);
    const row: StoredSurvey = {
      id,
      sessionId: session.id,
      kind,
      ...window,
      sentAt: null,
      answeredAt: null,
      createdAt: now,
      tokenHash: hashToken(linkToken(keys, id)),
      ownerId: session.ownerId,
    };
    await tx.put('surveys', row);
    const { tokenHash: _h, ownerId: _o, ...survey } = row;
    created.push(survey);
  }
  return created;
}

/**
 * Whether this write moves the session into `recorded`; `issueSurveys` then adds only surveys that
 * never existed, so a second trip into `recorded` issues nothing.
 */
export function becomesRecorded(previous: StoredSession | undefined, row: StoredSession): boolean {
  if (row.deleted || row.status !== 'recorded') return false;
  return !previous || !!previous.deleted || previous.status !== 'recorded';
}
