/** Reminders in the background: the survey outbox, fetched, cached and marked sent. */
import { z } from 'zod';
import { readConnection, readKey, writeKey } from '../store/storage';
import { ApiFailure, apiCall } from './api';
import { FOLLOWUP_KEYS, type OutboxCache, type OutboxItem } from './followup-state';
import { clock, OUTBOX_MAX_AGE_MS, OUTBOX_RETRY_MS, type ReminderDeps, serial } from './reminders-base';
import { TOKEN } from './sync';

export const readOutboxCache = () => readKey<OutboxCache | null>(FOLLOWUP_KEYS.outbox, null);

// ---------------------------------------------------------------------------------------------
// The survey outbox

const OutboxItemSchema = z.object({
  surveyId: z.string().min(1).max(200),
  sessionId: z.string().min(1).max(200),
  kind: z.enum(['employee', 'manager']),
  url: z.url({ protocol: /^https?$/ }).max(2_000),
  sendAfter: z.string().max(40),
  expiresAt: z.string().max(40),
  message: z.object({ 'zh-CN': z.string().max(5_000), en: z.string().max(5_000) }),
});
const OutboxAnswer = z.object({ items: z.array(z.unknown()).max(1_000) });

/** Items the service sent that we can use; anything malformed is left out. */
function parseItems(raw: unknown): OutboxItem[] {
  const items = OutboxAnswer.parse(raw).items;
  const out: OutboxItem[] = [];
  for (const i of items) {
    const r = OutboxItemSchema.safeParse(i);
    if (r.success) out.push(r.data);
  }
  return out;
}

/** A failure that may pass (offline, service down, rate limited): worth retrying later. */
const transient = (e: unknown) =>
  !(e instanceof ApiFailure) || e.kind === 'network' || e.status >= 500 || e.status === 429;

async function postSent(deps: ReminderDeps, base: string, token: string, surveyId: string): Promise<void> {
  await apiCall(deps.fetch, base, `/api/v1/surveys/${encodeURIComponent(surveyId)}/sent`, {
    method: 'POST',
    token,
    json: {},
  });
}

/** Send the "sent" marks that waited; returns those still waiting. */
async function flushPending(deps: ReminderDeps, base: string, token: string, pending: string[]) {
  const left: string[] = [];
  for (const [i, id] of pending.entries()) {
    try {
      await postSent(deps, base, token, id);
    } catch (e) {
      if (transient(e)) {
        left.push(...pending.slice(i));
        break;
      }
      // 404 (gone) or refused: nothing more to do for it.
    }
  }
  return left;
}

/**
 * Fetch the outbox when connected and the copy is older than `OUTBOX_MAX_AGE_MS` (or `force`).
 * Returns the cache (null in solo mode). A failure keeps the older copy, marked `failedAt`.
 */
export function refreshOutbox(
  deps: ReminderDeps,
  opts: { force?: boolean } = {},
): Promise<OutboxCache | null> {
  return serial('tandem-outbox', async () => {
    const [conn, token, cache] = await Promise.all([
      readConnection(),
      deps.secrets.get(TOKEN),
      readOutboxCache(),
    ]);
    if (!conn || !token) return null;
    const nowMs = clock(deps).getTime();
    const mine = cache?.url === conn.url ? cache : null;
    if (!opts.force && mine) {
      const fresh = mine.fetchedAt && nowMs - Date.parse(mine.fetchedAt) < OUTBOX_MAX_AGE_MS;
      const resting = mine.failedAt && nowMs - Date.parse(mine.failedAt) < OUTBOX_RETRY_MS;
      if ((fresh && !mine.failedAt) || resting) return mine;
    }
    let pending = mine?.pendingSent ?? [];
    let next: OutboxCache;
    try {
      if (pending.length) pending = await flushPending(deps, conn.url, token, pending);
      const raw = await apiCall<unknown>(deps.fetch, conn.url, '/api/v1/surveys/outbox', { token });
      next = {
        url: conn.url,
        fetchedAt: new Date(nowMs).toISOString(),
        items: parseItems(raw),
        pendingSent: pending,
      };
    } catch {
      next = {
        url: conn.url,
        fetchedAt: mine?.fetchedAt ?? '',
        items: mine?.items ?? [],
        pendingSent: pending,
        failedAt: new Date(nowMs).toISOString(),
      };
    }
    await writeKey(FOLLOWUP_KEYS.outbox, next);
    return next;
  });
}

export type SentReply = { ok: true; queued?: boolean } | { ok: false; error: string };

/**
 * Mark a survey link sent. Hidden at once; the service hears about it now, or (offline) with the
 * next fetch of the outbox.
 */
export function markSurveySent(deps: ReminderDeps, surveyId: string): Promise<SentReply> {
  return serial('tandem-outbox', async (): Promise<SentReply> => {
    const [conn, token, cache] = await Promise.all([
      readConnection(),
      deps.secrets.get(TOKEN),
      readOutboxCache(),
    ]);
    if (!conn || !token) return { ok: false, error: 'not connected' };
    const mine: OutboxCache =
      cache?.url === conn.url ? cache : { url: conn.url, fetchedAt: '', items: [], pendingSent: [] };
    try {
      await postSent(deps, conn.url, token, surveyId);
    } catch (e) {
      if (transient(e)) {
        const pendingSent = [...new Set([...mine.pendingSent, surveyId])];
        await writeKey(FOLLOWUP_KEYS.outbox, { ...mine, pendingSent });
        return { ok: true, queued: true };
      }
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    await writeKey(FOLLOWUP_KEYS.outbox, {
      ...mine,
      items: mine.items.filter((i) => i.surveyId !== surveyId),
      pendingSent: mine.pendingSent.filter((id) => id !== surveyId),
    });
    return { ok: true };
  });
}
