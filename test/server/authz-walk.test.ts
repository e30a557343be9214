// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * Every route a manager can call, walked with a second manager's token (issue 15): a record that
 * is not yours answers 404 — as if it did not exist — whatever the method, and changes nothing.
 * The routes come from the app itself, so a new route with an id in its path fails this test
 * until it says which record it addresses.
 */
import { describe, expect, it } from 'vitest';
import { actionItem, session, world } from './helpers';

async function seeded() {
  const w = await world();
  const SA = session('a1', { status: 'recorded', recordedAt: '2026-03-01T10:00:00Z', notes: 'A only' });
  const IA = actionItem(SA.id, { title: 'A only item' });
  const r = await w.call('POST', '/api/v1/sync', {
    token: w.A.token,
    json: { push: { sessions: [{ ...SA, baseVersion: 0 }], actionItems: [{ ...IA, baseVersion: 0 }] } },
  });
  expect(r.body.results.map((x: any) => x.status)).toEqual(['applied', 'applied']);
  const survey = [...w.store.state.collections.surveys.values()].find((s) => s.sessionId === SA.id)!;
  return { ...w, SA, IA, surveyId: survey.id };
}

type Seeded = Awaited<ReturnType<typeof seeded>>;

/** A's record for each route with a parameter, and the body a write would carry. */
const TARGETS: Record<string, (w: Seeded) => { id: string; json?: unknown }> = {
  '/api/v1/sessions/:id': (w) => ({ id: w.SA.id, json: { ...w.SA, notes: 'by B', baseVersion: 1 } }),
  '/api/v1/action-items/:id': (w) => ({ id: w.IA.id, json: { ...w.IA, title: 'by B', baseVersion: 1 } }),
  '/api/v1/employees/:id/summary': () => ({ id: 'a1' }),
  '/api/v1/surveys/:id/sent': (w) => ({ id: w.surveyId }),
  '/api/v1/cycles/:id': () => ({
    id: '2026H1',
    json: { name: 'x', startsOn: '2026-01-01', endsOn: '2026-06-30' },
  }),
};

/** Routes with a parameter that are not a manager's records: the public survey page (by link token). */
const NOT_RECORDS = new Set(['/s/:token']);

describe("another manager's records answer 404 on every route and method", async () => {
  const probe = await world();
  const routes = probe.app.routes
    .filter((r) => r.path.includes('/:') && r.method !== 'ALL' && !NOT_RECORDS.has(r.path))
    .map((r) => ({ method: r.method, path: r.path }));
  const unique = [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];

  it('knows every route with an id', () => {
    expect(unique.length).toBeGreaterThanOrEqual(8);
    for (const r of unique) expect(TARGETS[r.path], `${r.method} ${r.path}`).toBeDefined();
  });

  it.each(unique)('$method $path', async ({ method, path }) => {
    const w = await seeded();
    const target = TARGETS[path]!(w);
    const url = path.replace(/:[a-z]+/, target.id);
    const body = method === 'PUT' || method === 'POST' ? { json: target.json } : {};
    const before = w.snapshot();
    const asB = await w.call(method, url, { token: w.B.token, ...body });
    const afterB = w.snapshot();
    const asA = await w.call(method, url, { token: w.A.token, ...body });
    if (asA.status === 403) {
      // Not a manager's route at all (HR only): the role answers first, for both managers.
      expect(asB.status).toBe(403);
      return;
    }
    expect(asA.status, asA.text).toBeLessThan(300);
    expect(asB.status, asB.text).toBe(404);
    expect(asB.body.error.code).toBe('not_found');
    expect(asB.text).not.toContain('A only');
    expect(afterB).toBe(before);
  });
});
