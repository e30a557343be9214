import { z } from 'zod';
import { DateOnly, Email, Id, Instant, Text, Version } from './common';

export const Role = z.enum(['manager', 'hr']);
export const ConversationKind = z.enum(['plan', 'coaching', 'review']);
export const SessionStatus = z.enum(['planned', 'scheduled', 'held', 'recorded', 'cancelled']);
export const EmployeeTypeId = z.enum(['mature', 'wavering', 'confused', 'disengaged']);
export const CauseCategoryId = z.enum(['understanding', 'skill', 'resources', 'motivation', 'collaboration']);
export const Consensus = z.enum(['agreed', 'partial', 'disagreed']);
export const ActionItemOwner = z.enum(['employee', 'manager']);
export const ActionItemStatus = z.enum(['open', 'done', 'dropped']);
export const EmploymentStatus = z.enum(['active', 'left']);
export const SurveyKind = z.enum(['employee', 'manager']);

/** A user of the service (manager or HR). The token itself is never part of a record. */
export const User = z
  .object({
    id: Id,
    name: Text(200).min(1, 'required'),
    email: Email,
    role: Role,
    department: Text(200).nullish(),
    createdAt: Instant,
  })
  .strict();

export const NewUser = User.pick({ name: true, email: true, role: true, department: true }).strict();

/** One roster row. `left` needs `leftOn`; `managerEmail` may be empty for the top of the tree. */
export const Employee = z
  .object({
    id: Text(200).min(1, 'required'),
    name: Text(200).min(1, 'required'),
    email: Email,
    department: Text(200).nullish(),
    managerEmail: Email.nullish(),
    status: EmploymentStatus,
    leftOn: DateOnly.nullish(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.status === 'left' && !e.leftOn) {
      ctx.addIssue({ code: 'custom', path: ['leftOn'], message: 'required when status is left' });
    }
  });

export const Cycle = z
  .object({
    id: Text(100).min(1, 'required'),
    name: Text(200).min(1, 'required'),
    startsOn: DateOnly,
    endsOn: DateOnly,
  })
  .strict()
  .refine((c) => c.startsOn <= c.endsOn, { path: ['endsOn'], message: 'must not be before startsOn' });

export const Rating = z
  .object({
    employeeId: Text(200).min(1, 'required'),
    cycleId: Text(100).min(1, 'required'),
    rating: z.number().min(1, 'at least 1').max(5, 'at most 5'),
  })
  .strict();

export const Cause = z.object({ category: CauseCategoryId, text: Text(5_000) }).strict();

export const Agenda = z
  .object({
    strengths: Text().nullish(),
    gaps: Text().nullish(),
    causes: z.array(Cause).max(50).nullish(),
    nextGoals: Text().nullish(),
    questions: z.array(Text(2_000)).max(30).nullish(),
  })
  .strict();

const StepNumber = z.number().int().min(1).max(12);

const Share = z.number().min(0, 'from 0 to 1').max(1, 'from 0 to 1');
/** How far the three shares may sum from 1 (they are rounded to 3 places each). */
export const LISTENING_SUM_TOLERANCE = 0.01;

/**
 * The listening balance of a talk (issue 18): shares of the time the manager, the other side and
 * nobody spoke, measured live on the manager's machine. Only these numbers are kept; no audio.
 */
export const Listening = z
  .object({
    managerShare: Share,
    otherShare: Share,
    silenceShare: Share,
    longestMonologueSeconds: z.number().min(0, 'must not be negative').max(86_400, 'at most a day'),
    /** null when nobody had spoken yet. */
    employeeSpokeFirst: z.boolean().nullable(),
  })
  .strict()
  .refine((l) => Math.abs(l.managerShare + l.otherShare + l.silenceShare - 1) <= LISTENING_SUM_TOLERANCE, {
    path: ['silenceShare'],
    message: 'managerShare, otherShare and silenceShare must add up to 1',
  });

export const Session = z
  .object({
    id: Id,
    employeeId: Text(200).min(1, 'required'),
    cycleId: Text(100).min(1, 'required'),
    kind: ConversationKind,
    status: SessionStatus,
    scheduledAt: Instant.nullish(),
    invitedAt: Instant.nullish(),
    startedAt: Instant.nullish(),
    endedAt: Instant.nullish(),
    recordedAt: Instant.nullish(),
    mainGoal: Text(2_000).nullish(),
    employeeType: EmployeeTypeId.nullish(),
    agenda: Agenda.nullish(),
    notes: Text(100_000).nullish(),
    /** The manager's alone: never sent to HR, never exported, never in metrics. */
    privateNotes: Text(100_000).nullish(),
    selfAssessment: Text(20_000).nullish(),
    checklist: z
      .array(StepNumber)
      .max(12)
      .refine((a) => new Set(a).size === a.length, 'steps must not repeat')
      .nullish(),
    consensus: Consensus.nullish(),
    appealed: z.boolean().nullish(),
    meetingUrl: z
      .url({ protocol: /^https?$/, message: 'expected an http(s) URL' })
      .max(2_000)
      .nullish(),
    /** null (or absent) when the listening meter was off. */
    listening: Listening.nullish(),
    version: Version.optional(),
    updatedAt: Instant.nullish(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.startedAt && s.endedAt && s.endedAt < s.startedAt) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'must not be before startedAt' });
    }
  });

export const CheckIn = z.object({ at: Instant, note: Text(5_000) }).strict();

export const ActionItem = z
  .object({
    id: Id,
    sessionId: Id,
    title: Text(1_000).min(1, 'required'),
    owner: ActionItemOwner,
    dueOn: DateOnly.nullish(),
    measure: Text(2_000).nullish(),
    status: ActionItemStatus,
    doneAt: Instant.nullish(),
    checkIns: z.array(CheckIn).max(500).nullish(),
    version: Version.optional(),
    updatedAt: Instant.nullish(),
  })
  .strict();

/** A survey link issued for a recorded session. The link token is stored only as a hash. */
export const Survey = z
  .object({
    id: Id,
    sessionId: Id,
    kind: SurveyKind,
    sendAfter: Instant,
    expiresAt: Instant,
    sentAt: Instant.nullish(),
    answeredAt: Instant.nullish(),
    createdAt: Instant,
  })
  .strict();

const Likert = z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5');
const Comment = Text(2_000).trim().optional();

export const EmployeeAnswer = z
  .object({
    fair: Likert,
    clarity: Likert,
    plan: Likert,
    respected: Likert,
    nps: z.number().int().min(0, 'from 0 to 10').max(10, 'from 0 to 10'),
    comment: Comment,
  })
  .strict();

export const ManagerAnswer = z
  .object({ consensus: Likert, plan: Likert, prepared: Likert, comment: Comment })
  .strict();

/**
 * A stored survey answer: linked to its session (for grouping) but never to the link token,
 * an address or a browser.
 */
export const SurveyResponse = z.discriminatedUnion('kind', [
  z
    .object({ id: Id, surveyId: Id, sessionId: Id, kind: z.literal('employee'), answers: EmployeeAnswer })
    .strict(),
  z
    .object({ id: Id, surveyId: Id, sessionId: Id, kind: z.literal('manager'), answers: ManagerAnswer })
    .strict(),
]);

export type Role = z.infer<typeof Role>;
export type ConversationKind = z.infer<typeof ConversationKind>;
export type SessionStatus = z.infer<typeof SessionStatus>;
export type EmployeeTypeId = z.infer<typeof EmployeeTypeId>;
export type CauseCategoryId = z.infer<typeof CauseCategoryId>;
export type User = z.infer<typeof User>;
export type NewUser = z.infer<typeof NewUser>;
export type Employee = z.infer<typeof Employee>;
export type Cycle = z.infer<typeof Cycle>;
export type Rating = z.infer<typeof Rating>;
export type Agenda = z.infer<typeof Agenda>;
export type Listening = z.infer<typeof Listening>;
export type Session = z.infer<typeof Session>;
export type CheckIn = z.infer<typeof CheckIn>;
export type ActionItem = z.infer<typeof ActionItem>;
export type Survey = z.infer<typeof Survey>;
export type EmployeeAnswer = z.infer<typeof EmployeeAnswer>;
export type ManagerAnswer = z.infer<typeof ManagerAnswer>;
export type SurveyResponse = z.infer<typeof SurveyResponse>;
