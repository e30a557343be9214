/** Comments for the dashboard: a higher threshold, shuffled, no dates, safe against differencing. */
import { describe, expect, it } from 'vitest';
import { collectComments } from '../../server/metrics/comments';
import { computeMetrics } from '../../server/metrics/engine';
import { C1, employee, employeeResponse, emptyInput, managerResponse, session, survey } from './helpers';

function org(groups: Record<string, { people: number; comments: (string | undefined)[] }>) {
  const input = emptyInput();
  input.cycles.push(C1);
  for (const [department, g] of Object.entries(groups)) {
    const ids = Array.from({ length: g.people }, (_, i) => `${department}-${i}`);
    for (const id of ids) input.employees.push(employee({ id, department }));
    g.comments.forEach((comment, i) => {
      const s = session(ids[i % ids.length]!);
      const v = survey(s.id);
      const m = survey(s.id, 'manager');
      input.sessions.push(s);
      input.surveys.push(v, m);
      input.surveyResponses.push(
        employeeResponse(v, comment === undefined ? {} : { comment }),
        managerResponse(m),
      );
    });
  }
  return input;
}

const texts = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} comment ${i}`);
const base = { cycleId: 'c1', asOf: '2026-04-15', groupBy: 'department' as const, seed: 7 };

describe('collectComments', () => {
  it('needs max(minGroup, 10) responses: 9 is not enough, 10 is', () => {
    const input = org({
      A: { people: 10, comments: texts('A', 10) },
      B: { people: 10, comments: texts('B', 9) },
    });
    const r = collectComments(input, { ...base, groupBy: 'none' });
    expect(r.threshold).toBe(10);
    expect(r.overall.comments).toHaveLength(19);
    const byDept = collectComments(input, { ...base, minGroup: 5 });
    // B has 9 (< 10): hidden, and so A too, or overall − A would give B's comments away.
    expect(byDept.groups.map((g) => [g.key, g.reason])).toEqual([
      ['A', 'complementary'],
      ['B', 'few-responses'],
    ]);
    expect(byDept.groups.every((g) => g.comments === null)).toBe(true);
    expect(collectComments(input, { ...base, minGroup: 12 }).threshold).toBe(12);
  });

  it('shows comments of large enough groups, shuffled by the seed, without dates or blanks', () => {
    const input = org({
      A: { people: 10, comments: [...texts('A', 10), '   ', undefined] },
      B: { people: 11, comments: texts('B', 11) },
    });
    const r1 = collectComments(input, base);
    const r2 = collectComments(input, base);
    const a = r1.groups.find((g) => g.key === 'A')!;
    expect(a.responses).toBe(12);
    expect([...a.comments!].sort()).toEqual(texts('A', 10).sort());
    expect(r1).toEqual(r2); // same seed, same order
    const other = collectComments(input, { ...base, seed: 8 });
    expect(other.overall.comments).not.toEqual(r1.overall.comments);
    expect(r1.overall.comments).not.toEqual([...texts('A', 10), ...texts('B', 11)]); // not in stored order
    expect(JSON.stringify(r1)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('never appear in the metrics response', () => {
    const input = org({ A: { people: 10, comments: texts('secret', 12) } });
    expect(JSON.stringify(computeMetrics(input, { ...base, minGroup: 5 }))).not.toContain('secret');
  });
});
