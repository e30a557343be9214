// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * `GET /api/v1/metrics` over the demo organisation seeded into a store: the JSON is exactly the
 * engine's answer on the same records, the CSV round-trips through a real parser, the auth matrix,
 * validation with paths, 404 for an unknown cycle, the minGroup floor, and no private note ever.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics, type MetricsInput } from '../../server/metrics';
import { loadMetricsInput } from '../../server/metrics/inputs';
import { demoWorld } from './demo-world';

describe('GET /api/v1/metrics', () => {
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let hr: string;
  beforeAll(async () => {
    w = await demoWorld();
    hr = w.seeded.hrToken;
  });

  it('answers exactly what the engine computes on the same records (JSON)', async () => {
    for (const groupBy of ['department', 'manager', 'none'] as const) {
      const r = await w.get(`/api/v1/metrics?cycleId=2026Q2&groupBy=${groupBy}&asOf=2026-11-25`, hr);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('application/json');
      const params = { cycleId: '2026Q2', groupBy, asOf: '2026-11-25', minGroup: 5 };
      expect(r.body).toEqual(
        JSON.parse(JSON.stringify(computeMetrics(await loadMetricsInput(w.store), params))),
      );
      // …and what it computes on the generator's own records (the seed changed nothing that counts).
      expect(r.body).toEqual(
        JSON.parse(JSON.stringify(computeMetrics(w.seeded.org as unknown as MetricsInput, params))),
      );
    }
  });

  it('defaults: asOf is today (UTC) from the clock, grouping by department, minGroup 5', async () => {
    const r = await w.get('/api/v1/metrics?cycleId=2026Q3', hr);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ asOf: '2026-11-25', groupBy: 'department', minGroup: 5 });
    expect(r.body.cycle).toEqual({
      id: '2026Q3',
      name: '2026 Q3',
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
    });
    expect(r.body.warnings.length).toBeGreaterThan(0);
    expect(r.body.privacy.suppressedGroups.length).toBeGreaterThan(0);
  });

  it('CSV: a download with a BOM that a real parser reads back into the same figures', async () => {
    const r = await w.get('/api/v1/metrics?cycleId=2026Q2&groupBy=department&format=csv', hr);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="tandem-metrics-2026Q2-department.csv"',
    );
    expect(r.text.startsWith('\uFEFF')).toBe(true);
    const json = (await w.get('/api/v1/metrics?cycleId=2026Q2&groupBy=department', hr)).body;
    const rows = parse(r.text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.groups.length + 1);
    expect(rows.map((x) => x.key)).toEqual([...json.groups.map((g: any) => g.key), 'all']);
    rows.forEach((row, i) => {
      const g = i < json.groups.length ? json.groups[i] : json.overall;
      expect(row.scope).toBe(i < json.groups.length ? 'group' : 'overall');
      expect(Number(row.employees)).toBe(g.employees);
      expect(row['coverage.review.rate']).toBe(String(g.coverage.review.rate ?? ''));
      expect(row['survey.employee.nps']).toBe(
        g.survey.employee.nps === null ? '' : String(g.survey.employee.nps),
      );
      expect(row['survey.employee.suppressed']).toBe(String(g.survey.employee.suppressed));
    });
    // Chinese department names survive.
    expect(rows.some((x) => x.key === '销售 Sales')).toBe(true);
  });

  it('auth: anonymous 401, a manager 403, HR 200', async () => {
    const path = '/api/v1/metrics?cycleId=2026Q3';
    expect((await w.get(path)).status).toBe(401);
    expect((await w.get(path, 'tdm_unknown-token-0000000000000000000000000')).status).toBe(401);
    const m = await w.get(path, w.seeded.manager.token);
    expect(m.status).toBe(403);
    expect(m.body.error.code).toBe('forbidden');
    expect((await w.get(path, hr)).status).toBe(200);
    expect((await w.get(`${path}&format=csv`, w.seeded.manager.token)).status).toBe(403);
  });

  it('a bad query is a 400 naming each field', async () => {
    const r = await w.get(
      '/api/v1/metrics?groupBy=team&asOf=2026-13-01&minGroup=many&format=xlsx&extra=1',
      hr,
    );
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_input');
    const paths = r.body.error.details.map((d: any) => d.path).sort();
    expect(paths).toEqual(['asOf', 'cycleId', 'extra', 'format', 'groupBy', 'minGroup']);
    for (const d of r.body.error.details) expect(d.message).toBeTruthy();
  });

  it('minGroup may not go below 3', async () => {
    for (const n of ['0', '1', '2']) {
      const r = await w.get(`/api/v1/metrics?cycleId=2026Q3&minGroup=${n}`, hr);
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual([
        { path: 'minGroup', message: 'must be at least 3: smaller groups could single people out' },
      ]);
    }
    const ok = await w.get('/api/v1/metrics?cycleId=2026Q3&minGroup=3', hr);
    expect(ok.status).toBe(200);
    expect(ok.body.minGroup).toBe(3);
  });

  it('an unknown cycle is a 404', async () => {
    const r = await w.get('/api/v1/metrics?cycleId=2019Q1', hr);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });

  it('never shows a private note, nor an individual comment', async () => {
    const notes = [
      ...new Set(w.seeded.org.sessions.map((s) => s.privateNotes).filter((n): n is string => !!n)),
    ];
    expect(notes.length).toBeGreaterThan(0);
    const comments = w.seeded.org.surveyResponses
      .map((r) => r.answers.comment)
      .filter((c): c is string => !!c);
    expect(comments.length).toBeGreaterThan(0);
    for (const cycle of ['2026Q1', '2026Q2', '2026Q3']) {
      for (const groupBy of ['department', 'manager', 'none']) {
        for (const format of ['json', 'csv']) {
          const r = await w.get(`/api/v1/metrics?cycleId=${cycle}&groupBy=${groupBy}&format=${format}`, hr);
          expect(r.status).toBe(200);
          for (const n of notes) expect(r.text).not.toContain(n);
          for (const c of comments) expect(r.text).not.toContain(c);
          expect(r.text).not.toContain('privateNotes');
        }
      }
    }
    // The store does hold them (the test is not vacuous), and the engine's input does not.
    const stored = await w.store.read((tx) => tx.find('sessions'));
    expect(stored.some((s) => s.privateNotes)).toBe(true);
    expect(JSON.stringify((await loadMetricsInput(w.store)).sessions)).not.toContain(notes[0]!);
  });
});
