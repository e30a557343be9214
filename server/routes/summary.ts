/**
 * `GET /api/v1/employees/:id/summary?asOf=` (issue 9): the employee one-pager of the Prepare tab
 * (ratings across cycles, earlier talks with key points and agreement, action-item completion and
 * on-time rates, open support commitments), computed by `employeeSummary`
 * (shared/followup/summary.ts) over the service's records.
 *
 * Who sees what:
 * - a manager: only their own team (roster `managerEmail` = their email, or people they added);
 *   anyone else is 404, as if unknown. The talks are the manager's own sessions with that person.
 *   Ratings are included: a manager sees the ratings of their own reports.
 * - HR: anyone, with every manager's sessions.
 * - Private notes take part for nobody: key points come from `notes` only, so nothing derived
 *   from `privateNotes` ever leaves the service (the extension may use them locally).
 *
 * `asOf` (a date, default today in UTC) is the day action items are judged due by.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { employeeSummary } from '../../shared/followup/summary';
import { DateOnly } from '../../shared/schemas/common';
import { currentUser, requireUser } from '../middleware/auth';
import type { AppEnv, Deps } from '../middleware/env';
import { invalidInput } from '../middleware/errors';
import type { StoredActionItem } from '../storage/types';
import { actionItemView, employeeView, sessionView, teamMember } from '../sync/records';
import { notFound } from './synced';

const Query = z.object({ asOf: DateOnly.optional() }).strict();

export function summaryRouter({ store, clock }: Deps) {
  return new Hono<AppEnv>().get('/employees/:id/summary', requireUser, async (c) => {
    const user = currentUser(c);
    const id = c.req.param('id');
    const q = Query.safeParse(c.req.query());
    if (!q.success) throw invalidInput(q.error);
    const asOf = q.data.asOf ?? clock().toISOString().slice(0, 10);
    const data = await store.read(async (tx) => {
      const employee = user.role === 'hr' ? await tx.get('employees', id) : await teamMember(tx, user, id);
      if (!employee) return null;
      const where = user.role === 'hr' ? { employeeId: id } : { employeeId: id, ownerId: user.id };
      const sessions = (await tx.find('sessions', where)).filter((s) => !s.deleted);
      const actionItems: StoredActionItem[] = [];
      for (const s of sessions) {
        for (const a of await tx.find('actionItems', { sessionId: s.id })) {
          if (!a.deleted && a.ownerId === s.ownerId) actionItems.push(a);
        }
      }
      const [ratings, cycles] = await Promise.all([
        tx.find('ratings', { employeeId: id }),
        tx.find('cycles'),
      ]);
      return { employee, sessions, actionItems, ratings, cycles };
    });
    if (!data) throw notFound('employee', id);
    const summary = employeeSummary({
      employee: employeeView(data.employee),
      // Seen as HR sees them: never with private notes, whoever asks.
      sessions: data.sessions.map((s) => sessionView(s, { id: user.id, role: 'hr' })),
      actionItems: data.actionItems.map(actionItemView),
      ratings: data.ratings.map(({ id: _id, ...r }) => r),
      cycles: data.cycles,
      asOf,
      includePrivateNotes: false,
    });
    return c.json({ summary });
  });
}
