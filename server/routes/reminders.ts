/**
 * `GET /api/v1/reminders?asOf=&tz=` (DESIGN §4, issue 9): what the calling manager needs to do:
 * prepare, invite, record, follow action items up, send surveys, hold missing talks. The rules are
 * `computeReminders` (shared/followup/reminders.ts), the same the extension runs offline, over the
 * caller's own sessions and action items, their team, every cycle, and the survey outbox
 * (`dueSurveys`, so "send surveys" matches `GET /api/v1/surveys/outbox` exactly).
 *
 * `asOf`: an ISO UTC instant, or a date meaning the end of that day in `tz` (what is due that day,
 * as the outbox reads a date); default now. `tz`: an IANA zone (or `+08:00`), default `UTC`; it sets
 * "today", "this week" and the coverage windows. Managers only: HR has no reminders (403).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { computeReminders } from '../../shared/followup/reminders';
import { endOfLocalDay, isValidZone } from '../../shared/followup/time';
import { DateOnly, QueryInstant } from '../../shared/schemas/common';
import { currentUser, requireRole } from '../middleware/auth';
import type { AppEnv, Deps } from '../middleware/env';
import { invalidInput } from '../middleware/errors';
import type { StoredSession } from '../storage/types';
import { dueSurveys } from '../surveys';
import { actionItemView, employeeView, sessionView, teamOf } from '../sync/records';

const Query = z
  .object({
    asOf: z
      .union([QueryInstant, DateOnly], {
        error:
          'expected an RFC 3339 instant (2026-03-02T09:00:00Z, 2026-03-02T17:00:00+08:00) or a date (2026-03-02)',
      })
      .optional(),
    tz: z
      .string()
      .refine(isValidZone, 'expected an IANA time zone like Asia/Shanghai, or an offset like +08:00')
      .optional(),
  })
  .strict();

/** The stored session as the reminder rules see it: private notes never take part. */
function withoutPrivateNotes(row: StoredSession) {
  const { privateNotes: _p, ...rest } = sessionView(row, { id: row.ownerId, role: 'manager' });
  return rest;
}

export function remindersRouter({ store, clock, config }: Deps) {
  return new Hono<AppEnv>().get('/reminders', requireRole('manager'), async (c) => {
    const user = currentUser(c);
    const q = Query.safeParse(c.req.query());
    if (!q.success) throw invalidInput(q.error);
    const timeZone = q.data.tz ?? 'UTC';
    const asOf = q.data.asOf
      ? q.data.asOf.length === 10
        ? new Date(endOfLocalDay(q.data.asOf, timeZone))
        : new Date(q.data.asOf)
      : clock();
    const asOfIso = asOf.toISOString();
    const data = await store.read(async (tx) => {
      const [team, sessions, actionItems, cycles, surveys] = await Promise.all([
        teamOf(tx, user),
        tx.find('sessions', { ownerId: user.id }),
        tx.find('actionItems', { ownerId: user.id }),
        tx.find('cycles'),
        dueSurveys(tx, user.id, asOfIso, config.publicUrl),
      ]);
      return { team, sessions, actionItems, cycles, surveys };
    });
    const items = computeReminders({
      now: asOf,
      timeZone,
      manager: { email: user.email, id: user.id },
      reports: data.team.map(employeeView),
      sessions: data.sessions.filter((s) => !s.deleted).map(withoutPrivateNotes),
      actionItems: data.actionItems.filter((a) => !a.deleted).map(actionItemView),
      cycles: data.cycles,
      surveysDue: data.surveys,
    });
    return c.json({ asOf: asOfIso, timeZone, items });
  });
}
