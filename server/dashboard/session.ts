/**
 * Dashboard sign-in sessions. HR signs in once with their API token; the browser then holds a
 * random session id (256 bits) in an `HttpOnly; SameSite=Strict` cookie scoped to `/dashboard`
 * (`Secure` when the page is served over https). The store keeps only the id's SHA-256, in the
 * `settings` collection as `{id: 'dashboard-session:<hash>', value: {userId, createdAt, expiresAt}}`
 * (the store's collections are fixed), so a copy of the store signs nobody in. Sessions last
 * SESSION_TTL_MS; signing out deletes the row; expired rows are swept at each sign-in. A session
 * counts only while its user exists and is still HR.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { hashToken } from '../auth/tokens';
import type { AppEnv } from '../middleware/env';
import type { Store, StoredUser } from '../storage/types';

export const SESSION_COOKIE = 'tandem_dashboard';
export const SESSION_PREFIX = 'dashboard-session:';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

type SessionValue = { userId: string; createdAt: string; expiresAt: string };

function isSessionValue(v: unknown): v is SessionValue {
  const s = v as SessionValue;
  return !!s && typeof s.userId === 'string' && typeof s.expiresAt === 'string';
}

/** The session id in the request's cookie, when it has the right shape. */
export function sessionIdOf(c: Context<AppEnv>): string | null {
  const header = c.req.header('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const value = rest.join('=');
      return SESSION_ID.test(value) ? value : null;
    }
  }
  return null;
}

/** The signed-in user of this request, if the session is valid and unexpired. */
export async function sessionUser(store: Store, c: Context<AppEnv>, now: Date): Promise<StoredUser | null> {
  const id = sessionIdOf(c);
  if (!id) return null;
  return store.read(async (tx) => {
    const row = await tx.get('settings', SESSION_PREFIX + hashToken(id));
    if (!row || !isSessionValue(row.value) || row.value.expiresAt <= now.toISOString()) return null;
    return (await tx.get('users', row.value.userId)) ?? null;
  });
}

/** Makes a session for `user` (sweeping expired ones); returns the id for the cookie. */
export async function createSession(store: Store, user: StoredUser, now: Date): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const nowIso = now.toISOString();
  await store.write(async (tx) => {
    for (const row of await tx.find('settings')) {
      if (
        row.id.startsWith(SESSION_PREFIX) &&
        (!isSessionValue(row.value) || row.value.expiresAt <= nowIso)
      ) {
        await tx.remove('settings', row.id);
      }
    }
    const value: SessionValue = {
      userId: user.id,
      createdAt: nowIso,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    };
    await tx.put('settings', { id: SESSION_PREFIX + hashToken(id), value });
  });
  return id;
}

export async function deleteSession(store: Store, c: Context<AppEnv>): Promise<void> {
  const id = sessionIdOf(c);
  if (!id) return;
  const key = SESSION_PREFIX + hashToken(id);
  await store.write(async (tx) => {
    if (await tx.get('settings', key)) await tx.remove('settings', key);
  });
}

function secure(c: Context<AppEnv>, publicUrl: string): boolean {
  return new URL(c.req.url).protocol === 'https:' || publicUrl.startsWith('https:');
}

export function setSessionCookie(c: Context<AppEnv>, id: string, publicUrl: string): void {
  const attrs = [
    `${SESSION_COOKIE}=${id}`,
    'Path=/dashboard',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${SESSION_TTL_MS / 1000}`,
  ];
  if (secure(c, publicUrl)) attrs.push('Secure');
  c.header('Set-Cookie', attrs.join('; '));
}

export function clearSessionCookie(c: Context<AppEnv>, publicUrl: string): void {
  const attrs = [`${SESSION_COOKIE}=`, 'Path=/dashboard', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0'];
  if (secure(c, publicUrl)) attrs.push('Secure');
  c.header('Set-Cookie', attrs.join('; '));
}

/**
 * CSRF for the dashboard's posts, on top of SameSite=Strict: the request must not come from
 * another site (`Sec-Fetch-Site`), and an `Origin` header, when a real one is sent, must be ours.
 */
export function sameOrigin(c: Context<AppEnv>, publicUrl: string): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return true;
  const own = new Set([new URL(c.req.url).origin]);
  try {
    own.add(new URL(publicUrl).origin);
  } catch {}
  return own.has(origin);
}
