/**
 * The dashboard's sign-in and session rules through `app.request` (the browser test covers the
 * page itself): cookie attributes, only a hash stored, expiry, sign-out, CSRF, managers refused,
 * comments only where a group is large enough, the CSV behind the cookie.
 */
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { SESSION_COOKIE, SESSION_PREFIX, SESSION_TTL_MS } from '../../server/dashboard/session';
import { demoWorld } from './demo-world';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function signIn(
  w: Awaited<ReturnType<typeof demoWorld>>,
  token: string,
  headers: Record<string, string> = {},
) {
  const res = await w.app.request('/dashboard/session', {
    method: 'POST',
    headers: { ...FORM, 'sec-fetch-site': 'same-origin', ...headers },
    body: new URLSearchParams({ token, lang: 'en' }).toString(),
  });
  const cookie = res.headers.get('set-cookie') ?? '';
  const id = /tandem_dashboard=([^;]*)/.exec(cookie)?.[1] ?? '';
  return { res, cookie, id, text: await res.text() };
}

describe('dashboard sign-in and sessions', () => {
  it('HR signs in: an HttpOnly, SameSite=Strict cookie on /dashboard; only its hash is stored', async () => {
    const w = await demoWorld();
    const s = await signIn(w, w.seeded.hrToken);
    expect(s.res.status).toBe(303);
    expect(s.res.headers.get('location')).toBe('/dashboard?lang=en');
    expect(s.cookie).toContain('HttpOnly');
    expect(s.cookie).toContain('SameSite=Strict');
    expect(s.cookie).toContain('Path=/dashboard');
    expect(s.cookie).not.toContain('Secure'); // plain http
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const settings = await w.store.read((tx) => tx.find('settings'));
    const rows = settings.filter((r) => r.id.startsWith(SESSION_PREFIX));
    expect(rows.map((r) => r.id)).toEqual([SESSION_PREFIX + hashToken(s.id)]);
    expect(JSON.stringify(settings)).not.toContain(s.id);

    const page = await w.get('/dashboard?cycleId=2026Q3', undefined, {
      cookie: `${SESSION_COOKIE}=${s.id}`,
      'accept-language': 'en',
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; style-src 'sha256-/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('Needs attention');
    expect(page.text).not.toContain('<script');
    expect(page.text).not.toMatch(/ style="/);
    // Process health carries the listening balance of the demo's talks with the meter on (issue 18).
    expect(page.text).toMatch(
      /data-measure="listening"><div class="m-label">Listening balance[^<]*<\/div><div class="m-main"><span class="m-value">\d+%/,
    );
    expect(page.text).toMatch(/From \d+ talks with the listening meter on/);

    // Expired after 12 h.
    w.setNow(new Date(Date.parse('2026-11-25T09:00:00Z') + SESSION_TTL_MS + 1000));
    const late = await w.get('/dashboard', undefined, {
      cookie: `${SESSION_COOKIE}=${s.id}`,
      'accept-language': 'en',
    });
    expect(late.text).toContain('Sign in to the HR dashboard');
  });

  it('Secure when the service is reached over https', async () => {
    const w = await demoWorld({ publicUrl: 'https://tandem.example' });
    const s = await signIn(w, w.seeded.hrToken);
    expect(s.cookie).toContain('Secure');
  });

  it('sign-out deletes the session', async () => {
    const w = await demoWorld();
    const s = await signIn(w, w.seeded.hrToken);
    const out = await w.app.request('/dashboard/sign-out', {
      method: 'POST',
      headers: { ...FORM, 'sec-fetch-site': 'same-origin', cookie: `${SESSION_COOKIE}=${s.id}` },
      body: 'lang=en',
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const rows = (await w.store.read((tx) => tx.find('settings'))).filter((r) =>
      r.id.startsWith(SESSION_PREFIX),
    );
    expect(rows).toEqual([]);
    const page = await w.get('/dashboard', undefined, {
      cookie: `${SESSION_COOKIE}=${s.id}`,
      'accept-language': 'en',
    });
    expect(page.text).toContain('Sign in to the HR dashboard');
  });

  it('a manager token gets a 403 page and no cookie; an unknown token 401 and the form again', async () => {
    const w = await demoWorld();
    const m = await signIn(w, w.seeded.manager.token);
    expect(m.res.status).toBe(403);
    expect(m.cookie).toBe('');
    expect(m.text).toContain('The dashboard is for HR');
    const bad = await signIn(w, 'tdm_nope');
    expect(bad.res.status).toBe(401);
    expect(bad.text).toContain('This token is not valid');
  });

  it('CSRF: a post from another site or origin is refused', async () => {
    const w = await demoWorld();
    expect((await signIn(w, w.seeded.hrToken, { 'sec-fetch-site': 'cross-site' })).res.status).toBe(403);
    expect((await signIn(w, w.seeded.hrToken, { origin: 'https://evil.example' })).res.status).toBe(403);
    const rows = (await w.store.read((tx) => tx.find('settings'))).filter((r) =>
      r.id.startsWith(SESSION_PREFIX),
    );
    expect(rows).toEqual([]);
  });

  it('comments show in the dashboard only for groups with ≥ 10 answers, never in the API', async () => {
    const w = await demoWorld();
    const s = await signIn(w, w.seeded.hrToken);
    const cookie = { cookie: `${SESSION_COOKIE}=${s.id}`, 'accept-language': 'en' };
    const page = await w.get('/dashboard?cycleId=2026Q3&groupBy=department', undefined, cookie);
    const quotes = [...page.text.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!);
    expect(quotes.length).toBeGreaterThan(0);
    expect(page.text).toContain('Hidden: small team');
    const api = await w.get('/api/v1/metrics?cycleId=2026Q3', w.seeded.hrToken);
    for (const q of quotes) expect(api.text).not.toContain(q.replace(/&#39;/g, "'"));
  });

  it('the CSV link needs the session', async () => {
    const w = await demoWorld();
    expect((await w.get('/dashboard/export.csv?cycleId=2026Q3')).status).toBe(401);
    const s = await signIn(w, w.seeded.hrToken);
    const r = await w.get('/dashboard/export.csv?cycleId=2026Q3&groupBy=manager', undefined, {
      cookie: `${SESSION_COOKIE}=${s.id}`,
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="tandem-metrics-2026Q3-manager.csv"',
    );
    expect(r.text.startsWith('\uFEFF')).toBe(true);
  });
});
