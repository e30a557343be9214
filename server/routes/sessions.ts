/** Sessions one at a time: managers read and write their own; HR reads all, never private notes. */
import { Hono } from 'hono';
import { z } from 'zod';
import { PushedSession } from '../../shared/schemas';
import { currentUser, requireRole, requireUser } from '../middleware/auth';
import { readJson } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { invalidInput } from '../middleware/errors';
import { surveyTiming } from '../surveys/issue';
import { sessionView } from '../sync/records';
import { bodyPath, checkReferences } from '../sync/references';
import { deleteRecord, putSession } from '../sync/write';
import { baseVersionOf, notFound, recordBody, throwUnlessApplied } from './synced';

const ListQuery = z.object({
  cycleId: z.string().min(1).optional(),
  employeeId: z.string().min(1).optional(),
});

export function sessionsRouter({ store, clock, config }: Deps) {
  const surveys = surveyTiming(config);
  return new Hono<AppEnv>()
    .get('/sessions', requireUser, async (c) => {
      const user = currentUser(c);
      const q = ListQuery.safeParse(c.req.query());
      if (!q.success) throw invalidInput(q.error);
      const where = { ...q.data, ...(user.role === 'manager' ? { ownerId: user.id } : {}) };
      const rows = await store.read((tx) => tx.find('sessions', where));
      const sessions = rows
        .filter((s) => !s.deleted)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((s) => sessionView(s, user));
      return c.json({ sessions });
    })
    .get('/sessions/:id', requireUser, async (c) => {
      const user = currentUser(c);
      const id = c.req.param('id');
      const row = await store.read((tx) => tx.get('sessions', id));
      if (!row || row.deleted || (user.role === 'manager' && row.ownerId !== user.id))
        throw notFound('session', id);
      c.header('ETag', `"${row.version}"`);
      return c.json({ session: sessionView(row, user) });
    })
    .put('/sessions/:id', requireRole('manager'), async (c) => {
      const user = currentUser(c);
      const id = c.req.param('id');
      const body = recordBody(readJson(c), id);
      const parsed = PushedSession.safeParse({ ...body, baseVersion: baseVersionOf(c, body, 0) });
      if (!parsed.success) throw invalidInput(parsed.error);
      const out = await store.write(async (tx) => {
        const current = await tx.get('sessions', id);
        if (current && current.ownerId !== user.id) throw notFound('session', id);
        await checkReferences(tx, user, { sessions: [parsed.data] }, bodyPath, false);
        return putSession(tx, user, parsed.data, clock().toISOString(), undefined, surveys);
      });
      throwUnlessApplied(out.result);
      const row = out.row ?? out.previous!;
      c.header('ETag', `"${row.version}"`);
      const created = !out.previous || out.previous.deleted;
      return c.json({ session: sessionView(row, user) }, created ? 201 : 200);
    })
    .delete('/sessions/:id', requireRole('manager'), async (c) => {
      const user = currentUser(c);
      const id = c.req.param('id');
      const baseVersion = baseVersionOf(c, null, null);
      const out = await store.write(async (tx) => {
        const current = await tx.get('sessions', id);
        if (!current || current.deleted || current.ownerId !== user.id) throw notFound('session', id);
        return deleteRecord(tx, user, { type: 'session', id, baseVersion }, clock().toISOString());
      });
      throwUnlessApplied(out.result);
      return c.json({ id, version: out.result.version, deleted: true });
    });
}
