import { describe, expect, it } from 'vitest';
import type { PushedActionItem, PushedSession } from '../../shared/schemas';
import type { StoredActionItem, StoredSession } from '../storage/types';
import { contentKey, decideActionItem, decideDelete, decideSession, sameContent } from './apply';

const NOW = '2026-03-02T09:00:00.000Z';
const SID = '11111111-1111-4111-8111-111111111111';
const IID = '22222222-2222-4222-8222-222222222222';

const pushed = (extra: Partial<PushedSession> = {}): PushedSession => ({
  id: SID,
  employeeId: 'e1',
  cycleId: 'c1',
  kind: 'plan',
  status: 'planned',
  notes: 'hello',
  baseVersion: 0,
  ...extra,
});

const stored = (extra: Partial<StoredSession> = {}): StoredSession => ({
  id: SID,
  employeeId: 'e1',
  cycleId: 'c1',
  kind: 'plan',
  status: 'planned',
  notes: 'hello',
  version: 1,
  updatedAt: '2026-03-01T00:00:00.000Z',
  seq: 7,
  ownerId: 'mA',
  ...extra,
});

describe('decideSession', () => {
  it('applies a new record at version 1, owned by the caller, without baseVersion', () => {
    const d = decideSession({ current: undefined, pushed: pushed(), callerId: 'mA', inTeam: true, now: NOW });
    expect(d.status).toBe('applied');
    if (d.status !== 'applied') return;
    expect(d.version).toBe(1);
    expect(d.row).toMatchObject({ id: SID, version: 1, updatedAt: NOW, ownerId: 'mA', notes: 'hello' });
    expect(d.row).not.toHaveProperty('baseVersion');
  });

  it('ignores client-sent version and updatedAt', () => {
    const d = decideSession({
      current: undefined,
      pushed: pushed({ version: 99, updatedAt: '2020-01-01T00:00:00Z' }),
      callerId: 'mA',
      inTeam: true,
      now: NOW,
    });
    expect(d.status === 'applied' && d.row).toMatchObject({ version: 1, updatedAt: NOW });
  });

  it('applies an edit on the stored version and bumps it', () => {
    const d = decideSession({
      current: stored(),
      pushed: pushed({ notes: 'changed', baseVersion: 1 }),
      callerId: 'mA',
      inTeam: true,
      now: NOW,
    });
    expect(d).toMatchObject({ status: 'applied', version: 2, row: { notes: 'changed', version: 2 } });
  });

  it('a stale baseVersion is a conflict carrying the stored record; nothing to write', () => {
    const current = stored({ version: 3, notes: 'theirs' });
    const d = decideSession({
      current,
      pushed: pushed({ notes: 'mine', baseVersion: 2 }),
      callerId: 'mA',
      inTeam: true,
      now: NOW,
    });
    expect(d).toEqual({ status: 'conflict', version: 3, server: current });
  });

  it('a retry (content equal to what is stored at baseVersion + 1) is applied without a write', () => {
    const d = decideSession({
      current: stored({ version: 2 }),
      pushed: pushed({ baseVersion: 1, notes: 'hello', mainGoal: null }),
      callerId: 'mA',
      inTeam: true,
      now: NOW,
    });
    expect(d).toEqual({ status: 'applied', version: 2 });
  });

  it('a push against a tombstone is a conflict with server null', () => {
    const d = decideSession({
      current: stored({ version: 4, deleted: true }),
      pushed: pushed({ baseVersion: 3 }),
      callerId: 'mA',
      inTeam: true,
      now: NOW,
    });
    expect(d).toEqual({ status: 'conflict', version: 4, server: null });
  });

  it("rejects another manager's record, whatever the version", () => {
    const d = decideSession({
      current: stored(),
      pushed: pushed({ baseVersion: 1 }),
      callerId: 'mB',
      inTeam: true,
      now: NOW,
    });
    expect(d).toMatchObject({ status: 'rejected', error: { code: 'not_owner' } });
  });

  it('rejects a session for someone outside the team, but lets the owner keep editing an existing one', () => {
    expect(
      decideSession({ current: undefined, pushed: pushed(), callerId: 'mA', inTeam: false, now: NOW }),
    ).toMatchObject({ status: 'rejected', error: { code: 'not_your_report' } });
    expect(
      decideSession({
        current: stored(),
        pushed: pushed({ baseVersion: 1, notes: 'x' }),
        callerId: 'mA',
        inTeam: false,
        now: NOW,
      }),
    ).toMatchObject({ status: 'applied', version: 2 });
    expect(
      decideSession({
        current: stored(),
        pushed: pushed({ baseVersion: 1, employeeId: 'other' }),
        callerId: 'mA',
        inTeam: false,
        now: NOW,
      }),
    ).toMatchObject({ status: 'rejected' });
  });
});

describe('decideActionItem', () => {
  const item = (extra: Partial<PushedActionItem> = {}): PushedActionItem => ({
    id: IID,
    sessionId: SID,
    title: 'Do it',
    owner: 'employee',
    status: 'open',
    baseVersion: 0,
    ...extra,
  });
  it("needs the caller's live session", () => {
    const base = { current: undefined, pushed: item(), callerId: 'mA', now: NOW };
    expect(decideActionItem({ ...base, session: undefined })).toMatchObject({ status: 'rejected' });
    expect(decideActionItem({ ...base, session: stored({ ownerId: 'mB' }) })).toMatchObject({
      status: 'rejected',
    });
    expect(decideActionItem({ ...base, session: stored() })).toMatchObject({ status: 'applied', version: 1 });
  });

  it('follows a session deleted meanwhile into a tombstone (offline devices cause it)', () => {
    const base = { current: undefined, pushed: item(), callerId: 'mA', now: NOW };
    const d = decideActionItem({ ...base, session: stored({ deleted: true }) });
    expect(d).toMatchObject({ status: 'applied', version: 1 });
    expect(d.status === 'applied' && d.row).toMatchObject({
      id: base.pushed.id,
      deleted: true,
      ownerId: 'mA',
    });
    expect(d.status === 'applied' && d.row && 'title' in d.row).toBe(false);
    expect(decideActionItem({ ...base, session: stored() })).toMatchObject({ status: 'applied', version: 1 });
  });
});

describe('decideDelete', () => {
  it('tombstones the stored version, keeping id, owner and placing keys only', () => {
    const d = decideDelete({
      current: stored({ privateNotes: 'p' }),
      pushed: { baseVersion: 1 },
      callerId: 'mA',
      now: NOW,
    });
    expect(d).toMatchObject({ status: 'applied', version: 2 });
    expect(d.status === 'applied' && d.row).toEqual({
      id: SID,
      employeeId: 'e1',
      cycleId: 'c1',
      version: 2,
      updatedAt: NOW,
      ownerId: 'mA',
      deleted: true,
    });
  });
  it('a stale delete is a conflict; a repeated one is applied; a foreign one rejected', () => {
    expect(
      decideDelete({ current: stored({ version: 3 }), pushed: { baseVersion: 2 }, callerId: 'mA', now: NOW }),
    ).toMatchObject({
      status: 'conflict',
      version: 3,
    });
    expect(
      decideDelete({
        current: stored({ version: 3, deleted: true }),
        pushed: { baseVersion: 2 },
        callerId: 'mA',
        now: NOW,
      }),
    ).toEqual({ status: 'applied', version: 3 });
    expect(
      decideDelete({ current: stored(), pushed: { baseVersion: 1 }, callerId: 'mB', now: NOW }),
    ).toMatchObject({
      status: 'rejected',
    });
    expect(
      decideDelete({ current: undefined, pushed: { baseVersion: 0 }, callerId: 'mA', now: NOW }),
    ).toEqual({
      status: 'applied',
      version: 0,
    });
  });
  it('tombstones of action items keep their sessionId', () => {
    const current: StoredActionItem = {
      id: IID,
      sessionId: SID,
      title: 't',
      owner: 'manager',
      status: 'open',
      version: 1,
      updatedAt: NOW,
      seq: 1,
      ownerId: 'mA',
    };
    const d = decideDelete({ current, pushed: { baseVersion: null }, callerId: 'mA', now: NOW });
    expect(d.status === 'applied' && d.row).toMatchObject({
      id: IID,
      sessionId: SID,
      deleted: true,
      version: 2,
    });
    expect(d.status === 'applied' && d.row).not.toHaveProperty('title');
  });
});

describe('content equality', () => {
  it('ignores meta, key order and null versus missing', () => {
    expect(sameContent({ a: 1, b: null, version: 3, seq: 9 }, { a: 1, baseVersion: 2 })).toBe(true);
    expect(sameContent({ x: { b: 1, a: 2 } }, { x: { a: 2, b: 1 } })).toBe(true);
    expect(sameContent({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(contentKey({ agenda: { version: 1 } })).toContain('version');
  });
});
