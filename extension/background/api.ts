/** Talking to the Tandem service from the background: URLs, requests, and what a failure means. */
import type { ConnectionProblem, TestResult } from '../messages';

export type Fetch = typeof fetch;

/** `https://tandem.example.com/` → `https://tandem.example.com`; null when not an http(s) URL. */
export function normalizeServiceUrl(input: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export class ApiFailure extends Error {
  constructor(
    readonly kind: 'network' | 'http',
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
    /** The service's `error.details` (field problems of a 400), when it sent any. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 20_000;

export async function apiCall<T>(
  fetchFn: Fetch,
  base: string,
  path: string,
  init: { method?: string; token?: string | null; json?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetchFn(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      signal: ctrl.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiFailure('network', 0, 'unreachable', e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const retry = Number(res.headers.get('retry-after'));
    throw new ApiFailure(
      'http',
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? (text.slice(0, 200) || res.statusText),
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
      err?.details,
    );
  }
  if (body === null) throw new ApiFailure('http', res.status, 'not_json', 'The answer was not JSON.');
  return body as T;
}

type Me = { user: { id: string; name: string; email: string; role: 'manager' | 'hr' } };

/** Check a service URL and token, saying exactly what is wrong. */
export async function testConnection(fetchFn: Fetch, url: string, token: string | null): Promise<TestResult> {
  const base = normalizeServiceUrl(url);
  if (!base) return { ok: false, problem: 'invalid-url' };
  let version: string | undefined;
  try {
    const health = await apiCall<{ ok?: boolean; version?: string }>(fetchFn, base, '/health');
    if (health.ok !== true) return { ok: false, problem: 'not-tandem' };
    version = health.version;
  } catch (e) {
    const f = e as ApiFailure;
    if (f.kind === 'network') return { ok: false, problem: 'unreachable', detail: f.message };
    return { ok: false, problem: 'not-tandem', status: f.status };
  }
  if (!token) return { ok: false, problem: 'no-token' };
  try {
    const me = await apiCall<Me>(fetchFn, base, '/api/v1/me', { token });
    if (me.user.role !== 'manager') return { ok: false, problem: 'wrong-role', detail: me.user.role };
    return { ok: true, user: me.user, ...(version ? { version } : {}) };
  } catch (e) {
    const f = e as ApiFailure;
    const problem: ConnectionProblem =
      f.kind === 'network'
        ? 'unreachable'
        : f.status === 401
          ? 'bad-token'
          : f.status === 403
            ? 'wrong-role'
            : f.status === 429
              ? 'rate-limited'
              : 'server-error';
    return { ok: false, problem, status: f.status, detail: f.message };
  }
}
