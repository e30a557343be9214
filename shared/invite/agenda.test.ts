import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../schemas/records';
import { type AgendaContext, agendaFromInvite, detectKind, type RosterEntry } from './agenda';
import { parseIcs } from './ics';
import { parseInviteText } from './text';
import type { InviteInfo } from './types';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/invites/${name}`, import.meta.url), 'utf8');
const NOW = new Date('2026-11-26T02:00:00Z'); // Thu 26 Nov 2026, 10:00 in Beijing

const ROSTER: RosterEntry[] = [
  { id: 'e-li', name: '李四', email: 'LI.SI@example.com' },
  { id: 'e-wang', name: '王五', email: 'wang.wu@example.com' },
  { id: 'e-zhou', name: '周 敏', email: 'zhou.min@example.cn' },
  { id: 'e-chen', name: 'Ｃｈｅｎ Ｃｈｅｎ', email: 'chen.chen@example.com' },
  { id: 'e-sam', name: 'Sam Carter', email: 'sam.carter@example.com' },
  { id: 'e-wangwei', name: '王伟', email: 'wang.wei@example.com' },
  { id: 'e-wangweihua', name: '王伟华', email: 'wang.weihua@example.com' },
  { id: 'e-zhangwei-1', name: '张伟', email: 'zhang.wei1@example.com' },
  { id: 'e-zhangwei-2', name: '张伟', email: 'zhang.wei2@example.com' },
  { id: 'e-zhang', name: '张三', email: 'zhang.san@example.com' },
];
const CYCLES = [
  { id: '2026H2', name: '2026 下半年', startsOn: '2026-07-01', endsOn: '2026-12-31' },
  { id: '2027H1', name: '2027 上半年', startsOn: '2027-01-01', endsOn: '2027-06-30' },
];
const CTX: AgendaContext = {
  managerEmail: 'zhang.san@example.com',
  managerName: '张三',
  roster: ROSTER,
  now: NOW,
  cycles: CYCLES,
  timeZone: 'Asia/Shanghai',
};

const invite = (over: Partial<InviteInfo>): InviteInfo => ({
  source: 'google-calendar',
  attendees: [],
  ...over,
});
const ics = (name: string, now = NOW) => {
  const r = parseIcs(fixture(name), { now });
  if (!r.ok) throw new Error(r.error.code);
  return r.events[0]!;
};
const text = (name: string) => {
  const r = parseInviteText(fixture(name), { now: NOW });
  if (!r.ok) throw new Error(r.error.code);
  return r.invite;
};

describe('agendaFromInvite: the whole way from an .ics file', () => {
  it('Google review invite → employee by email, review, Dec 1, booked well, cycle, draft', () => {
    const a = agendaFromInvite(ics('google-meet-shanghai.ics'), CTX);
    expect(a.employee).toEqual({
      match: 'email',
      employeeId: 'e-li',
      candidates: [{ employeeId: 'e-li', name: '李四', email: 'li.si@example.com', by: 'email' }],
    });
    expect(a.kind).toEqual({ value: 'review', confidence: 'high', matched: '绩效面谈' });
    expect(a.scheduledAt).toBe('2026-12-01T06:00:00Z');
    expect(a.endsAt).toBe('2026-12-01T07:00:00Z');
    expect(a.durationMin).toBe(60);
    expect(a.meetingUrl).toBe('https://meet.google.com/abc-defg-hij');
    expect(a.cycleId).toBe('2026H2');
    expect(a.booking).toEqual({ daysAhead: 5, aheadOk: true, lengthOk: true, selfAssessmentAsked: true });
    expect(a.questions).toEqual([]);
    expect(a.sessionDraft).toEqual({
      employeeId: 'e-li',
      cycleId: '2026H2',
      kind: 'review',
      status: 'scheduled',
      scheduledAt: '2026-12-01T06:00:00Z',
      meetingUrl: 'https://meet.google.com/abc-defg-hij',
      mainGoal: null,
    });
    // Complete enough to store once the caller gives it an id.
    expect(Session.safeParse({ id: '6f1c2a4e-8b9d-4c3e-a1f2-0123456789ab', ...a.sessionDraft }).success).toBe(
      true,
    );
  });

  it('Outlook goal-setting invite with an optional HR attendee → plan, next cycle, 50 minutes', () => {
    const a = agendaFromInvite(ics('outlook-altdesc-safelinks.ics'), {
      ...CTX,
      managerEmail: 'wang.jingli@example.com',
      managerName: '王经理',
      now: new Date('2026-12-31T02:00:00Z'),
    });
    expect(a.employee.employeeId).toBe('e-chen');
    expect(a.kind.value).toBe('plan');
    expect(a.kind.confidence).toBe('high');
    expect(a.cycleId).toBe('2027H1');
    expect(a.durationMin).toBe(50);
    expect(a.booking).toMatchObject({
      daysAhead: 5,
      aheadOk: true,
      lengthOk: true,
      selfAssessmentAsked: false,
    });
  });

  it('pasted Tencent text with no addresses → employee from the title', () => {
    const a = agendaFromInvite(text('tencent-meeting.zh.txt'), CTX);
    expect(a.employee).toEqual({
      match: 'name',
      employeeId: 'e-li',
      candidates: [{ employeeId: 'e-li', name: '李四', email: 'li.si@example.com', by: 'title' }],
    });
    expect(a.kind.value).toBe('review');
    expect(a.meetingUrl).toBe('https://meeting.tencent.com/dm/Rk3vT9qLmW2x');
  });

  it('pasted Feishu calendar text → employee by a normalised name (周敏 = 周 敏), coaching', () => {
    const a = agendaFromInvite(text('feishu-calendar.zh.txt'), {
      ...CTX,
      managerEmail: undefined,
      managerName: '赵磊',
    });
    expect(a.employee).toMatchObject({ match: 'name', employeeId: 'e-zhou' });
    expect(a.kind).toMatchObject({ value: 'coaching', confidence: 'high' });
    // Tue 24 Nov is before now: not booked ahead.
    expect(a.booking.daysAhead).toBe(-2);
    expect(a.booking.aheadOk).toBe(false);
  });

  it('US weekly check-in → employee by email, coaching, zone-aware days', () => {
    const a = agendaFromInvite(ics('new-york-dst-weekly.ics', new Date('2026-10-31T12:00:00Z')), {
      managerEmail: 'Dana.Miller@example.com',
      roster: ROSTER,
      now: new Date('2026-11-03T12:00:00Z'),
      timeZone: 'America/New_York',
    });
    expect(a.employee.employeeId).toBe('e-sam');
    expect(a.kind.value).toBe('coaching');
    expect(a.booking.daysAhead).toBe(3); // Tue 3 Nov → Fri 6 Nov
    expect(a.booking.lengthOk).toBe(true);
    expect(a.cycleId).toBeUndefined();
  });
});

describe('agendaFromInvite: who the conversation is with', () => {
  const people = (...attendees: InviteInfo['attendees']) => invite({ title: '绩效面谈', attendees });

  it('by email, case-insensitive, leaving the manager out', () => {
    const a = agendaFromInvite(
      people(
        { name: '张三', email: 'zhang.san@example.com', organizer: true },
        { email: 'li.si@EXAMPLE.com' },
      ),
      CTX,
    );
    expect(a.employee).toMatchObject({ match: 'email', employeeId: 'e-li' });
  });

  it('by name: exact, then full-width / spacing / case / word order', () => {
    expect(agendaFromInvite(people({ name: '王五' }), CTX).employee).toMatchObject({
      match: 'name',
      employeeId: 'e-wang',
    });
    expect(agendaFromInvite(people({ name: 'chen chen' }), CTX).employee).toMatchObject({
      match: 'name',
      employeeId: 'e-chen',
    });
    expect(agendaFromInvite(people({ name: 'Carter, Sam' }), CTX).employee).toMatchObject({
      match: 'name',
      employeeId: 'e-sam',
    });
    expect(
      agendaFromInvite(people({ name: ' 周敏 ', email: 'zhoumin@personal.example' }), CTX).employee,
    ).toMatchObject({
      match: 'name',
      employeeId: 'e-zhou',
    });
  });

  it('the longest roster name in the title wins (王伟华 over 王伟)', () => {
    const a = agendaFromInvite(invite({ title: '王伟华 年度绩效面谈' }), CTX);
    expect(a.employee).toMatchObject({ match: 'name', employeeId: 'e-wangweihua' });
    expect(a.employee.candidates).toHaveLength(1);
  });

  it('several team members → none chosen, all listed, the manager is asked', () => {
    const a = agendaFromInvite(people({ email: 'li.si@example.com' }, { email: 'wang.wu@example.com' }), CTX);
    expect(a.employee.match).toBe('none');
    expect(a.employee.employeeId).toBeUndefined();
    expect(a.employee.candidates.map((c) => c.employeeId)).toEqual(['e-li', 'e-wang']);
    const q = a.questions.find((x) => x.id === 'employee');
    expect(q?.options?.map((o) => o.value)).toEqual(['e-li', 'e-wang']);
    expect(a.sessionDraft.employeeId).toBeUndefined();
  });

  it('two roster people with the same name → none chosen', () => {
    const a = agendaFromInvite(people({ name: '张伟' }), CTX);
    expect(a.employee.match).toBe('none');
    expect(a.employee.candidates.map((c) => c.employeeId)).toEqual(['e-zhangwei-1', 'e-zhangwei-2']);
  });

  it('nobody on the roster → none, no candidates, a question', () => {
    const a = agendaFromInvite(people({ name: 'Stranger', email: 'stranger@other.example' }), CTX);
    expect(a.employee).toEqual({ match: 'none', candidates: [] });
    expect(a.questions.map((q) => q.id)).toContain('employee');
  });

  it('the manager is never the employee, even when on the roster', () => {
    const a = agendaFromInvite(people({ name: '张三', email: 'zhang.san@example.com' }), CTX);
    expect(a.employee.match).toBe('none');
  });

  it('without a manager identity, the organizer is taken to be the manager', () => {
    const a = agendaFromInvite(
      people({ email: 'wang.wu@example.com', organizer: true }, { email: 'li.si@example.com' }),
      { roster: ROSTER, now: NOW },
    );
    expect(a.employee.employeeId).toBe('e-li');
  });

  it('an invite the employee organised still finds the employee', () => {
    const a = agendaFromInvite(
      invite({
        title: '1:1',
        organizer: { email: 'li.si@example.com' },
        attendees: [{ email: 'li.si@example.com', organizer: true }, { email: 'zhang.san@example.com' }],
      }),
      CTX,
    );
    expect(a.employee).toMatchObject({ match: 'email', employeeId: 'e-li' });
  });
});

describe('detectKind', () => {
  it.each([
    // title, description, value, confidence
    ['李四 绩效面谈', undefined, 'review', 'high'],
    ['2026 年终绩效面谈', undefined, 'review', 'high'],
    ['绩效反馈', undefined, 'review', 'high'],
    ['Q4 总结', undefined, 'review', 'high'],
    ['年度考核沟通', undefined, 'review', 'high'],
    ['Performance review – Li Si', undefined, 'review', 'high'],
    ['Annual appraisal', undefined, 'review', 'high'],
    ['Year-end review', undefined, 'review', 'high'],
    ['绩效面谈：目标设定', undefined, 'plan', 'high'],
    ['2027 目标设定', undefined, 'plan', 'high'],
    ['Q1 OKR 制定', undefined, 'plan', 'high'],
    ['KPI 对齐', undefined, 'plan', 'high'],
    ['Goal setting for 2027', undefined, 'plan', 'high'],
    ['Objective setting', undefined, 'plan', 'high'],
    ['2027 goals and development plan', undefined, 'plan', 'high'],
    ['每周 1:1', undefined, 'coaching', 'high'],
    ['李四 1on1', undefined, 'coaching', 'high'],
    ['绩效辅导', undefined, 'coaching', 'high'],
    ['One-on-one with Sam', undefined, 'coaching', 'high'],
    ['Weekly check-in', undefined, 'coaching', 'high'],
    ['Coaching session', undefined, 'coaching', 'high'],
    ['Mid-year check-in', undefined, 'coaching', 'high'],
    ['1:1 – discuss Q1 goals', undefined, 'coaching', 'high'],
    // Ambiguous: the UI asks.
    ['年终总结暨明年目标设定', undefined, null, 'low'],
    ['Q3 OKR review', undefined, null, 'low'],
    ['李四 / 张三', undefined, null, 'low'],
    ['Sync', undefined, 'coaching', 'low'],
    ['面谈', undefined, 'review', 'low'],
    // The description helps when the title says nothing, but only weakly.
    ['李四 / 张三', '本次为年终绩效面谈，请准备自评。', 'review', 'low'],
    // The title outweighs the description.
    ['每周 1:1', '顺便过一下年终自评的准备', 'coaching', 'high'],
  ])('%j (%j) → %s, %s', (title, description, value, confidence) => {
    const k = detectKind(title, description);
    expect(k.value).toBe(value);
    expect(k.confidence).toBe(confidence);
  });

  it('reports the words that decided, and the candidates when unsure', () => {
    expect(detectKind('绩效面谈：目标设定')).toMatchObject({ matched: '目标设定' });
    expect(detectKind('年终总结暨明年目标设定').candidates).toEqual(['plan', 'review']);
    expect(detectKind('1:1 – discuss Q1 goals').candidates).toBeUndefined();
  });

  it('an unsure kind becomes a question and is left out of the draft', () => {
    const a = agendaFromInvite(
      invite({ title: '年终总结暨明年目标设定', start: '2026-12-01T06:00:00Z' }),
      CTX,
    );
    const q = a.questions.find((x) => x.id === 'kind');
    expect(q?.options?.map((o) => o.value)).toEqual(['plan', 'review', 'coaching']);
    expect(a.sessionDraft.kind).toBeUndefined();
  });
});

describe('booking checks (step 4)', () => {
  const at = (start: string, end?: string, now = NOW) =>
    agendaFromInvite(invite({ title: '绩效面谈', start, ...(end ? { end } : {}) }), { ...CTX, now }).booking;

  it.each([
    ['2026-11-28T06:00:00Z', 2, false],
    ['2026-11-29T06:00:00Z', 3, true],
    ['2026-12-01T06:00:00Z', 5, true],
    ['2026-12-02T06:00:00Z', 6, false],
    ['2026-11-25T06:00:00Z', -1, false],
  ])('start %s → %i days ahead, ok = %s', (start, days, ok) => {
    expect(at(start)).toMatchObject({ daysAhead: days, aheadOk: ok });
  });

  it('counts calendar days in the manager’s zone, not 24-hour blocks', () => {
    // 23:30 on the 26th in Beijing → 09:00 on the 29th: 57.5 hours, but three days ahead.
    expect(at('2026-11-29T01:00:00Z', undefined, new Date('2026-11-26T15:30:00Z')).daysAhead).toBe(3);
  });

  it.each([
    ['2026-12-01T06:44:00Z', 44, false],
    ['2026-12-01T06:45:00Z', 45, true],
    ['2026-12-01T07:00:00Z', 60, true],
    ['2026-12-01T07:01:00Z', 61, false],
  ])('end %s → %i minutes, ok = %s', (end, minutes, ok) => {
    const a = agendaFromInvite(invite({ title: '绩效面谈', start: '2026-12-01T06:00:00Z', end }), CTX);
    expect(a.durationMin).toBe(minutes);
    expect(a.booking.lengthOk).toBe(ok);
  });

  it('unknown start or end → null; all-day → no time, a question', () => {
    expect(agendaFromInvite(invite({ title: '绩效面谈' }), CTX).booking).toEqual({
      aheadOk: null,
      lengthOk: null,
      selfAssessmentAsked: false,
    });
    expect(at('2026-12-01T06:00:00Z').lengthOk).toBeNull();
    const allDay = agendaFromInvite(
      invite({ title: '年终考核', allDay: true, start: '2026-12-15T00:00:00Z', end: '2026-12-16T00:00:00Z' }),
      CTX,
    );
    expect(allDay.scheduledAt).toBeUndefined();
    expect(allDay.booking).toMatchObject({ daysAhead: 19, aheadOk: false, lengthOk: null });
    expect(allDay.cycleId).toBe('2026H2');
    expect(allDay.questions.map((q) => q.id)).toContain('time');
  });

  it.each([
    ['请提前准备自评', true],
    ['请先做一份自我评估', true],
    ['Please send me your self-assessment', true],
    ['Bring your self review', true],
    ['Please send your self-evaluation', true],
    ['See you there', false],
  ])('self-assessment asked in %j → %s', (description, asked) => {
    expect(agendaFromInvite(invite({ title: 'Review', description }), CTX).booking.selfAssessmentAsked).toBe(
      asked,
    );
  });
});

describe('cycle selection', () => {
  const cycleOf = (start: string, cycles = CYCLES, timeZone = 'Asia/Shanghai') =>
    agendaFromInvite(invite({ title: '绩效面谈', start }), { ...CTX, cycles, timeZone });

  it('the cycle holding the start’s local date, bounds included', () => {
    expect(cycleOf('2026-07-01T01:00:00Z').cycleId).toBe('2026H2');
    expect(cycleOf('2026-12-31T10:00:00Z').cycleId).toBe('2026H2');
    // 20:00Z on 31 Dec is already 1 Jan in Beijing, still 31 Dec in UTC.
    expect(cycleOf('2026-12-31T20:00:00Z').cycleId).toBe('2027H1');
    expect(cycleOf('2026-12-31T20:00:00Z', CYCLES, 'UTC').cycleId).toBe('2026H2');
  });

  it('no cycle, or overlapping cycles → none chosen, a question with choices', () => {
    const none = cycleOf('2028-01-10T02:00:00Z');
    expect(none.cycleId).toBeUndefined();
    expect(none.questions.find((q) => q.id === 'cycle')?.options?.map((o) => o.value)).toEqual([
      '2026H2',
      '2027H1',
    ]);
    const overlapping = cycleOf('2026-12-10T02:00:00Z', [
      ...CYCLES,
      { id: '2026', name: '2026 年度', startsOn: '2026-01-01', endsOn: '2026-12-31' },
    ]);
    expect(overlapping.cycleId).toBeUndefined();
    expect(overlapping.questions.find((q) => q.id === 'cycle')?.options?.map((o) => o.value)).toEqual([
      '2026H2',
      '2026',
    ]);
  });

  it('no cycles given → no cycle question', () => {
    const a = agendaFromInvite(invite({ title: '绩效面谈', start: '2026-12-01T06:00:00Z' }), {
      ...CTX,
      cycles: undefined,
    });
    expect(a.cycleId).toBeUndefined();
    expect(a.questions.map((q) => q.id)).not.toContain('cycle');
  });
});

describe('cancelled invites', () => {
  it('a cancelling invite drafts a cancelled session and says so', () => {
    const a = agendaFromInvite(
      invite({ title: '绩效面谈', start: '2026-12-01T06:00:00Z', cancelled: true }),
      CTX,
    );
    expect(a.sessionDraft.status).toBe('cancelled');
    expect(a.questions.map((q) => q.id)).toContain('cancelled');
  });
});
