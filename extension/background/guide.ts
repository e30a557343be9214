/**
 * The organisation's content pack, kept in this browser (issue 16). Each sync round asks
 * GET /api/v1/guide with the ETag of the answer it last stored; a 304 costs a header. A new answer
 * is validated with the same zod schema the service uses (`validateGuidePack`); a pack that fails
 * is ignored, the last good one stays, and the problems are kept for a visible note.
 */
import { browser } from 'wxt/browser';
import { validateGuidePack } from '../../shared/content/schema';
import { CORE_PARTS, GUIDE_KEYS, type GuideCore, type StoredGuide } from '../store/guide';
import { ApiFailure, type Fetch } from './api';

const TIMEOUT_MS = 20_000;

async function stored(): Promise<StoredGuide | null> {
  const got = await browser.storage.local.get(GUIDE_KEYS.guide);
  return (got[GUIDE_KEYS.guide] as StoredGuide | undefined) ?? null;
}

/** What the pack's answer holds beside the pack. */
function answerMeta(body: unknown): { source: 'built-in' | 'organisation'; updatedAt?: string } | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as { source?: unknown; updatedAt?: unknown };
  if (b.source !== 'built-in' && b.source !== 'organisation') return null;
  return { source: b.source, ...(typeof b.updatedAt === 'string' ? { updatedAt: b.updatedAt } : {}) };
}

export type GuideOutcome = 'unchanged' | 'built-in' | 'organisation' | 'rejected';

/** One conditional download of the pack from `base`; stores what it got. */
export async function refreshGuide(
  fetchFn: Fetch,
  base: string,
  token: string,
  now: () => Date = () => new Date(),
): Promise<GuideOutcome> {
  const prev = await stored();
  const same = prev?.url === base;
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
  if (same && prev.etag) headers['if-none-match'] = prev.etag;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetchFn(`${base}/api/v1/guide`, {
      headers,
      signal: ctrl.signal,
      credentials: 'omit',
      // The browser's cache stays out of it: the ETag is ours to keep.
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiFailure('network', 0, 'unreachable', e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
  const checkedAt = now().toISOString();
  if (res.status === 304 && same) {
    await browser.storage.local.set({ [GUIDE_KEYS.guide]: { ...prev, checkedAt } satisfies StoredGuide });
    return 'unchanged';
  }
  if (!res.ok) throw new ApiFailure('http', res.status, `http_${res.status}`, res.statusText);
  const body: unknown = await res.json().catch(() => null);
  const meta = answerMeta(body);
  const etag = res.headers.get('etag') ?? undefined;
  const result = meta ? validateGuidePack((body as { pack?: unknown }).pack) : null;
  if (!meta || !result?.ok) {
    const issues =
      result && !result.ok
        ? result.issues.slice(0, 3).map((i) => `${i.path || '(pack)'}: ${i.message}`)
        : ['The answer was not a content pack.'];
    // The last good pack stays (from this service); the bad answer's ETag is not kept, so it is asked again.
    const keep: StoredGuide = same ? prev : { url: base, source: 'built-in', checkedAt };
    await browser.storage.local.set({
      [GUIDE_KEYS.guide]: { ...keep, checkedAt, rejected: { at: checkedAt, issues } } satisfies StoredGuide,
    });
    return 'rejected';
  }
  const base0: StoredGuide = {
    url: base,
    source: meta.source,
    ...(etag ? { etag } : {}),
    ...(meta.updatedAt ? { updatedAt: meta.updatedAt } : {}),
    version: result.pack.version,
    checkedAt,
  };
  if (meta.source === 'built-in') {
    await browser.storage.local.remove(GUIDE_KEYS.examples);
    await browser.storage.local.set({ [GUIDE_KEYS.guide]: base0 });
    return 'built-in';
  }
  const core = Object.fromEntries(CORE_PARTS.map((k) => [k, result.pack[k]])) as GuideCore;
  // Examples first: a panel that sees the new core finds its examples already there.
  await browser.storage.local.set({ [GUIDE_KEYS.examples]: result.pack.examples });
  await browser.storage.local.set({ [GUIDE_KEYS.guide]: { ...base0, core } satisfies StoredGuide });
  return 'organisation';
}
