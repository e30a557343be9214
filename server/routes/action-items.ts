/** Action items one at a time; the same rules as sessions (an item's session must be the caller's). */
import { Hono } from 'hono';
import { z } from 'zod';
import { ActionItemStatus, DateOnly, PushedActionItem } from '../../shared/schemas';
import { currentUser, requireRole, requireUser } from '../middleware/auth';
import { readJson } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { invalidInput } from '../middleware/errors';
import { actionItemView } from '../sync/records';
import { bodyPath, checkReferences } from '../sync/references';
import { deleteRecord, putActionItem } from '../sync/write';
import { baseVersionOf, notFound, recordBody, throwUnlessApplied } from './synced';

const ListQuery = z.object({
  status: ActionItemStatus.optional(),
  /** Items due strictly before this date (items without a due date are left out). */
  dueBefore: DateOnly.optional(),
  sessionId: z.string().min(1).optional(),
});

export function actionItemsRouter({ store, clock }: Deps) {
  return new Hono<AppEnv>()
    .get('/action-items', requireUser, async (c) => {
      const user = currentUser(c);
      const q = ListQuery.safeParse(c.req.query());
      if (!q.success) throw invalidInput(q.error);
      const { dueBefore, ...filters } = q.data;
      const where = { ...filters, ...(user.role === 'manager' ? { ownerId: user.id } : {}) };
      const rows = await store.read((tx) => tx.find('actionItems', where));
      const actionItems = rows
        .filter((a) => !a.deleted && (!dueBefore || (a.dueOn != null && a.dueOn < dueBefore)))
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(actionItemView);
      return c.json({ actionItems });
    })
    .get('/action-items/:id', requireUser, async (c) => {
      const user = currentUser(c);
      const id = c.req.param('id');
      const row = await store.read((tx) => tx.get('actionItems', id));
      if (!row || row.deleted || (user.role === 'manager' && row.ownerId !== user.id)) {
        throw notFound('action item', id);
      }
      c.header('ETag', `"${row.version}"`);
      return c.json({ actionItem: actionItemView(row) });
    })
    .put('/action-items/:id', requireRole('manager'), async (c) => {
      const user = currentUser(c);
      const id = c.req.param('id');
      const body = recordBody(readJson(c), id);
      const parsed = PushedActionItem.safeParse({ ...body, baseVersion: baseVersionOf(c, body, 0) });
      if (!parsed.success) throw invalidInput(parsed.error);
      const out = await store.write(async (tx) => {
        const current = await tx.get('actionItems', id);
        if (current && current.ownerId !== user.id) throw notFound('action item', id);
        await checkReferences(tx, user, { actionItems: [parsed.data] }, bodyPath, false);
        return putActionItem(tx, user, parsed.data, clock().toISOString());
      });
      throwUnlessApplied(out.result);
      const row = out.row ?? out.previous!;
      c.header('ETag', `"${row.version}"`);
      const created = !out.previous || out.previous.deleted;
      return c.json({ actionItem: actionItemView(row) }, created ? 201 : 200);
    })
    .delete('/action-items/:id', requireRole('manager'), async (c) => {
      const user = currentUser(c);
      const id = c.req.param('id');
      const baseVersion = baseVersionOf(c, null, null);
      const out = await store.write(async (tx) => {
        const current = await tx.get('actionItems', id);
        if (!current || current.deleted || current.ownerId !== user.id) throw notFound('action item', id);
        return deleteRecord(tx, user, { type: 'actionItem', id, baseVersion }, clock().toISOString());
      });
      throwUnlessApplied(out.result);
      return c.json({ id, version: out.result.version, deleted: true });
    });
}
