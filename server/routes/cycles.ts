/** Review cycles: HR defines them by id; everyone signed in can list them. */
import { Hono } from 'hono';
import { Cycle } from '../../shared/schemas';
import { requireRole, requireUser } from '../middleware/auth';
import { readJson } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { ApiError, invalidInput } from '../middleware/errors';
import { rosterChanged } from '../sync/roster';
import { jsonCells } from './table';

export function cyclesRouter({ store }: Deps) {
  return new Hono<AppEnv>()
    .put('/cycles/:id', requireRole('hr'), async (c) => {
      const id = c.req.param('id');
      const body = readJson(c);
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        throw new ApiError(400, 'invalid_input', 'Expected a JSON object {name, startsOn, endsOn}.');
      }
      const given = (body as { id?: unknown }).id;
      if (given !== undefined && given !== id) {
        throw new ApiError(400, 'invalid_input', 'The id in the body differs from the id in the path.', [
          { path: 'id', message: `must be "${id}" (as in the path) or omitted` },
        ]);
      }
      // Read like a roster cell: "" and null are "not given" (table.ts).
      const parsed = Cycle.safeParse({ ...(jsonCells(body) as object), id });
      if (!parsed.success) throw invalidInput(parsed.error);
      const cycle = parsed.data;
      const created = await store.write(async (tx) => {
        const existed = await tx.get('cycles', id);
        await tx.put('cycles', cycle);
        await rosterChanged(tx);
        return !existed;
      });
      return c.json({ cycle }, created ? 201 : 200);
    })
    .get('/cycles', requireUser, async (c) => {
      const cycles = await store.read((tx) => tx.find('cycles'));
      cycles.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id));
      return c.json({ cycles });
    });
}
