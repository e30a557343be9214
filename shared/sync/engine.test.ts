import { describe, expect, it } from 'vitest';
import type { ActionItem, Session } from '../schemas';
import { applyPull, applyResults, type Entry, entryKey, newEntry, planPush, serverEntry } from './engine';

const NOW = '2026-03-02T09:00:00Z';
const S1 = '11111111-1111-4111-8111-111111111111';
const A1 = '22222222-2222-4222-8222-222222222222';

const session = (over: Partial<Session> = {}): Session => ({
  id: S1,
  employeeId: 'e1',
  cycleId: 'c1',
  kind: 'review',
  status: 'planned',
  ...over,
});
const item = (over: Partial<ActionItem> = {}): ActionItem => ({
  id: A1,
  sessionId: S1,
  title: 'Write the guide',
  owner: 'employee',
  status: 'open',
  ...over,
});

const map = (...entries: Entry[]) => new Map(entries.map((e) => [entryKey(e.type, e.id), e]));

describe('planPush', () => {
  it('pushes dirty records, sessions first, with their base versions', () => {
    const plan = planPush([newEntry('actionItem', item()), newEntry('session', session())]);
    expect(plan.sessions.map((s) => [s.id, s.baseVersion])).toEqual([[S1, 0]]);
    expect(plan.actionItems.map((a) => a.id)).toEqual([A1]);
    expect(plan.pushed.get(entryKey('session', S1))?.rev).toBe(1);
  });

  it('holds back conflicts, people not on the service yet, and items of held sessions', () => {
    const s = newEntry('session', session());
    const plan = planPush([s, newEntry('actionItem', item())], { employeeReady: () => false });
    expect(plan.sessions).toEqual([]);
    expect(plan.actionItems).toEqual([]);
    expect(plan.held.get(entryKey('session', S1))).toBe('employee');
    expect(plan.held.get(entryKey('actionItem', A1))).toBe('session');
  });

  it('holds back invalid records with the reason, and skips clean ones', () => {
    const clean = serverEntry('session', { ...session(), version: 2 });
    const bad = newEntry('actionItem', item({ title: '' }));
    const plan = planPush([clean, bad], {
      validate: (_t, r) => ((r as ActionItem).title ? null : 'title: required'),
    });
    expect(plan.pushed.size).toBe(0);
    expect(plan.held.get(entryKey('actionItem', A1))).toBe('title: required');
  });

  it('sends deletes only for records the service has', () => {
    const gone = { ...serverEntry('session', { ...session(), version: 3 }), deleted: true, rev: 1 };
    const never = { ...newEntry('actionItem', item()), deleted: true };
    const plan = planPush([gone, never]);
    expect(plan.deletes).toEqual([{ type: 'session', id: S1, baseVersion: 3 }]);
  });
});

describe('applyResults', () => {
  it('applied: the base moves on; edits made during the push stay dirty', () => {
    const e = newEntry('session', session({ mainGoal: 'A' }));
    const entries = map(e);
    const plan = planPush(entries.values());
    // An edit lands while the push is in flight.
    const live = entries.get(entryKey('session', S1))!;
    live.data = { ...live.data, mainGoal: 'AB' } as Session;
    live.rev = 2;
    applyResults(entries, plan.pushed, [{ type: 'session', id: S1, status: 'applied', version: 1 }], NOW);
    expect(live.baseVersion).toBe(1);
    expect((live.base as Session).mainGoal).toBe('A');
    expect(live.syncedRev).toBe(1);
    expect(live.rev).toBe(2);
    expect((live.data as Session).mainGoal).toBe('AB');
  });

  it('conflict on different fields merges by itself and pushes again', () => {
    const base = { ...session({ mainGoal: 'A' }), version: 1 };
    const e: Entry = { ...serverEntry('session', base), data: { ...base, mainGoal: 'A2' }, rev: 1 };
    const entries = map(e);
    const plan = planPush(entries.values());
    const server = { ...base, status: 'held' as const, version: 2 };
    applyResults(
      entries,
      plan.pushed,
      [{ type: 'session', id: S1, status: 'conflict', version: 2, server }],
      NOW,
    );
    const after = entries.get(entryKey('session', S1))!;
    expect(after.conflict).toBeUndefined();
    expect(after.data).toMatchObject({ mainGoal: 'A2', status: 'held', version: 2 });
    expect(after.baseVersion).toBe(2);
    expect(after.rev).toBeGreaterThan(after.syncedRev);
  });

  it('conflict on the same field keeps both versions for the manager', () => {
    const base = { ...session({ mainGoal: 'A' }), version: 1 };
    const e: Entry = { ...serverEntry('session', base), data: { ...base, mainGoal: 'Mine' }, rev: 1 };
    const entries = map(e);
    const plan = planPush(entries.values());
    const server = { ...base, mainGoal: 'Theirs', version: 2 };
    applyResults(
      entries,
      plan.pushed,
      [{ type: 'session', id: S1, status: 'conflict', version: 2, server }],
      NOW,
    );
    const after = entries.get(entryKey('session', S1))!;
    expect(after.conflict?.fields).toEqual([
      { path: 'mainGoal', base: 'A', local: 'Mine', server: 'Theirs' },
    ]);
    expect((after.data as Session).mainGoal).toBe('Mine');
    expect(planPush(entries.values()).held.get(entryKey('session', S1))).toBe('conflict');
  });

  it('rejected: remembered with the reason, not retried until edited', () => {
    const entries = map(newEntry('session', session()));
    const plan = planPush(entries.values());
    applyResults(
      entries,
      plan.pushed,
      [
        {
          type: 'session',
          id: S1,
          status: 'rejected',
          version: 0,
          error: { code: 'not_your_report', message: 'no' },
        },
      ],
      NOW,
    );
    const e = entries.get(entryKey('session', S1))!;
    expect(e.rejected).toEqual({ code: 'not_your_report', message: 'no', rev: 1 });
    expect(planPush(entries.values()).pushed.size).toBe(0);
  });
});

describe('applyPull', () => {
  it('takes new and changed records into clean entries', () => {
    const entries = map(serverEntry('session', { ...session(), version: 1 }));
    const out = applyPull(
      entries,
      {
        sessions: [{ ...session({ mainGoal: 'new' }), version: 2 }],
        actionItems: [{ ...item(), version: 1 }],
        deletes: [],
      },
      false,
      NOW,
    );
    expect(out.changed.size).toBe(2);
    expect((entries.get(entryKey('session', S1))!.data as Session).mainGoal).toBe('new');
    expect(entries.get(entryKey('actionItem', A1))!.baseVersion).toBe(1);
  });

  it('merges into entries with local edits', () => {
    const base = { ...session({ mainGoal: 'A' }), version: 1 };
    const entries = map({ ...serverEntry('session', base), data: { ...base, notes: 'mine' }, rev: 1 });
    applyPull(
      entries,
      { sessions: [{ ...base, mainGoal: 'B', version: 2 }], actionItems: [], deletes: [] },
      false,
      NOW,
    );
    expect(entries.get(entryKey('session', S1))!.data).toMatchObject({ mainGoal: 'B', notes: 'mine' });
  });

  it('applies tombstones; a deleted record with local edits becomes a conflict', () => {
    const entries = map(serverEntry('actionItem', { ...item(), version: 1 }), {
      ...serverEntry('session', { ...session(), version: 1 }),
      rev: 1,
    });
    const out = applyPull(
      entries,
      {
        sessions: [],
        actionItems: [],
        deletes: [
          { type: 'actionItem', id: A1, version: 2 },
          { type: 'session', id: S1, version: 2 },
        ],
      },
      false,
      NOW,
    );
    expect(out.removed).toEqual(new Set([entryKey('actionItem', A1)]));
    expect(entries.get(entryKey('session', S1))!.conflict?.server).toBeNull();
  });

  it('a snapshot drops synced records the service no longer has, never unsynced ones', () => {
    const entries = map(serverEntry('session', { ...session(), version: 1 }), newEntry('actionItem', item()));
    const out = applyPull(entries, { sessions: [], actionItems: [], deletes: [] }, true, NOW);
    expect(out.removed).toEqual(new Set([entryKey('session', S1)]));
    expect(entries.has(entryKey('actionItem', A1))).toBe(true);
  });
});
