/**
 * The content pack (DESIGN §2): the method's steps, types, examples and survey texts. Everyone
 * signed in reads it; HR may replace it with the organisation's own pack, validated by the same
 * schema as the built-in one, or go back to the built-in pack.
 *
 * GET answers with an ETag (a hash of the answer) and 304 to a matching If-None-Match, so the
 * extension can ask on every sync round and download the pack only when HR changed it.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { defaultGuide, type GuidePack, validateGuidePack } from '../../shared/content';
import { currentUser, requireRole, requireUser } from '../middleware/auth';
import { readJson } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { ApiError } from '../middleware/errors';
import type { ReadTx } from '../storage/types';

const GUIDE_KEY = 'guide';

type StoredGuide = { pack: GuidePack; updatedAt: string; updatedBy: string };

/** The pack in use: the organisation's own when HR has set one, else the built-in one. */
export async function currentGuide(tx: ReadTx): Promise<GuidePack> {
  const row = await tx.get('settings', GUIDE_KEY);
  return (row?.value as StoredGuide | undefined)?.pack ?? defaultGuide;
}

export function guideRouter({ store, clock }: Deps) {
  return new Hono<AppEnv>()
    .get('/guide', requireUser, etag(), async (c) => {
      // Per user (behind the token), and always revalidated: HR's change shows on the next round.
      c.header('cache-control', 'private, no-cache');
      const row = await store.read((tx) => tx.get('settings', GUIDE_KEY));
      const stored = row?.value as StoredGuide | undefined;
      if (!stored) return c.json({ source: 'built-in', pack: defaultGuide });
      return c.json({ source: 'organisation', updatedAt: stored.updatedAt, pack: stored.pack });
    })
    .put('/guide', requireRole('hr'), async (c) => {
      const result = validateGuidePack(readJson(c));
      if (!result.ok) {
        throw new ApiError(
          400,
          'invalid_input',
          'The content pack is not valid; nothing was changed.',
          result.issues,
        );
      }
      const value: StoredGuide = {
        pack: result.pack,
        updatedAt: clock().toISOString(),
        updatedBy: currentUser(c).id,
      };
      await store.write((tx) => tx.put('settings', { id: GUIDE_KEY, value }));
      return c.json({ source: 'organisation', updatedAt: value.updatedAt, pack: result.pack });
    })
    .delete('/guide', requireRole('hr'), async (c) => {
      await store.write((tx) => tx.remove('settings', GUIDE_KEY));
      return c.json({ source: 'built-in', pack: defaultGuide });
    });
}
