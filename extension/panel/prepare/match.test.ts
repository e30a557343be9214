import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/schemas/records';
import type { CallRecord } from '../../adapters/messages';
import { type CallSession, matchInviteSession, matchPanelRequest, planCallTimes } from './match';

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const s = (n: number, extra: Partial<Session> = {}): Session => ({
  id: uid(n),
  employeeId: 'e1',
  cycleId: '2026H2',
  kind: 'review',
  status: 'scheduled',
  ...extra,
});
const MEET = 'https://meet.google.com/abc-defg-hij';
const call = (id: string, joinedAt: string, leftAt?: string, meetingUrl = MEET): CallRecord => ({
  id,
  meetingUrl,
  tabId: 1,
  pageUrl: MEET,
  joinedAt,
  ...(leftAt ? { leftAt } : {}),
});
const cs = (session: Session, fromCall?: CallSession['fromCall']): CallSession => ({ session, fromCall });

describe('invite → session', () => {
  const at = '2026-12-01T06:00:00Z';

  it('opens the session of the same event (same link, within the hour), whatever its status', () => {
    const list = [
      s(1, { meetingUrl: `${MEET}?authuser=0`, scheduledAt: '2026-12-01T06:30:00Z', status: 'held' }),
      s(2, { meetingUrl: MEET, scheduledAt: '2026-11-24T06:00:00Z' }),
    ];
    expect(matchInviteSession(list, { employeeId: 'e1', scheduledAt: at, meetingUrl: MEET })).toEqual({
      kind: 'existing',
      sessionId: uid(1),
      by: 'event',
    });
  });

  it('moves an open talk of the same link (rescheduled), not a talk of another employee on that link', () => {
    const list = [
      s(1, { meetingUrl: MEET, scheduledAt: '2026-12-04T06:00:00Z', employeeId: 'e2' }),
      s(2, { meetingUrl: 'https://meet.google.com/abc-defg-hij/', scheduledAt: '2026-12-05T06:00:00Z' }),
    ];
    expect(matchInviteSession(list, { employeeId: 'e1', scheduledAt: at, meetingUrl: MEET })).toMatchObject({
      sessionId: uid(2),
      by: 'link',
    });
    // Held talks on a recurring link are not reused for the next occurrence.
    const held = [s(3, { meetingUrl: MEET, scheduledAt: '2026-11-24T06:00:00Z', status: 'recorded' })];
    expect(matchInviteSession(held, { employeeId: 'e1', scheduledAt: at, meetingUrl: MEET })).toEqual({
      kind: 'new',
    });
  });

  it("else the employee's open talk of that kind closest in time, within a week, or an undated one", () => {
    const list = [
      s(1, { scheduledAt: '2026-12-03T02:00:00Z' }),
      s(2, { scheduledAt: '2026-11-30T02:00:00Z' }),
      s(3, { scheduledAt: '2026-12-01T07:00:00Z', kind: 'coaching' }),
      s(4, { scheduledAt: '2026-12-01T06:00:00Z', employeeId: 'e2' }),
    ];
    expect(matchInviteSession(list, { employeeId: 'e1', kind: 'review', scheduledAt: at })).toMatchObject({
      sessionId: uid(2),
      by: 'employee',
    });
    const undated = [s(5, { status: 'planned' }), s(6, { scheduledAt: '2027-02-01T00:00:00Z' })];
    expect(matchInviteSession(undated, { employeeId: 'e1', kind: 'review', scheduledAt: at })).toMatchObject({
      sessionId: uid(5),
    });
    // A talk booked on another meeting link is a different talk, unless it is at the same time.
    const other = [s(7, { scheduledAt: '2026-12-03T06:00:00Z', meetingUrl: 'https://zoom.us/j/123456789' })];
    expect(matchInviteSession(other, { employeeId: 'e1', scheduledAt: at, meetingUrl: MEET })).toEqual({
      kind: 'new',
    });
    const moved = [s(8, { scheduledAt: at, meetingUrl: 'https://zoom.us/j/123456789' })];
    expect(matchInviteSession(moved, { employeeId: 'e1', scheduledAt: at, meetingUrl: MEET })).toMatchObject({
      sessionId: uid(8),
      by: 'employee',
    });
  });

  it('creates a new session when nothing matches; cancelled talks only match a cancelling invite', () => {
    expect(matchInviteSession([], { employeeId: 'e1', scheduledAt: at })).toEqual({ kind: 'new' });
    const gone = [s(1, { meetingUrl: MEET, scheduledAt: at, status: 'cancelled' })];
    expect(matchInviteSession(gone, { employeeId: 'e1', scheduledAt: at, meetingUrl: MEET }).kind).toBe(
      'new',
    );
    expect(
      matchInviteSession(
        gone,
        { employeeId: 'e1', scheduledAt: at, meetingUrl: MEET },
        { includeCancelled: true },
      ),
    ).toMatchObject({ sessionId: uid(1) });
  });

  it('with no employee known, matches by link only', () => {
    const list = [s(1, { scheduledAt: at })];
    expect(matchInviteSession(list, { scheduledAt: at })).toEqual({ kind: 'new' });
    expect(
      matchInviteSession([s(2, { scheduledAt: at, meetingUrl: MEET })], {
        scheduledAt: at,
        meetingUrl: MEET,
      }),
    ).toMatchObject({ sessionId: uid(2) });
  });
});

describe('calls → startedAt / endedAt', () => {
  const sched = '2026-12-01T06:00:00Z';

  it('fills start and end from a call on the same link, and marks the talk held', () => {
    const list = [cs(s(1, { meetingUrl: `${MEET}?authuser=1`, scheduledAt: sched }))];
    const ups = planCallTimes(list, [call('c1', '2026-12-01T06:02:00Z', '2026-12-01T06:55:00Z')]);
    expect(ups).toEqual([
      {
        sessionId: uid(1),
        set: { startedAt: '2026-12-01T06:02:00Z', endedAt: '2026-12-01T06:55:00Z', status: 'held' },
        fromCall: { ids: ['c1'], startedAt: '2026-12-01T06:02:00Z', endedAt: '2026-12-01T06:55:00Z' },
      },
    ]);
    // Applied: nothing more to do (idempotent).
    const after = cs(
      {
        ...list[0]!.session,
        startedAt: '2026-12-01T06:02:00Z',
        endedAt: '2026-12-01T06:55:00Z',
        status: 'held',
      },
      ups[0]!.fromCall,
    );
    expect(planCallTimes([after], [call('c1', '2026-12-01T06:02:00Z', '2026-12-01T06:55:00Z')])).toEqual([]);
  });

  it('a call in progress sets the start only; its end comes later', () => {
    const list = [cs(s(1, { meetingUrl: MEET, scheduledAt: sched }))];
    const [up] = planCallTimes(list, [call('c1', '2026-12-01T06:02:00Z')]);
    expect(up!.set).toEqual({ startedAt: '2026-12-01T06:02:00Z', status: 'held' });
    const running = cs(
      { ...list[0]!.session, startedAt: '2026-12-01T06:02:00Z', status: 'held' },
      up!.fromCall,
    );
    const [end] = planCallTimes([running], [call('c1', '2026-12-01T06:02:00Z', '2026-12-01T06:50:00Z')]);
    expect(end!.set).toEqual({ endedAt: '2026-12-01T06:50:00Z' });
  });

  it('never overwrites times the manager set by hand, but fills what they left empty', () => {
    const hand = cs(
      s(1, { meetingUrl: MEET, scheduledAt: sched, startedAt: '2026-12-01T06:05:00Z', status: 'held' }),
    );
    const [up] = planCallTimes([hand], [call('c1', '2026-12-01T06:01:00Z', '2026-12-01T06:58:00Z')]);
    expect(up!.set).toEqual({ endedAt: '2026-12-01T06:58:00Z' });
    const ended = cs(
      s(2, {
        meetingUrl: MEET,
        scheduledAt: sched,
        startedAt: '2026-12-01T06:05:00Z',
        endedAt: '2026-12-01T06:40:00Z',
        status: 'held',
      }),
    );
    expect(planCallTimes([ended], [call('c1', '2026-12-01T06:01:00Z', '2026-12-01T06:58:00Z')])).toEqual([]);
    // Edited after Tandem filled it: the manager's value stays.
    const edited = cs(
      s(3, { meetingUrl: MEET, scheduledAt: sched, startedAt: '2026-12-01T06:10:00Z', status: 'held' }),
      { ids: ['c1'], startedAt: '2026-12-01T06:01:00Z' },
    );
    const [e] = planCallTimes([edited], [call('c1', '2026-12-01T06:01:00Z', '2026-12-01T06:58:00Z')]);
    expect(e!.set).toEqual({ endedAt: '2026-12-01T06:58:00Z' });
  });

  it('a dropped line and a rejoin make one talk, from the first join to the last leave', () => {
    const list = [cs(s(1, { meetingUrl: MEET, scheduledAt: sched }))];
    const calls = [
      call('c1', '2026-12-01T06:00:00Z', '2026-12-01T06:20:00Z'),
      call('c2', '2026-12-01T06:24:00Z', '2026-12-01T06:58:00Z'),
    ];
    const [up] = planCallTimes(list, calls);
    expect(up!.set).toMatchObject({ startedAt: '2026-12-01T06:00:00Z', endedAt: '2026-12-01T06:58:00Z' });
    expect(up!.fromCall.ids).toEqual(['c1', 'c2']);
    // The rejoined leg still going on: the talk is not over.
    const [open] = planCallTimes(list, [calls[0]!, call('c2', '2026-12-01T06:24:00Z')]);
    expect(open!.set.endedAt).toBeUndefined();
    expect(open!.set.startedAt).toBe('2026-12-01T06:00:00Z');
  });

  it('a recurring link: each call goes to the talk scheduled closest to it; other links and far talks are left alone', () => {
    const list = [
      cs(s(1, { meetingUrl: MEET, scheduledAt: '2026-12-01T06:00:00Z' })),
      cs(s(2, { meetingUrl: MEET, scheduledAt: '2026-12-08T06:00:00Z' })),
      cs(s(3, { meetingUrl: 'https://zoom.us/j/85012345678', scheduledAt: '2026-12-08T06:00:00Z' })),
    ];
    const ups = planCallTimes(list, [
      call('c1', '2026-12-01T06:01:00Z', '2026-12-01T06:50:00Z'),
      call('c2', '2026-12-08T06:03:00Z', '2026-12-08T06:49:00Z'),
      call('c3', '2026-12-20T06:03:00Z', '2026-12-20T06:49:00Z'),
    ]);
    expect(ups.map((u) => [u.sessionId, u.set.startedAt])).toEqual([
      [uid(1), '2026-12-01T06:01:00Z'],
      [uid(2), '2026-12-08T06:03:00Z'],
    ]);
  });

  it('recorded and cancelled talks, and calls on unknown links, change nothing', () => {
    const list = [
      cs(s(1, { meetingUrl: MEET, scheduledAt: sched, status: 'recorded' })),
      cs(s(2, { meetingUrl: MEET, scheduledAt: sched, status: 'cancelled' })),
    ];
    expect(planCallTimes(list, [call('c1', '2026-12-01T06:01:00Z', '2026-12-01T06:50:00Z')])).toEqual([]);
    expect(
      planCallTimes(
        [cs(s(3, { meetingUrl: MEET, scheduledAt: sched }))],
        [call('c9', '2026-12-01T06:01:00Z', undefined, 'https://zoom.us/j/1')],
      ),
    ).toEqual([]);
  });
});

describe('launcher → session', () => {
  const at = '2026-12-01T06:05:00Z';

  it('by link first, the talk closest in time and not recorded yet', () => {
    const list = [
      s(1, { meetingUrl: MEET, scheduledAt: '2026-11-24T06:00:00Z', status: 'recorded' }),
      s(2, { meetingUrl: `${MEET}?hs=1`, scheduledAt: '2026-12-01T06:00:00Z' }),
      s(3, { scheduledAt: '2026-12-01T06:00:00Z', employeeId: 'e2' }),
    ];
    expect(matchPanelRequest(list, { meetingUrl: MEET, at })).toEqual({
      kind: 'session',
      sessionId: uid(2),
      by: 'link',
      setLink: false,
    });
  });

  it('else the one talk scheduled within 3 hours (and it takes the link)', () => {
    const list = [
      s(1, { scheduledAt: '2026-12-01T07:00:00Z' }),
      s(2, { scheduledAt: '2026-12-03T07:00:00Z' }),
    ];
    expect(matchPanelRequest(list, { meetingUrl: MEET, at })).toEqual({
      kind: 'session',
      sessionId: uid(1),
      by: 'time',
      setLink: true,
    });
  });

  it('asks the manager when several or none are near, nearest first', () => {
    const list = [
      s(1, { scheduledAt: '2026-12-01T08:00:00Z' }),
      s(2, { scheduledAt: '2026-12-01T06:30:00Z', employeeId: 'e2' }),
      s(3, { status: 'planned' }),
      s(4, { scheduledAt: '2026-11-01T06:00:00Z', status: 'recorded' }),
    ];
    expect(matchPanelRequest(list, { meetingUrl: MEET, at })).toEqual({
      kind: 'choose',
      candidates: [uid(2), uid(1), uid(3)],
    });
    expect(matchPanelRequest([], { meetingUrl: MEET, at })).toEqual({ kind: 'choose', candidates: [] });
    // A near talk booked on another link is not taken silently.
    const other = [
      s(5, { scheduledAt: '2026-12-01T06:00:00Z', meetingUrl: 'https://zoom.us/j/85012345678' }),
    ];
    expect(matchPanelRequest(other, { meetingUrl: MEET, at })).toEqual({
      kind: 'choose',
      candidates: [uid(5)],
    });
  });
});
