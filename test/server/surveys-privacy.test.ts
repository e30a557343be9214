// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * No route ever returns an individual survey response (DESIGN §4, §6). The list of routes is the
 * app's own (`app.routes`), so a route added later is walked too: every method and path, as HR,
 * as each manager and as nobody, with a few query strings, after answers with unique comments
 * and distinctive ratings exist.
 */
import { describe, expect, it } from 'vitest';
import { session } from './helpers';
import { csrfOf, formBody, surveyWorld } from './surveys.fixtures';

// Ratings no aggregate can take (shares are in [0, 1], NPS is a multiple of 100/n ≥ 1 response).
const EMPLOYEE = { fair: 2, clarity: 3, plan: 2, respected: 3, nps: 7 };
const MANAGER = { consensus: 2, plan: 3, prepared: 2 };
const SECRETS = ['ZEBRA-7f3a-comment-one', '麒麟-独一无二的评论', 'MANAGER-NOTE-9c1e'];

const QUERIES = [
  '',
  '?asOf=2026-12-31',
  '?cycleId=2026H1&asOf=2026-12-31&groupBy=manager&minGroup=1',
  '?cycleId=2026H1&asOf=2026-12-31&groupBy=department&minGroup=1&format=csv',
  '?cycleId=2026H1&groupBy=none&minGroup=1',
];

/** Whether a parsed JSON value holds, at any depth, something shaped like one stored answer. */
function holdsAnswer(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(holdsAnswer);
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  if ('answers' in o || 'surveyResponses' in o) return true;
  const same = (ref: Record<string, number>) => Object.entries(ref).every(([k, x]) => o[k] === x);
  if (same(EMPLOYEE) || same(MANAGER)) return true;
  return Object.values(o).some(holdsAnswer);
}

describe('no route returns an individual survey response', () => {
  it('walks every route of the app as HR, as managers and anonymously', async () => {
    const w = await surveyWorld();
    const s1 = await w.recorded(w.A.token, 'a1');
    const s2 = await w.recorded(w.A.token, 'a2');
    const sb = await w.recorded(w.B.token, 'b1');
    const item = session('a1');
    const actionItem = {
      id: crypto.randomUUID(),
      sessionId: s1.id,
      title: 'x',
      owner: 'employee',
      status: 'open',
    };
    await w.call('POST', '/api/v1/sync', {
      token: w.A.token,
      json: { push: { actionItems: [{ ...actionItem, baseVersion: 0 }] } },
    });

    // Answers: by form and by JSON, employee and manager, with unique comments.
    const e1 = await w.linkOf(w.A.token, s1.id, 'employee');
    const page = await w.call('GET', e1.path);
    const form = formBody({ csrf: csrfOf(page.text), lang: 'en', ...EMPLOYEE, comment: SECRETS[0]! });
    const f = await w.call('POST', e1.path, {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(f.status).toBe(200);
    const e2 = await w.linkOf(w.A.token, s2.id, 'employee');
    expect((await w.call('POST', e2.path, { json: { ...EMPLOYEE, comment: SECRETS[1] } })).status).toBe(201);
    const m1 = await w.linkOf(w.A.token, s1.id, 'manager');
    expect((await w.call('POST', m1.path, { json: { ...MANAGER, comment: SECRETS[2] } })).status).toBe(201);
    const open = await w.linkOf(w.B.token, sb.id, 'employee');
    expect(w.responses()).toHaveLength(3);
    // The detectors do see a response when one is there (the test is not vacuous).
    expect(holdsAnswer(JSON.parse(JSON.stringify(w.responses()[0])))).toBe(true);
    expect(holdsAnswer({ group: { ...EMPLOYEE, comment: 'x' } })).toBe(true);
    expect(JSON.stringify(w.responses())).toContain(SECRETS[1]);
    const surveyId = w.surveys().find((s) => s.sessionId === s1.id && s.kind === 'employee')!.id;

    const routes = w.app.routes.filter((r) => r.method !== 'ALL');
    const paths = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const must of [
      'GET /api/v1/surveys/outbox',
      'POST /api/v1/surveys/:id/sent',
      'GET /s/:token',
      'POST /s/:token',
      'GET /api/v1/sessions/:id',
    ]) {
      expect(paths).toContain(must);
    }

    const valuesFor = (path: string, param: string): string[] => {
      if (param === 'token') return [e1.token, m1.token, open.token];
      if (path.includes('/cycles/')) return ['2026H1'];
      if (path.includes('/action-items/')) return [actionItem.id];
      if (path.includes('/surveys/')) return [surveyId];
      if (path.includes('/employees/')) return ['a1'];
      if (path.includes('/users/')) return [w.A.user.id];
      return [s1.id, s2.id, item.id];
    };
    const expand = (path: string): string[] => {
      const m = /:([A-Za-z]+)(\{[^}]*\})?\??/.exec(path);
      if (!m) return [path.replace(/\*$/, '')];
      return valuesFor(path, m[1]!).flatMap((v) => expand(path.replace(m[0], v)));
    };

    const callers: [string, string | undefined][] = [
      ['hr', w.hr],
      ['manager A', w.A.token],
      ['manager B', w.B.token],
      ['anonymous', undefined],
    ];
    // Reads first, then everything else (with harmless bodies), so that deletes come last.
    const ordered = [...routes].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    let checked = 0;
    for (const route of ordered) {
      for (const path of expand(route.path)) {
        for (const [who, token] of callers) {
          for (const query of route.method === 'GET' ? QUERIES : ['']) {
            const headers: Record<string, string> = { 'accept-language': 'en' };
            if (token) headers.authorization = `Bearer ${token}`;
            let body: string | undefined;
            if (route.method !== 'GET' && route.method !== 'HEAD') {
              body = '{}';
              headers['content-type'] = 'application/json';
            }
            const res = await w.app.request(`${path}${query}`, { method: route.method, headers, body });
            const text = await res.text();
            const where = `${route.method} ${path}${query} as ${who} → ${res.status}`;
            for (const secret of SECRETS) expect(text, where).not.toContain(secret);
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = undefined;
            }
            expect(holdsAnswer(parsed), where).toBe(false);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // The answers are still there (nothing above removed them), they were just never shown.
    expect(w.responses()).toHaveLength(3);
  });
});
