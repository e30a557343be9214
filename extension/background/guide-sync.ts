/**
 * The organisation's content pack, downloaded when connected (issue 16): one conditional
 * `GET /api/v1/guide` per sync (the ETag from the last answer in `If-None-Match`; `304` costs no
 * body), validated with the same zod schema as on the service. A valid organisation pack is kept in
 * `tandem:guide` (core parts) and `tandem:guideExamples` for offline use; `built-in` clears it; a
 * pack that fails validation is ignored, noted in `rejected`, and the last good one stays.
 */
import { browser } from 'wxt/browser';
import { validateGuidePack } from '../../shared/content/schema';
import { CORE_PARTS, GUIDE_KEYS, type GuideCore, type StoredGuide } from '../store/guide';
import type { Fetch } from './api';

const TIMEOUT_MS = 20_000;

async function readStored(): Promise<StoredGuide | undefined> {
  const got = await browser.storage.local.get(GUIDE_KEYS.guide);
  return got[GUIDE_KEYS.guide] as StoredGuide | undefined;
}

/** Check the service's pack once. Never throws: a failed check leaves what is stored. */
export async function syncGuide(
  fetchFn: Fetch,
  base: string,
  token: string,
  now = new Date(),
): Promise<void> {
  try {
    const prev = await readStored();
    const same = prev?.url === base ? prev : undefined;
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (same?.etag) headers['if-none-match'] = same.etag;
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
    let res: Response;
    try {
      res = await fetchFn(`${base}/api/v1/guide`, {
        headers,
        signal: ctrl.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } finally {
      clearTimeout(timer);
    }
    const checkedAt = now.toISOString();
    if (res.status === 304 && same) {
      await browser.storage.local.set({ [GUIDE_KEYS.guide]: { ...same, checkedAt } });
      return;
    }
    if (!res.ok) return;
    const body = (await res.json().catch(() => null)) as {
      source?: unknown;
      updatedAt?: unknown;
      pack?: unknown;
    } | null;
    const etag = res.headers.get('etag') ?? undefined;
    if (body?.source === 'built-in') {
      const next: StoredGuide = { url: base, source: 'built-in', checkedAt, ...(etag ? { etag } : {}) };
      await browser.storage.local.set({ [GUIDE_KEYS.guide]: next });
      await browser.storage.local.remove(GUIDE_KEYS.examples);
      return;
    }
    const result = validateGuidePack(body?.pack);
    if (!result.ok) {
      // Ignored with a note; the last good pack (and its ETag, so the next round asks again) stays.
      const issues = result.issues.slice(0, 5).map((i) => `${i.path || '(pack)'}: ${i.message}`);
      const kept: StoredGuide = same ?? { url: base, source: 'built-in', checkedAt };
      await browser.storage.local.set({
        [GUIDE_KEYS.guide]: { ...kept, checkedAt, rejected: { at: checkedAt, issues } },
      });
      return;
    }
    const pack = result.pack;
    const core = Object.fromEntries(CORE_PARTS.map((k) => [k, pack[k]])) as GuideCore;
    const next: StoredGuide = {
      url: base,
      source: 'organisation',
      checkedAt,
      core,
      version: pack.version,
      ...(etag ? { etag } : {}),
      ...(typeof body?.updatedAt === 'string' ? { updatedAt: body.updatedAt } : {}),
    };
    await browser.storage.local.set({ [GUIDE_KEYS.guide]: next, [GUIDE_KEYS.examples]: pack.examples });
  } catch {
    // Offline or an odd answer: the stored pack stays in use.
  }
}
