import { describe, expect, it } from 'vitest';
import {
  ActionItem,
  Cycle,
  DateOnly,
  Employee,
  EmployeeAnswer,
  Instant,
  QueryInstant,
  Session,
  SurveyResponse,
  SyncRequest,
  toFieldErrors,
} from './index';

const uuid = () => crypto.randomUUID();

function errors(
  schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } },
  value: unknown,
) {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  // biome-ignore lint/suspicious/noExplicitAny: the ZodError type differs per schema
  return toFieldErrors(r.error as any);
}

describe('dates and instants', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(DateOnly.safeParse('2026-02-28').success).toBe(true);
    expect(DateOnly.safeParse('2024-02-29').success).toBe(true);
    expect(DateOnly.safeParse('2026-02-30').success).toBe(false);
    expect(DateOnly.safeParse('2026-2-3').success).toBe(false);
  });

  it('reads RFC 3339 instants into one canonical UTC form, so that they compare as strings', () => {
    expect(Instant.parse('2026-11-25T09:30:00Z')).toBe('2026-11-25T09:30:00.000Z');
    expect(Instant.parse('2026-11-25T09:30:00.123Z')).toBe('2026-11-25T09:30:00.123Z');
    expect(Instant.parse('2026-11-25T09:30:00.123456Z')).toBe('2026-11-25T09:30:00.123Z');
    expect(Instant.parse('2026-11-25T17:30:00+08:00')).toBe('2026-11-25T09:30:00.000Z');
    expect(Instant.parse('2026-11-24T23:30:00.5-10:00')).toBe('2026-11-25T09:30:00.500Z');
    expect(Instant.parse('2026-11-25t09:30:00z')).toBe('2026-11-25T09:30:00.000Z');
    expect(Instant.safeParse('2026-13-25T09:30:00Z').success).toBe(false);
  });

  it('refuses an instant without a time zone, saying so', () => {
    const r = Instant.safeParse('2026-11-25T09:30:00');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/time zone/);
    expect(Instant.safeParse('2026-11-25T09:30:00+24:00').success).toBe(false);
    expect(Instant.safeParse('2026-11-25').success).toBe(false);
  });

  it('reads an offset whose + a query string turned into a space', () => {
    expect(QueryInstant.parse('2026-11-25T17:30:00 08:00')).toBe('2026-11-25T09:30:00.000Z');
  });

  it('refuses an instant that Date.parse would roll over (no 30 February, no 24:00)', () => {
    expect(Instant.safeParse('2026-02-30T10:00:00Z').success).toBe(false);
    expect(Instant.safeParse('2026-04-31T10:00:00Z').success).toBe(false);
    expect(Instant.safeParse('2026-01-01T24:00:00Z').success).toBe(false);
    expect(Instant.safeParse('2028-02-29T23:59:59.999Z').success).toBe(true);
  });
});

describe('session', () => {
  const minimal = { id: uuid(), employeeId: 'e-1', cycleId: '2026H2', kind: 'review', status: 'planned' };

  it('needs only id, employee, cycle, kind and status', () => {
    expect(Session.parse(minimal)).toEqual(minimal);
    expect(Session.safeParse({ ...minimal, mainGoal: null, agenda: null }).success).toBe(true);
  });

  it('names every bad field by its path, unknown fields included', () => {
    const found = errors(Session, {
      ...minimal,
      id: 'not-a-uuid',
      kind: 'chat',
      agenda: { causes: [{ category: 'luck', text: 'x' }], questions: ['ok', 3] },
      checklist: [1, 1],
      colour: 'blue',
    });
    const paths = found.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'id',
        'kind',
        'agenda.causes.0.category',
        'agenda.questions.1',
        'checklist',
        'colour',
      ]),
    );
  });

  it('refuses an end before the start', () => {
    const found = errors(Session, {
      ...minimal,
      startedAt: '2026-11-25T10:00:00Z',
      endedAt: '2026-11-25T09:00:00Z',
    });
    expect(found).toEqual([expect.objectContaining({ path: 'endedAt' })]);
  });

  it('accepts Chinese text and refuses a meeting link that is not http(s)', () => {
    expect(Session.safeParse({ ...minimal, mainGoal: '对齐下半年目标' }).success).toBe(true);
    expect(errors(Session, { ...minimal, meetingUrl: 'javascript:alert(1)' })[0]?.path).toBe('meetingUrl');
  });
});

describe('action item', () => {
  it('requires title, owner and status', () => {
    const found = errors(ActionItem, { id: uuid(), sessionId: uuid() });
    expect(found.map((e) => e.path).sort()).toEqual(['owner', 'status', 'title']);
  });

  it('keeps check-ins', () => {
    const item = {
      id: uuid(),
      sessionId: uuid(),
      title: 'Ship the onboarding guide',
      owner: 'employee',
      status: 'open',
      dueOn: '2026-12-15',
      measure: 'published and reviewed by two new hires',
      checkIns: [{ at: '2026-12-01T08:00:00Z', note: '初稿完成' }],
    };
    expect(ActionItem.parse(item)).toEqual({
      ...item,
      checkIns: [{ at: '2026-12-01T08:00:00.000Z', note: '初稿完成' }],
    });
  });
});

describe('roster and cycles', () => {
  it('needs leftOn for a leaver and lowercases emails', () => {
    const base = { id: 'e1', name: '王小明', email: 'XiaoMing.Wang@Example.com', status: 'active' };
    expect(Employee.parse(base).email).toBe('xiaoming.wang@example.com');
    expect(errors(Employee, { ...base, status: 'left' })).toEqual([
      expect.objectContaining({ path: 'leftOn' }),
    ]);
  });

  it('refuses a cycle that ends before it starts', () => {
    expect(
      errors(Cycle, { id: 'c', name: 'H1', startsOn: '2026-07-01', endsOn: '2026-01-01' })[0]?.path,
    ).toBe('endsOn');
  });
});

describe('surveys', () => {
  it('bounds answers to their scales', () => {
    const found = errors(EmployeeAnswer, { fair: 0, clarity: 6, plan: 3, respected: 4, nps: 11 });
    expect(found.map((e) => e.path).sort()).toEqual(['clarity', 'fair', 'nps']);
  });

  it('keeps a response apart from its link token', () => {
    const r = SurveyResponse.safeParse({
      id: uuid(),
      surveyId: uuid(),
      sessionId: uuid(),
      kind: 'manager',
      answers: { consensus: 4, plan: 4, prepared: 5 },
      token: 'abc',
    });
    expect(r.success).toBe(false);
  });
});

describe('sync request', () => {
  it('defaults to an empty push and checks pushed records by path', () => {
    expect(SyncRequest.parse({}).push).toEqual({});
    const found = errors(SyncRequest, {
      push: {
        sessions: [{ id: uuid(), employeeId: 'e', cycleId: 'c', kind: 'plan', status: 'planned' }],
        deletes: [{ type: 'meeting', id: uuid(), baseVersion: 1 }],
      },
    });
    expect(found.map((e) => e.path).sort()).toEqual(['push.deletes.0.type', 'push.sessions.0.baseVersion']);
  });
});
