import { describe, expect, it } from 'vitest';
import type { ActionItem, Rating, Session } from '../schemas/records';
import { addCheckIn, carryOver, carryQuestionsInto, MAX_QUESTIONS } from './carry-over';
import { item, person, sess, uid } from './fixtures';
import { employeeSummary, keyPoints } from './summary';
import { weeklyView } from './weekly';

describe('carryOver: since last time', () => {
  const s1 = sess(1, {
    kind: 'review',
    status: 'held',
    startedAt: '2026-01-10T02:00:00Z',
    agenda: { questions: ['Q1', 'Q2'] },
  });
  const s2 = sess(2, {
    status: 'recorded',
    startedAt: '2026-02-10T02:00:00Z',
    mainGoal: 'Check the launch plan',
    agenda: {
      questions: ['How is the launch?', 'What support do you need?', '  ', 'How is the launch?'],
      nextGoals: 'Ship v2',
    },
    consensus: 'agreed',
    privateNotes: 'never carried',
  });
  const s3 = sess(3, {
    status: 'cancelled',
    startedAt: '2026-02-20T02:00:00Z',
    agenda: { questions: ['X'] },
  });
  const s4 = sess(4, {
    status: 'planned',
    scheduledAt: '2026-03-10T02:00:00Z',
    agenda: { questions: ['  what support do  you need? '] },
  });
  const other = sess(5, {
    employeeId: 'e2',
    status: 'held',
    startedAt: '2026-02-15T02:00:00Z',
    agenda: { questions: ['Z'] },
  });
  const sessions = [s4, s2, other, s1, s3];
  const items: ActionItem[] = [
    item(1, s1.id, {
      dueOn: '2026-02-01',
      checkIns: [
        { at: '2026-02-05T00:00:00Z', note: 'second' },
        { at: '2026-01-20T00:00:00Z', note: 'first' },
      ],
    }),
    item(2, s2.id, { owner: 'manager', dueOn: '2026-03-20', title: 'Find a mentor' }),
    item(3, s2.id, { status: 'done', doneAt: '2026-02-12T00:00:00Z' }),
    item(4, s3.id, {}),
    item(5, s4.id, {}),
    item(6, s2.id, { status: 'dropped' }),
    { ...item(7, s1.id, {}), deleted: true } as ActionItem,
    item(8, other.id, {}),
  ];

  it('brings open items of earlier talks (support first) and the last talk’s questions not yet in the agenda', () => {
    const out = carryOver({
      employeeId: 'e1',
      sessions,
      actionItems: items,
      beforeSessionId: s4.id,
      today: '2026-03-04',
    });
    expect(out.lastTalk).toEqual({
      sessionId: s2.id,
      cycleId: '2026H1',
      kind: 'coaching',
      status: 'recorded',
      at: '2026-02-10T02:00:00Z',
      mainGoal: 'Check the launch plan',
      nextGoals: 'Ship v2',
      consensus: 'agreed',
    });
    expect(out.openItems.map((c) => [c.item.id, c.from.sessionId, c.support, c.overdue])).toEqual([
      [uid(1002), s2.id, true, false],
      [uid(1001), s1.id, false, true],
    ]);
    expect(out.openItems[1]!.checkIns.map((c) => c.note)).toEqual(['first', 'second']);
    expect(out.openItems[1]!.lastCheckIn?.note).toBe('second');
    expect(out.questions).toEqual([
      { text: 'How is the launch?', from: expect.objectContaining({ sessionId: s2.id }) },
    ]);
    expect(out.isEmpty).toBe(false);
    expect(JSON.stringify(out)).not.toContain('never carried');
  });

  it('for a talk not created yet, offers all of the last talk’s questions', () => {
    const out = carryOver({ employeeId: 'e1', sessions, actionItems: items });
    expect(out.questions.map((q) => q.text)).toEqual(['How is the launch?', 'What support do you need?']);
    expect(out.openItems.every((c) => c.overdue === false)).toBe(true);
  });

  it('for an earlier talk, looks only at the talks before it', () => {
    const out = carryOver({ employeeId: 'e1', sessions, actionItems: items, beforeSessionId: s2.id });
    expect(out.lastTalk?.sessionId).toBe(s1.id);
    expect(out.openItems.map((c) => c.item.id)).toEqual([uid(1001)]);
    expect(out.questions.map((q) => q.text)).toEqual(['Q1', 'Q2']);
  });

  it('is empty for a first talk', () => {
    const out = carryOver({ employeeId: 'e9', sessions, actionItems: items });
    expect(out).toEqual({ employeeId: 'e9', lastTalk: null, openItems: [], questions: [], isEmpty: true });
  });

  it('copies questions into an agenda without repeats and within the limit', () => {
    expect(carryQuestionsInto({ strengths: 's', questions: ['A'] }, [' a ', 'B', '', 'B '])).toEqual({
      strengths: 's',
      questions: ['A', 'B'],
    });
    expect(carryQuestionsInto(null, ['x'])).toEqual({ questions: ['x'] });
    const full = Array.from({ length: MAX_QUESTIONS }, (_, i) => `q${i}`);
    expect(carryQuestionsInto({ questions: full }, ['more']).questions).toHaveLength(MAX_QUESTIONS);
  });

  it('adds a check-in note', () => {
    const a = item(1, s1.id, {});
    expect(addCheckIn(a, '  halfway there ', '2026-03-04T02:00:00Z').checkIns).toEqual([
      { at: '2026-03-04T02:00:00Z', note: 'halfway there' },
    ]);
    expect(addCheckIn(a, '   ', '2026-03-04T02:00:00Z')).toBe(a);
    expect(a.checkIns).toBeUndefined();
  });
});

describe('employeeSummary: the one-pager', () => {
  const cycles = [
    { id: '2026H1', name: '2026 H1', startsOn: '2026-01-01', endsOn: '2026-06-30' },
    { id: '2025H1', name: '2025 H1', startsOn: '2025-01-01', endsOn: '2025-06-30' },
    { id: '2025H2', name: '2025 H2', startsOn: '2025-07-01', endsOn: '2025-12-31' },
  ];
  const ratings: Rating[] = [
    { employeeId: 'e1', cycleId: '2025H2', rating: 3.5 },
    { employeeId: 'e1', cycleId: '2025H1', rating: 3 },
    { employeeId: 'e1', cycleId: '2026H1', rating: 4 },
    { employeeId: 'e2', cycleId: '2026H1', rating: 1 },
  ];
  const sA = sess(1, {
    status: 'held',
    startedAt: '2026-02-10T02:00:00Z',
    endedAt: '2026-02-10T02:50:00Z',
    consensus: 'partial',
    notes: '- Launch slipped two weeks\n\n2. Needs help with SQL\n# Next steps\nfourth line',
  });
  const sB = sess(2, {
    kind: 'review',
    status: 'recorded',
    startedAt: '2026-03-01T02:00:00Z',
    appealed: true,
    privateNotes: 'Worried about burnout',
  });
  const sC = sess(3, { status: 'planned', scheduledAt: '2026-03-20T02:00:00Z' });
  const sD = sess(4, { status: 'cancelled', endedAt: '2026-02-01T02:00:00Z' });
  const sessions: Session[] = [sA, sB, sC, sD, sess(5, { employeeId: 'e2', status: 'held' })];
  const items: ActionItem[] = [
    item(1, sA.id, { dueOn: '2026-02-20', status: 'done', doneAt: '2026-02-19T23:00:00Z' }), // due, done, on time
    item(2, sA.id, { dueOn: '2026-02-25', status: 'done', doneAt: '2026-02-26T01:00:00Z' }), // due, done, late
    item(3, sA.id, { dueOn: '2026-03-01' }), // due, overdue
    item(4, sA.id, { dueOn: '2026-03-03', owner: 'manager', title: 'Budget for the course' }), // support, overdue
    item(5, sA.id, { dueOn: '2026-02-28', owner: 'manager', status: 'done', doneAt: '2026-02-28T10:00:00Z' }), // support done
    item(6, sA.id, { dueOn: '2026-03-10' }), // not due yet
    item(7, sA.id, { dueOn: '2026-02-01', status: 'dropped' }), // left out
    item(8, sA.id, {}), // no due date: counted in total only
    item(9, sB.id, { dueOn: '2026-03-04' }), // due on asOf: due, not overdue
    item(10, sB.id, { dueOn: '2026-03-31', owner: 'manager', title: 'Pair on the design review' }),
    item(11, sC.id, { dueOn: '2026-03-02', owner: 'manager', title: 'Ask IT for access' }), // not held: open support only
    item(12, sD.id, { dueOn: '2026-03-02', owner: 'manager' }), // cancelled talk: nowhere
    { ...item(13, sA.id, { dueOn: '2026-02-20' }), deleted: true } as ActionItem,
  ];
  const base = {
    employee: person('e1', '王小明', { department: 'R&D' }),
    ratings,
    cycles,
    sessions,
    actionItems: items,
    asOf: '2026-03-04',
  };

  it('works out the numbers by hand', () => {
    const s = employeeSummary(base);
    expect(s.employee).toEqual({
      id: 'e1',
      name: '王小明',
      department: 'R&D',
      status: 'active',
      leftOn: null,
    });
    expect(s.ratings).toEqual([
      {
        cycleId: '2025H1',
        cycleName: '2025 H1',
        startsOn: '2025-01-01',
        endsOn: '2025-06-30',
        rating: 3,
        change: null,
      },
      {
        cycleId: '2025H2',
        cycleName: '2025 H2',
        startsOn: '2025-07-01',
        endsOn: '2025-12-31',
        rating: 3.5,
        change: 0.5,
      },
      {
        cycleId: '2026H1',
        cycleName: '2026 H1',
        startsOn: '2026-01-01',
        endsOn: '2026-06-30',
        rating: 4,
        change: 0.5,
      },
    ]);
    // total 9 (1–6, 8, 9, 10); due 6 (1–5, 9); done 3 (1, 2, 5); overdue 2 (3, 4); on time 2 (1, 5).
    expect(s.actionItems).toEqual({
      total: 9,
      due: 6,
      done: 3,
      overdue: 2,
      completionRate: 0.5,
      onTimeRate: 2 / 6,
    });
    expect(s.supportCommitments).toEqual({ due: 2, done: 1, rate: 0.5 });
    expect(s.openSupport.map((o) => [o.title, o.dueOn, o.overdue, o.from.sessionId])).toEqual([
      ['Ask IT for access', '2026-03-02', true, sC.id],
      ['Budget for the course', '2026-03-03', true, sA.id],
      ['Pair on the design review', '2026-03-31', false, sB.id],
    ]);
    expect(s.talks.map((t) => t.sessionId)).toEqual([sB.id, sA.id]);
    expect(s.talks[1]).toMatchObject({
      kind: 'coaching',
      durationMinutes: 50,
      consensus: 'partial',
      appealed: false,
      keyPoints: ['Launch slipped two weeks', 'Needs help with SQL', 'Next steps'],
      keyPointsFrom: 'notes',
      actionItems: { total: 8, open: 4, done: 3, dropped: 1 },
    });
    expect(s.talks[0]).toMatchObject({
      kind: 'review',
      appealed: true,
      keyPoints: [],
      keyPointsFrom: null,
      durationMinutes: null,
    });
    expect(JSON.stringify(s)).not.toContain('burnout');
  });

  it('uses private notes for key points only when asked (on the manager’s device)', () => {
    const s = employeeSummary({ ...base, includePrivateNotes: true });
    expect(s.talks[0]).toMatchObject({ keyPoints: ['Worried about burnout'], keyPointsFrom: 'privateNotes' });
  });

  it('gives null rates over nothing', () => {
    const s = employeeSummary({ ...base, actionItems: [], ratings: [] });
    expect(s.actionItems).toEqual({
      total: 0,
      due: 0,
      done: 0,
      overdue: 0,
      completionRate: null,
      onTimeRate: null,
    });
    expect(s.supportCommitments).toEqual({ due: 0, done: 0, rate: null });
    expect(s.ratings).toEqual([]);
  });

  it('takes the first lines of notes as key points', () => {
    expect(keyPoints('1) one\n* two\n（3）three\n3.5 million users\n4、四', 5)).toEqual([
      'one',
      'two',
      'three',
      '3.5 million users',
      '四',
    ]);
    expect(keyPoints(`${'x'.repeat(300)}`)[0]).toHaveLength(200);
    expect(keyPoints(null)).toEqual([]);
  });
});

describe('weeklyView', () => {
  // Wednesday 4 March 2026, 10:00 in Shanghai: the week is 2 to 8 March.
  const now = new Date('2026-03-04T02:00:00Z');
  const reports = [
    person('r1', 'Zhang'),
    person('r2', 'Alice'),
    person('r3', 'Gone', { status: 'left', leftOn: '2026-03-01' }),
    person('r4', 'Bob'),
  ];
  const held = sess(1, {
    employeeId: 'r1',
    status: 'recorded',
    startedAt: '2026-02-20T02:00:00Z',
    consensus: 'agreed',
  });
  const older = sess(2, { employeeId: 'r1', status: 'held', startedAt: '2026-01-20T02:00:00Z' });
  const next = sess(3, { employeeId: 'r2', scheduledAt: '2026-03-06T02:00:00Z' });
  const later = sess(4, { employeeId: 'r2', scheduledAt: '2026-03-20T02:00:00Z' });
  const cancelled = sess(5, { employeeId: 'r2', status: 'cancelled', scheduledAt: '2026-03-05T02:00:00Z' });
  const r2held = sess(6, { employeeId: 'r2', status: 'held', endedAt: '2026-03-03T08:00:00Z' });
  const items = [
    item(1, held.id, { dueOn: '2026-03-03' }), // overdue
    item(2, held.id, { dueOn: '2026-03-08', owner: 'manager' }), // this week
    item(3, older.id, { dueOn: '2026-03-02', status: 'done' }),
    item(4, r2held.id, { dueOn: '2026-03-04' }), // today
    item(5, cancelled.id, { dueOn: '2026-03-01' }),
    item(6, older.id, {}), // open, no due date
  ];

  it('shows, per report, the last talk, open and overdue items and the next talk', () => {
    const v = weeklyView({
      now,
      timeZone: 'Asia/Shanghai',
      reports,
      sessions: [held, older, next, later, cancelled, r2held],
      actionItems: items,
    });
    expect(v.today).toBe('2026-03-04');
    expect(v.week).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(v.rows.map((r) => r.employee.id)).toEqual(['r1', 'r2', 'r4']);
    const [r1, r2, r4] = v.rows;
    expect(r1!.lastTalk).toMatchObject({ sessionId: held.id, consensus: 'agreed' });
    expect(r1!.nextTalk).toBeNull();
    expect(r1!.openItems.map((i) => [i.id, i.overdue, i.dueThisWeek])).toEqual([
      [uid(1001), true, false],
      [uid(1002), false, true],
      [uid(1006), false, false],
    ]);
    expect(r1!.overdueItems.map((i) => i.id)).toEqual([uid(1001)]);
    expect(r1).toMatchObject({ dueThisWeek: 1, openSupport: 1 });
    expect(r2!.lastTalk?.sessionId).toBe(r2held.id);
    expect(r2!.nextTalk?.sessionId).toBe(next.id);
    expect(r2!.openItems.map((i) => i.id)).toEqual([uid(1004)]);
    expect(r2!.overdueItems).toEqual([]);
    expect(r4).toMatchObject({
      lastTalk: null,
      nextTalk: null,
      openItems: [],
      overdueItems: [],
      dueThisWeek: 0,
    });
  });

  it('reads today in the manager’s zone', () => {
    // 21:00 on Tuesday 3 March in New York: item 1 (due 3 March) is due today, not overdue.
    const v = weeklyView({
      now,
      timeZone: 'America/New_York',
      reports,
      sessions: [held],
      actionItems: items,
    });
    expect(v.today).toBe('2026-03-03');
    expect(v.rows.find((r) => r.employee.id === 'r1')!.overdueItems).toEqual([]);
  });
});
