/**
 * `npm run demo`'s seeding: every stored row passes the shared schemas, synced rows carry seq and
 * owners, surveys are issued with hashed links, and the organisation shows what a dashboard
 * should be able to show: at least one suppressed group and at least one warning.
 */
import { describe, expect, it } from 'vitest';
import { demoOptions, seedDemo } from '../../server/demo/seed';
import { computeMetrics } from '../../server/metrics';
import { loadMetricsInput } from '../../server/metrics/inputs';
import { createMemoryStore } from '../../server/storage/memory';
import {
  ActionItem,
  Cycle,
  Employee,
  Rating,
  Session,
  Survey,
  SurveyResponse,
  User,
} from '../../shared/schemas';

const TODAY = new Date('2026-11-25T09:00:00.000Z');

describe('demo seed', () => {
  it('writes valid records through the store', async () => {
    const store = createMemoryStore();
    const seeded = await seedDemo(store, { today: TODAY });
    const all = await store.read(async (tx) => ({
      users: await tx.find('users'),
      employees: await tx.find('employees'),
      cycles: await tx.find('cycles'),
      ratings: await tx.find('ratings'),
      sessions: await tx.find('sessions'),
      actionItems: await tx.find('actionItems'),
      surveys: await tx.find('surveys'),
      surveyResponses: await tx.find('surveyResponses'),
    }));
    for (const { tokenHash, ...u } of all.users) {
      User.parse(u);
      expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const { updatedAt: _u, addedBy: _a, ...e } of all.employees) Employee.parse(e);
    for (const c of all.cycles) Cycle.parse(c);
    for (const { id: _id, ...r } of all.ratings) Rating.parse(r);
    const seqs: number[] = [];
    for (const { seq, ownerId, deleted, ...s } of all.sessions) {
      Session.parse(s);
      seqs.push(seq);
      expect(deleted).toBeUndefined();
      expect(all.users.find((u) => u.id === ownerId)?.role).toBe('manager');
    }
    for (const { seq, ownerId: _o, ...a } of all.actionItems) {
      ActionItem.parse(a);
      seqs.push(seq);
    }
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const { tokenHash, ownerId: _o, ...s } of all.surveys) {
      Survey.parse(s);
      expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const r of all.surveyResponses) SurveyResponse.parse(r);

    // The shape of a realistic organisation.
    expect(all.employees.length).toBeGreaterThanOrEqual(55);
    expect(all.employees.length).toBeLessThanOrEqual(65);
    const departments = new Set(all.employees.map((e) => e.department));
    expect(departments.size).toBeGreaterThanOrEqual(3);
    expect(departments.size).toBeLessThanOrEqual(5);
    expect(all.employees.some((e) => /[\u4e00-\u9fff]/.test(e.name))).toBe(true);
    expect(all.employees.some((e) => /^[A-Za-z]+ [A-Za-z]+$/.test(e.name))).toBe(true);
    expect(all.employees.some((e) => e.status === 'left')).toBe(true);
    expect(all.cycles).toHaveLength(3);
    const held = all.sessions.filter((s) => s.startedAt && s.endedAt);
    const minutes = held.map((s) => (Date.parse(s.endedAt!) - Date.parse(s.startedAt!)) / 60_000);
    const typical = minutes.filter((m) => m >= 40 && m <= 65).length / minutes.length;
    expect(typical).toBeGreaterThan(0.5);
    expect(minutes.some((m) => m < 30)).toBe(true);
    expect(all.actionItems.some((a) => a.status === 'dropped')).toBe(true);
    expect(all.actionItems.some((a) => a.owner === 'manager')).toBe(true);
    expect(all.actionItems.some((a) => a.status === 'open' && a.dueOn && a.dueOn < '2026-11-25')).toBe(true);
    expect(all.surveyResponses.length).toBe(seeded.counts.responses);
    expect(all.surveys.filter((s) => s.answeredAt)).toHaveLength(all.surveyResponses.length);

    // Suppression and warnings on the dashboard's default view.
    const input = await loadMetricsInput(store);
    const m = computeMetrics(input, { cycleId: '2026Q3', asOf: '2026-11-25', groupBy: 'department' });
    expect(m.groups.some((g) => g.survey.employee.suppressed)).toBe(true);
    expect(m.groups.some((g) => !g.survey.employee.suppressed)).toBe(true);
    expect(m.warnings.length).toBeGreaterThan(0);
    const previous = computeMetrics(input, { cycleId: '2026Q2', asOf: '2026-11-25', groupBy: 'department' });
    expect(previous.overall.performance.pairs).toBeGreaterThan(10);
  });

  it('refuses a store that is not empty', async () => {
    const store = createMemoryStore();
    await seedDemo(store, { today: TODAY });
    await expect(seedDemo(store, { today: TODAY })).rejects.toThrow(/not empty/);
  });

  it('puts the cycles in the three quarters before today', () => {
    expect(demoOptions(TODAY)).toMatchObject({ firstCycleStart: '2026-01-01', cycles: 3, cycleMonths: 3 });
    expect(demoOptions(new Date('2026-02-10T00:00:00Z')).firstCycleStart).toBe('2025-04-01');
  });
});
