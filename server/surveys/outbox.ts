/**
 * The manager's survey outbox (DESIGN §4):
 *
 *   GET  /api/v1/surveys/outbox?asOf=   the caller's survey links due to be sent
 *   POST /api/v1/surveys/:id/sent       mark one sent (idempotent)
 *
 * An item is due when `sendAfter ≤ asOf < expiresAt`, it was not marked sent, it was not
 * answered, and its session is still a live held or recorded session. `asOf` is an instant, or a
 * date meaning the end of that UTC day (what is due that day; a link closing that day is not
 * offered any more). Nothing here ever carries an answer: the outbox knows links, not responses.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { DateOnly, QueryInstant } from '../../shared/schemas/common';
import { hashToken } from '../auth/tokens';
import { currentUser, requireRole } from '../middleware/auth';
import type { AppEnv, Deps } from '../middleware/env';
import { ApiError, invalidInput } from '../middleware/errors';
import type { ReadTx, StoredSurvey } from '../storage/types';
import { linkToken, readSurveyKeys } from './links';
import { type Lang, outboxMessage } from './messages';

export type OutboxItem = {
  surveyId: string;
  sessionId: string;
  kind: 'employee' | 'manager';
  url: string;
  sendAfter: string;
  expiresAt: string;
  message: Record<Lang, string>;
};

const OutboxQuery = z.object({ asOf: z.union([QueryInstant, DateOnly]).optional() }).strict();

function asOfInstant(asOf: string | undefined, now: Date): string {
  if (!asOf) return now.toISOString();
  return asOf.length === 10 ? `${asOf}T23:59:59.999Z` : new Date(asOf).toISOString();
}

/** The public link of a survey. */
export function surveyUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/s/${token}`;
}

/**
 * The outbox of one manager at `asOf` (an ISO instant), read inside the caller's transaction.
 * Exported for `GET /api/v1/reminders` ("send surveys"), so both answer the same.
 */
export async function dueSurveys(
  tx: ReadTx,
  ownerId: string,
  asOf: string,
  publicUrl: string,
): Promise<OutboxItem[]> {
  const due = (await tx.find('surveys', { ownerId })).filter(
    (s) => !s.sentAt && !s.answeredAt && s.sendAfter <= asOf && s.expiresAt > asOf,
  );
  if (due.length === 0) return [];
  const keys = await readSurveyKeys(tx);
  if (!keys) return [];
  const items: OutboxItem[] = [];
  for (const s of due) {
    const session = await tx.get('sessions', s.sessionId);
    if (!session || session.deleted || session.ownerId !== ownerId) continue;
    if (session.status !== 'held' && session.status !== 'recorded') continue;
    const token = linkToken(keys, s.id);
    // A secret that was replaced (a store restored without its settings) would make links that
    // open nothing: show none rather than wrong ones.
    if (hashToken(token) !== s.tokenHash) continue;
    const employee = await tx.get('employees', session.employeeId);
    const url = surveyUrl(publicUrl, token);
    items.push({
      surveyId: s.id,
      sessionId: s.sessionId,
      kind: s.kind,
      url,
      sendAfter: s.sendAfter,
      expiresAt: s.expiresAt,
      message: outboxMessage({
        kind: s.kind,
        url,
        employeeName: employee?.name ?? null,
        conversationKind: session.kind,
        heldAt: session.endedAt ?? session.recordedAt ?? null,
        expiresAt: s.expiresAt,
      }),
    });
  }
  return items.sort(
    (a, b) =>
      a.sendAfter.localeCompare(b.sendAfter) ||
      a.sessionId.localeCompare(b.sessionId) ||
      (a.kind === b.kind ? 0 : a.kind === 'employee' ? -1 : 1),
  );
}

function notYours(id: string): ApiError {
  return new ApiError(404, 'not_found', `No survey ${id}.`);
}

export function surveyOutboxRouter({ store, clock, config }: Deps) {
  return new Hono<AppEnv>()
    .get('/surveys/outbox', requireRole('manager'), async (c) => {
      const user = currentUser(c);
      const q = OutboxQuery.safeParse(c.req.query());
      if (!q.success) throw invalidInput(q.error);
      const asOf = asOfInstant(q.data.asOf, clock());
      const items = await store.read((tx) => dueSurveys(tx, user.id, asOf, config.publicUrl));
      return c.json({ items });
    })
    .post('/surveys/:id/sent', requireRole('manager'), async (c) => {
      const user = currentUser(c);
      const id = c.req.param('id');
      const sentAt = await store.write(async (tx) => {
        const survey = await tx.get('surveys', id);
        if (!survey || survey.ownerId !== user.id) throw notYours(id);
        if (survey.sentAt) return survey.sentAt;
        const now = clock().toISOString();
        const row: StoredSurvey = { ...survey, sentAt: now };
        await tx.put('surveys', row);
        return now;
      });
      return c.json({ surveyId: id, sentAt });
    });
}
