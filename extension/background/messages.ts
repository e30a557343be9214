/**
 * The background's message handler for extension pages. Every message is validated with zod and
 * its sender checked: it must come from this extension, and anything touching the service
 * connection only from the extension's own pages (never a content script, which runs inside a web
 * page). Unknown kinds are left alone so that other handlers (page adapters) can answer them.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { DateOnly } from '../../shared/schemas/common';
import type { TestResult, ToBackground } from '../messages';
import { KEYS, readConnection, withLock, writeKey } from '../store/storage';
import { type Fetch, normalizeServiceUrl, testConnection } from './api';
import type { SecretStore } from './secrets';
import { fetchSummary } from './summary';
import { type SyncLoop, TOKEN } from './sync';

const Url = z.string().min(1).max(2_000);
const Token = z.string().min(1).max(500);

export const Message = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sync-now') }).strict(),
  z.object({ kind: z.literal('local-changed') }).strict(),
  z.object({ kind: z.literal('test-connection'), url: Url, token: Token.optional() }).strict(),
  z.object({ kind: z.literal('connect'), url: Url, token: Token.optional() }).strict(),
  z.object({ kind: z.literal('disconnect') }).strict(),
  z
    .object({
      kind: z.literal('employee-summary'),
      employeeId: z.string().min(1).max(200),
      asOf: DateOnly.optional(),
    })
    .strict(),
]);

const KINDS = new Set([
  'sync-now',
  'local-changed',
  'test-connection',
  'connect',
  'disconnect',
  'employee-summary',
]);

export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
  origin?: string;
}

/** From one of this extension's own pages (side panel, options), not a content script. */
export function fromExtensionPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  return url.startsWith(extensionOrigin);
}

export interface HandlerDeps {
  fetch: Fetch;
  secrets: SecretStore;
  loop: SyncLoop;
  extensionId: string;
  extensionOrigin: string;
}

export async function handle(message: ToBackground, deps: HandlerDeps): Promise<unknown> {
  switch (message.kind) {
    case 'sync-now':
      await deps.loop.run();
      return { ok: true };
    case 'local-changed':
      deps.loop.changed();
      return { ok: true };
    case 'test-connection': {
      const token = message.token ?? (await deps.secrets.get(TOKEN));
      return testConnection(deps.fetch, message.url, token);
    }
    case 'connect': {
      const token = message.token ?? (await deps.secrets.get(TOKEN));
      const result: TestResult = await testConnection(deps.fetch, message.url, token);
      if (!result.ok) return result;
      const url = normalizeServiceUrl(message.url)!;
      await deps.secrets.set(TOKEN, token);
      await withLock(() => writeKey(KEYS.connection, { url, user: result.user }));
      void deps.loop.run();
      return result;
    }
    case 'disconnect': {
      await deps.secrets.set(TOKEN, null);
      const conn = await readConnection();
      // Keep the URL so reconnecting with a new token resumes; records stay in this browser.
      await withLock(() => writeKey(KEYS.connection, null));
      await writeKey(KEYS.status, { state: 'solo' });
      return { ok: true, url: conn?.url ?? null };
    }
    case 'employee-summary':
      return fetchSummary(deps.fetch, deps.secrets, message.employeeId, message.asOf);
  }
}

/** Register the listener. */
export function listen(deps: HandlerDeps): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const kind = (raw as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !KINDS.has(kind)) return undefined;
    if (!fromExtensionPage(sender, deps.extensionId, deps.extensionOrigin)) {
      console.warn('Tandem: refused a message from', sender.url ?? sender.id);
      return undefined;
    }
    const parsed = Message.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'invalid message' });
    return handle(parsed.data, deps).catch((e: unknown) => ({
      ok: false,
      error: e instanceof Error ? e.message : String(e),
    }));
  });
}
