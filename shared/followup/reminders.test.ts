import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localParts } from '../invite/zone';
import type { ActionItem, Session } from '../schemas/records';
import { H1, H2, item, person, sess, uid } from './fixtures';
import {
  computeReminders,
  coverageWindow,
  nextReminderChangeAt,
  type Reminder,
  type ReminderInput,
} from './reminders';
import { addDays, endOfLocalDay, inQuietHours, nextNotifyAt, weekOf } from './time';

/** Wednesday 4 March 2026, 02:00 UTC (10:00 in Shanghai, 21:00 Tuesday in New York). */
const NOW = new Date('2026-03-04T02:00:00Z');
const MANAGER = { email: 'm@corp.example', id: 'm' };
const REPORTS = [person('e1', '王小明'), person('e2', 'Alice')];

function run(over: Partial<ReminderInput> = {}): Reminder[] {
  return computeReminders({
    now: NOW,
    manager: MANAGER,
    reports: REPORTS,
    sessions: [],
    actionItems: [],
    cycles: [],
    ...over,
  });
}

const brief = (rs: Reminder[]) => rs.map((r) => ({ kind: r.kind, id: r.subject.id, overdue: r.overdue }));

describe('prepare and invite', () => {
  const unprepared = sess(1, { scheduledAt: '2026-03-07T02:00:00Z' }); // exactly 3 days ahead
  const prepared = sess(2, {
    scheduledAt: '2026-03-08T02:00:00Z',
    mainGoal: 'Agree the Q2 targets',
    agenda: { questions: ['What got in your way?'] },
  });
  const tooFar = sess(3, { scheduledAt: '2026-03-09T02:00:01Z' }); // 5 days + 1 s
  const blankQuestion = sess(4, {
    status: 'planned',
    scheduledAt: '2026-03-09T02:00:00Z', // exactly 5 days
    mainGoal: 'Review the launch',
    agenda: { questions: ['   '] },
    invitedAt: '2026-03-01T00:00:00Z',
  });
  const past = sess(5, { scheduledAt: '2026-03-04T01:59:59Z' });

  it('reminds to prepare a talk within 5 days that lacks a main goal or questions', () => {
    const rs = run({ sessions: [unprepared, prepared, tooFar, blankQuestion, past] });
    const prep = rs.filter((r) => r.kind === 'prepare');
    expect(prep.map((r) => r.subject.id)).toEqual([uid(1), uid(4)]);
    expect(prep[0]).toMatchObject({
      id: `prepare:session:${uid(1)}:2026-03-07`,
      dueAt: '2026-03-07T02:00:00.000Z',
      overdue: false,
      priority: 4,
      employeeId: 'e1',
      sessionId: uid(1),
    });
    expect(prep[0]!.message.en).toContain('has no main goal or questions yet');
    expect(prep[0]!.message['zh-CN']).toContain('王小明');
    expect(prep[0]!.message['zh-CN']).toContain('主要任务和要问的问题');
    expect(prep[1]!.message.en).toContain('has no questions yet');
  });

  it('reminds to send the invite when the talk is 3 days away or less and invitedAt is empty', () => {
    const rs = run({ sessions: [unprepared, prepared, tooFar, blankQuestion, past] });
    const invites = rs.filter((r) => r.kind === 'invite');
    expect(invites).toHaveLength(1);
    expect(invites[0]).toMatchObject({
      id: `invite:session:${uid(1)}:2026-03-07`,
      dueAt: '2026-03-04T02:00:00.000Z', // scheduledAt − 72 h
      overdue: true,
      priority: 3,
    });
    expect(invites[0]!.message.en).toContain('is on Sat 7 Mar, 02:00 and the invite has not gone out');
  });

  it('writes the talk time in the manager’s zone', () => {
    const [shanghai] = run({ sessions: [unprepared], timeZone: 'Asia/Shanghai' }).filter(
      (r) => r.kind === 'invite',
    );
    const [newYork] = run({ sessions: [unprepared], timeZone: 'America/New_York' }).filter(
      (r) => r.kind === 'invite',
    );
    expect(shanghai!.message.en).toContain('Sat 7 Mar, 10:00');
    expect(shanghai!.message['zh-CN']).toContain('3月7日（周六）10:00');
    expect(newYork!.message.en).toContain('Fri 6 Mar, 21:00');
    expect(shanghai!.id).toBe(newYork!.id);
  });

  it('ignores started, cancelled and deleted talks', () => {
    const rs = run({
      sessions: [
        { ...unprepared, startedAt: '2026-03-04T01:00:00Z' },
        { ...sess(6, { scheduledAt: '2026-03-05T00:00:00Z' }), status: 'cancelled' },
        { ...sess(7, { scheduledAt: '2026-03-05T00:00:00Z' }), deleted: true } as Session,
      ],
    });
    expect(rs.filter((r) => r.kind === 'prepare' || r.kind === 'invite')).toEqual([]);
  });
});

describe('record', () => {
  it('reminds once a talk has ended and is not recorded; overdue after 24 h', () => {
    const fresh = sess(1, { status: 'held', endedAt: '2026-03-03T08:00:00Z' });
    const stale = sess(2, {
      status: 'scheduled',
      startedAt: '2026-03-02T07:00:00Z',
      endedAt: '2026-03-02T08:00:00Z',
    });
    const recorded = sess(3, { status: 'recorded', endedAt: '2026-03-02T08:00:00Z' });
    const recordedAtOnly = sess(4, {
      status: 'held',
      endedAt: '2026-03-02T08:00:00Z',
      recordedAt: '2026-03-02T09:00:00Z',
    });
    const heldUndated = sess(5, { status: 'held' });
    const notYetEnded = sess(6, { status: 'scheduled', endedAt: '2026-03-04T03:00:00Z' });
    const cancelled = sess(7, { status: 'cancelled', endedAt: '2026-03-02T08:00:00Z' });
    const rs = run({
      sessions: [fresh, stale, recorded, recordedAtOnly, heldUndated, notYetEnded, cancelled],
    });
    expect(rs.map((r) => [r.id, r.dueAt, r.overdue, r.priority])).toEqual([
      [`record:session:${uid(2)}:2026-03-03`, '2026-03-03T08:00:00.000Z', true, 1],
      [`record:session:${uid(5)}:undated`, '2026-03-04T02:00:00.000Z', false, 5],
      [`record:session:${uid(1)}:2026-03-04`, '2026-03-04T08:00:00.000Z', false, 5],
    ]);
    expect(rs[0]!.message.en).toContain('More than 24 hours');
  });
});

describe('action items due this week or overdue', () => {
  const talk = sess(1, {
    status: 'recorded',
    endedAt: '2026-02-20T08:00:00Z',
    recordedAt: '2026-02-20T10:00:00Z',
  });
  const cancelledTalk = sess(2, { status: 'cancelled' });
  const items: ActionItem[] = [
    item(1, talk.id, { dueOn: '2026-03-01' }), // overdue
    item(2, talk.id, { dueOn: '2026-03-04' }), // today
    item(3, talk.id, { dueOn: '2026-03-08' }), // Sunday, this week
    item(4, talk.id, { dueOn: '2026-03-09' }), // next week
    item(5, talk.id, { dueOn: '2026-03-03', status: 'done', doneAt: '2026-03-03T05:00:00Z' }),
    item(6, talk.id, { dueOn: '2026-03-03', status: 'dropped' }),
    item(7, talk.id, {}), // no due date
    item(8, talk.id, { dueOn: '2026-03-08', owner: 'manager', title: 'Book the training' }),
    item(9, talk.id, { dueOn: '2026-03-03', owner: 'manager', title: 'Get a test device' }),
    item(10, cancelledTalk.id, { dueOn: '2026-03-03' }),
    { ...item(11, talk.id, { dueOn: '2026-03-03' }), deleted: true } as ActionItem,
    item(12, uid(99), { dueOn: '2026-03-03' }), // its session is not known (deleted)
  ];

  it('lists support commitments first, then the employee’s items, overdue before due', () => {
    const rs = run({ sessions: [talk, cancelledTalk], actionItems: items });
    expect(rs.map((r) => [r.subject.id, r.priority, r.overdue])).toEqual([
      [uid(1009), 2, true],
      [uid(1008), 6, false],
      [uid(1001), 7, true],
      [uid(1002), 8, false],
      [uid(1003), 8, false],
    ]);
    expect(rs[0]).toMatchObject({
      id: `action-due:actionItem:${uid(1009)}:2026-03-03`,
      kind: 'action-due',
      dueAt: '2026-03-03T23:59:59.999Z',
      employeeId: 'e1',
      sessionId: talk.id,
    });
    expect(rs[0]!.message.en).toBe(
      'The support you promised 王小明, “Get a test device”, was due Tue 3 Mar. Plans only move when promised support arrives.',
    );
    expect(rs[3]!.message['zh-CN']).toContain('今天到期');
  });

  it('uses the manager’s local week: Shanghai has started a new week while New York is still on Sunday', () => {
    // 20:00 UTC on Sunday 8 March: 04:00 Monday 9 March in Shanghai, 16:00 Sunday in New York
    // (the day New York moved to daylight time, a 23-hour day).
    const now = new Date('2026-03-08T20:00:00Z');
    const a = item(1, talk.id, { dueOn: '2026-03-08' });
    const b = item(2, talk.id, { dueOn: '2026-03-10' });
    const shanghai = run({ now, timeZone: 'Asia/Shanghai', sessions: [talk], actionItems: [a, b] });
    const newYork = run({ now, timeZone: 'America/New_York', sessions: [talk], actionItems: [a, b] });
    expect(weekOf('2026-03-09')).toEqual({ start: '2026-03-09', end: '2026-03-15' });
    expect(shanghai.map((r) => [r.subject.id, r.overdue, r.dueAt])).toEqual([
      [a.id, true, '2026-03-08T15:59:59.999Z'],
      [b.id, false, '2026-03-10T15:59:59.999Z'],
    ]);
    // End of 8 March in New York: midnight EDT (UTC−4), not EST.
    expect(newYork.map((r) => [r.subject.id, r.overdue, r.dueAt])).toEqual([
      [a.id, false, '2026-03-09T03:59:59.999Z'],
    ]);
    // The same thing keeps its id whatever the zone.
    expect(newYork[0]!.id).toBe(shanghai[0]!.id);
  });

  it('defaults to UTC and handles the autumn DST change', () => {
    expect(weekOf('2026-03-04')).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(new Date(endOfLocalDay('2026-11-01', 'America/New_York')).toISOString()).toBe(
      '2026-11-02T04:59:59.999Z',
    );
    expect(new Date(endOfLocalDay('2026-10-31', 'America/New_York')).toISOString()).toBe(
      '2026-11-01T03:59:59.999Z',
    );
  });
});

describe('surveys', () => {
  const talk = sess(1, {
    status: 'recorded',
    endedAt: '2026-02-20T08:00:00Z',
    recordedAt: '2026-02-20T10:00:00Z',
  });
  const due = {
    surveyId: uid(500),
    sessionId: talk.id,
    kind: 'employee' as const,
    url: 'https://tandem.example/s/x',
    sendAfter: '2026-02-24T08:00:00.000Z',
  };

  it('reminds of each survey due, overdue a week after sendAfter', () => {
    const rs = run({
      sessions: [talk],
      surveysDue: [
        due,
        { ...due, surveyId: uid(501), kind: 'manager', sendAfter: '2026-03-01T08:00:00.000Z' },
      ],
    });
    expect(rs.map((r) => [r.id, r.overdue, r.employeeId, r.sessionId])).toEqual([
      [`survey:survey:${uid(500)}:2026-02-24`, true, 'e1', talk.id],
      [`survey:survey:${uid(501)}:2026-03-01`, false, 'e1', talk.id],
    ]);
    expect(rs[0]!.message.en).toContain('Send them the anonymous survey link');
    expect(rs[1]!.message.en).toContain('your own look-back survey');
  });

  it('skips surveys of cancelled or deleted talks', () => {
    expect(run({ sessions: [{ ...talk, status: 'cancelled' }], surveysDue: [due] })).toEqual([]);
    expect(run({ sessions: [{ ...talk, deleted: true } as Session], surveysDue: [due] })).toEqual([]);
  });
});

describe('coverage', () => {
  it('defines the windows as shares of the cycle', () => {
    // 2026 H1 has 181 days.
    expect(coverageWindow(H1, 'plan')).toEqual({
      from: '2026-01-01',
      dueOn: '2026-02-14',
      until: '2026-03-01',
    });
    expect(coverageWindow(H1, 'coaching')).toEqual({
      from: '2026-03-14',
      dueOn: '2026-04-18',
      until: '2026-05-15',
    });
    expect(coverageWindow(H1, 'review')).toEqual({
      from: '2026-06-03',
      dueOn: '2026-06-30',
      until: '2026-07-14',
    });
    const tiny = { startsOn: '2026-01-01', endsOn: '2026-01-02' };
    expect(coverageWindow(tiny, 'plan')).toEqual({
      from: '2026-01-01',
      dueOn: '2026-01-01',
      until: '2026-01-01',
    });
  });

  const reports = [
    person('r1', 'Held Coaching'),
    person('r2', 'Booked Coaching'),
    person('r3', 'Nothing Yet'),
    person('r4', 'Someone Else’s', { managerEmail: 'other@corp.example' }),
    person('r5', 'Gone', { status: 'left', leftOn: '2026-03-31' }),
    person('r6', 'Added By Me', { managerEmail: null }),
    person('r7', 'Stale Booking'),
  ];
  const sessions = [
    sess(1, { employeeId: 'r1', status: 'held', startedAt: '2026-04-01T02:00:00Z' }),
    sess(2, { employeeId: 'r2', scheduledAt: '2026-04-25T02:00:00Z' }),
    sess(3, { employeeId: 'r3', status: 'cancelled', endedAt: '2026-04-01T02:00:00Z' }),
    sess(4, { employeeId: 'r3', kind: 'plan', status: 'recorded' }),
    sess(5, { employeeId: 'r7', scheduledAt: '2026-04-10T02:00:00Z' }), // booked, but the day passed
  ];

  it('reminds of reports with no talk of the kind in the window, mine only, not those who left', () => {
    const now = new Date('2026-04-20T02:00:00Z');
    const rs = run({ now, reports, sessions, cycles: [H1] }).filter((r) => r.kind === 'coverage');
    expect(rs.map((r) => r.employeeId)).toEqual(['r3', 'r6', 'r7']);
    expect(rs[0]).toMatchObject({
      id: 'coverage:employee:r3:2026H1.coaching:2026-04-18',
      dueAt: '2026-04-18T23:59:59.999Z',
      overdue: true,
      subject: { type: 'employee', id: 'r3' },
      cycleId: '2026H1',
      talkKind: 'coaching',
      priority: 10,
    });
    expect(rs[0]!.message.en).toContain('No coaching check-in with Nothing Yet yet this cycle (2026 H1)');
  });

  it('asks for the review of the old cycle and the plan of the new one at once', () => {
    const now = new Date('2026-07-05T02:00:00Z');
    const rs = run({ now, reports: [person('r3', 'Nothing Yet')], cycles: [H1, H2] });
    expect(rs.map((r) => [r.id, r.overdue])).toEqual([
      ['coverage:employee:r3:2026H1.review:2026-06-30', true],
      ['coverage:employee:r3:2026H2.plan:2026-08-15', false],
    ]);
  });

  it('says nothing outside the windows', () => {
    const rs = run({ now: new Date('2026-03-05T02:00:00Z'), reports, cycles: [H1] });
    expect(rs.filter((r) => r.kind === 'coverage')).toEqual([]);
  });
});

describe('the list as a whole', () => {
  const talkAhead = sess(1, { scheduledAt: '2026-03-06T02:00:00Z' });
  const ended = sess(2, { status: 'held', endedAt: '2026-03-02T08:00:00Z', employeeId: 'e2' });
  const items = [
    item(1, ended.id, { dueOn: '2026-03-05' }),
    item(2, ended.id, { dueOn: '2026-03-05', owner: 'manager' }),
    item(3, ended.id, { dueOn: '2026-02-28' }),
  ];
  const input = { sessions: [talkAhead, ended], actionItems: items };

  it('sorts by priority, then due time', () => {
    const rs = run(input);
    expect(brief(rs)).toEqual([
      { kind: 'record', id: ended.id, overdue: true },
      { kind: 'invite', id: talkAhead.id, overdue: true },
      { kind: 'prepare', id: talkAhead.id, overdue: false },
      { kind: 'action-due', id: uid(1002), overdue: false },
      { kind: 'action-due', id: uid(1003), overdue: true },
      { kind: 'action-due', id: uid(1001), overdue: false },
    ]);
  });

  it('gives the same ids for the same things, later the same day and in another zone', () => {
    const a = run(input).map((r) => r.id);
    const b = run({ ...input, now: new Date('2026-03-04T09:30:00Z'), timeZone: 'Asia/Shanghai' }).map(
      (r) => r.id,
    );
    expect(new Set(b)).toEqual(new Set(a));
    expect(a).toContain(`action-due:actionItem:${uid(1001)}:2026-03-05`);
  });

  it('gives a rescheduled talk a new id', () => {
    const before = run(input).find((r) => r.kind === 'prepare')!.id;
    const moved = run({ ...input, sessions: [{ ...talkAhead, scheduledAt: '2026-03-07T02:00:00Z' }, ended] });
    expect(moved.find((r) => r.kind === 'prepare')!.id).not.toBe(before);
  });

  it('never lists the same thing twice, even when records repeat', () => {
    const rs = run({
      sessions: [talkAhead, ended, talkAhead, { ...ended }],
      actionItems: [...items, ...items],
    });
    expect(rs).toHaveLength(6);
    expect(new Set(rs.map((r) => r.id)).size).toBe(rs.length);
  });

  it('leaves out switched-off kinds', () => {
    const rs = run({ ...input, prefs: { kinds: { 'action-due': false, invite: false } } });
    expect(rs.map((r) => r.kind)).toEqual(['record', 'prepare']);
  });

  it('says nothing about people who have left', () => {
    const reports = [person('e1', '王小明', { status: 'left', leftOn: '2026-03-01' }), person('e2', 'Alice')];
    const rs = run({ ...input, reports });
    expect(rs.every((r) => r.employeeId === 'e2')).toBe(true);
    expect(rs.some((r) => r.kind === 'prepare')).toBe(false);
  });

  it('sets notifyAt after quiet hours', () => {
    // 02:00 UTC is 10:00 in Shanghai, outside 22:00–08:00; 23:00 is inside.
    const quiet = { quietHours: { start: '22:00', end: '08:00' } };
    const day = run({ ...input, timeZone: 'Asia/Shanghai', prefs: quiet });
    expect(day.every((r) => r.notifyAt === NOW.toISOString())).toBe(true);
    const night = run({
      ...input,
      now: new Date('2026-03-04T15:00:00Z'),
      timeZone: 'Asia/Shanghai',
      prefs: quiet,
    });
    expect(night.length).toBeGreaterThan(0);
    expect(night.every((r) => r.notifyAt === '2026-03-05T00:00:00.000Z')).toBe(true);
  });

  it('refuses an unknown time zone', () => {
    expect(() => run({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('nextNotifyAt', () => {
  const q = { start: '22:00', end: '08:00' };
  const at = (iso: string, quiet = q, zone = 'Asia/Shanghai') =>
    nextNotifyAt(new Date(iso), quiet, zone).toISOString();

  it('waits until the end of quiet hours that cross midnight', () => {
    expect(at('2026-03-04T15:00:00Z')).toBe('2026-03-05T00:00:00.000Z'); // 23:00 → 08:00 next day
    expect(at('2026-03-04T20:00:00Z')).toBe('2026-03-05T00:00:00.000Z'); // 04:00 → 08:00 same day
    expect(at('2026-03-04T14:00:00Z')).toBe('2026-03-05T00:00:00.000Z'); // 22:00 sharp is quiet
    expect(at('2026-03-05T00:00:00Z')).toBe('2026-03-05T00:00:00.000Z'); // 08:00 sharp is not
    expect(at('2026-03-04T02:00:00Z')).toBe('2026-03-04T02:00:00.000Z'); // 10:00: now
  });

  it('handles quiet hours within a day, none, and empty periods', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(at('2026-03-04T04:30:00Z', lunch)).toBe('2026-03-04T05:00:00.000Z'); // 12:30 → 13:00
    expect(at('2026-03-04T05:30:00Z', lunch)).toBe('2026-03-04T05:30:00.000Z');
    expect(nextNotifyAt(NOW, undefined, 'Asia/Shanghai')).toBe(NOW);
    expect(at('2026-03-04T15:00:00Z', { start: '08:00', end: '08:00' })).toBe('2026-03-04T15:00:00.000Z');
    expect(at('2026-03-04T15:00:00Z', { start: '25:00', end: '08:00' })).toBe('2026-03-04T15:00:00.000Z');
  });

  it('reads the end in the local time of the morning after a DST change', () => {
    // 23:00 EST on Saturday 7 March; New York moves to EDT at 02:00, so 08:00 is 12:00 UTC.
    expect(at('2026-03-08T04:00:00Z', q, 'America/New_York')).toBe('2026-03-08T12:00:00.000Z');
    // Quiet until 02:30, a time that does not exist that night: read with the offset before the gap.
    expect(at('2026-03-08T06:00:00Z', { start: '22:00', end: '02:30' }, 'America/New_York')).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });
});

describe('nextReminderChangeAt', () => {
  it('is the next threshold a record crosses, or the next local midnight', () => {
    const talk = sess(1, { scheduledAt: '2026-03-08T06:00:00Z' }); // enters the 5-day window 2026-03-03; 3-day at 03-05 06:00
    const ended = sess(2, { status: 'held', endedAt: '2026-03-03T10:00:00Z' }); // overdue from 03-04 10:00
    expect(
      nextReminderChangeAt({
        now: NOW,
        manager: MANAGER,
        reports: [],
        sessions: [talk],
        actionItems: [],
        cycles: [],
      }).toISOString(),
    ).toBe('2026-03-05T00:00:00.000Z');
    expect(
      nextReminderChangeAt({
        now: NOW,
        manager: MANAGER,
        reports: [],
        sessions: [talk, ended],
        actionItems: [],
        cycles: [],
      }).toISOString(),
    ).toBe('2026-03-04T10:00:00.001Z');
    expect(
      nextReminderChangeAt({
        now: NOW,
        timeZone: 'Asia/Shanghai',
        manager: MANAGER,
        reports: [],
        sessions: [],
        actionItems: [],
        cycles: [],
      }).toISOString(),
    ).toBe('2026-03-04T16:00:00.000Z');
  });

  it('wakes when the 24 hours of a held talk without an end run out (anchored at its start)', () => {
    const held = sess(3, { status: 'held', startedAt: '2026-03-03T09:00:00Z' });
    const input = { manager: MANAGER, reports: REPORTS, sessions: [held], actionItems: [], cycles: [] };
    const next = nextReminderChangeAt({ ...input, now: NOW });
    expect(next.toISOString()).toBe('2026-03-04T09:00:00.001Z');
    expect(brief(run({ ...input, now: new Date(next.getTime() - 1) }))).toEqual([
      { kind: 'record', id: held.id, overdue: false },
    ]);
    expect(brief(run({ ...input, now: next }))).toEqual([{ kind: 'record', id: held.id, overdue: true }]);
  });
});

describe('properties', () => {
  const zones = [
    'UTC',
    'Asia/Shanghai',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    '+05:45',
  ];
  const hhmm = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const instant = fc.integer({
    min: Date.parse('2025-01-01T00:00:00Z'),
    max: Date.parse('2027-12-31T00:00:00Z'),
  });

  it('nextNotifyAt is never before now, within a day, and outside quiet hours', () => {
    fc.assert(
      fc.property(instant, hhmm, hhmm, fc.constantFrom(...zones), (ms, start, end, zone) => {
        const now = new Date(ms);
        const at = nextNotifyAt(now, { start, end }, zone);
        expect(at.getTime()).toBeGreaterThanOrEqual(ms);
        expect(at.getTime() - ms).toBeLessThanOrEqual(25 * 3_600_000);
        // Unless the end fell in a DST gap, the local clock then reads outside [start, end).
        const p = localParts(at.getTime(), zone)!;
        const minutes = p.hour * 60 + p.minute;
        const shifted = localParts(at.getTime() - 3_600_000, zone)!;
        const gap = (shifted.hour + 1) % 24 !== p.hour;
        if (!gap) expect(inQuietHours(minutes, { start, end })).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('ids are unique and do not depend on the order of the records', () => {
    const talk = sess(1, { status: 'held', endedAt: '2026-03-01T08:00:00Z' });
    const arbItem = fc.record({
      n: fc.integer({ min: 1, max: 30 }),
      due: fc.integer({ min: -10, max: 10 }),
      owner: fc.constantFrom('employee' as const, 'manager' as const),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbItem, { maxLength: 20, selector: (s) => s.n }),
        fc.constantFrom(...zones),
        (specs, zone) => {
          const items = specs.map((s) =>
            item(s.n, talk.id, { owner: s.owner, dueOn: addDays('2026-03-04', s.due) }),
          );
          const a = run({ sessions: [talk], actionItems: items, timeZone: zone });
          const b = run({ sessions: [talk], actionItems: [...items].reverse(), timeZone: zone });
          expect(new Set(a.map((r) => r.id)).size).toBe(a.length);
          expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
          // Support commitments come before the employee's items.
          const due = a.filter((r) => r.kind === 'action-due');
          const firstEmployee = due.findIndex((r) => r.priority >= 7);
          if (firstEmployee >= 0) expect(due.slice(firstEmployee).every((r) => r.priority >= 7)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
