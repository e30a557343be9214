/**
 * What every invite source produces (calendar pages, `.ics` files, pasted invite text), and the zod
 * schema that checks it when a content script sends it over extension messaging.
 *
 * Other modules import from here with `import type` only, so that a content script that parses
 * links or text never pulls zod into its bundle; whoever receives a message validates it with
 * `InviteInfoSchema`.
 */
import { z } from 'zod';
import { Instant } from '../schemas/common';

export type Localized = { 'zh-CN': string; en: string };

export const INVITE_SOURCES = ['google-calendar', 'outlook', 'feishu', 'ics', 'text'] as const;
export type InviteSource = (typeof INVITE_SOURCES)[number];

const Str = (max: number) => z.string().max(max, `at most ${max} characters`);

export const InvitePersonSchema = z
  .object({
    name: Str(300).optional(),
    email: Str(320)
      .pipe(z.email({ message: 'expected an email address' }))
      .optional(),
  })
  .strict();

export const InviteAttendeeSchema = InvitePersonSchema.extend({ organizer: z.boolean().optional() }).strict();

export const InviteRecurrenceSchema = z
  .object({
    /** The RRULE value, e.g. `FREQ=WEEKLY;BYDAY=TU`. */
    rule: Str(1_000).optional(),
    /** The start of the instance this invite stands for (the next one not yet over, else the first). */
    instanceStart: Instant.optional(),
    /** The slot the instance was generated for (its RECURRENCE-ID), when it was moved by an override. */
    recurrenceId: Instant.optional(),
  })
  .strict();

export const MAX_ATTENDEES = 1_000;
export const MAX_DESCRIPTION = 50_000;

export const InviteInfoSchema = z
  .object({
    source: z.enum(INVITE_SOURCES),
    /** The calendar's own id for the event (iCalendar UID), when known. */
    uid: Str(1_000).optional(),
    title: Str(1_000).optional(),
    /**
     * ISO 8601 UTC instants. For all-day events (`allDay: true`) they are the dates at 00:00Z and
     * `end` is exclusive (the day after the last day): read them as dates, not as instants.
     */
    start: Instant.optional(),
    end: Instant.optional(),
    /** The IANA zone the invite was written in (or a fixed offset such as `+08:00`), when known. */
    timeZone: Str(100).optional(),
    allDay: z.boolean().optional(),
    attendees: z.array(InviteAttendeeSchema).max(MAX_ATTENDEES),
    organizer: InvitePersonSchema.optional(),
    description: Str(MAX_DESCRIPTION).optional(),
    location: Str(2_000).optional(),
    meetingUrl: z
      .url({ protocol: /^https?$/, message: 'expected an http(s) URL' })
      .max(2_000)
      .optional(),
    recurrence: InviteRecurrenceSchema.optional(),
    /** The invite cancels the event (iCalendar `STATUS:CANCELLED` or `METHOD:CANCEL`). */
    cancelled: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.start && v.end && v.end < v.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
    }
  });

export type InvitePerson = z.infer<typeof InvitePersonSchema>;
export type InviteAttendee = z.infer<typeof InviteAttendeeSchema>;
export type InviteRecurrence = z.infer<typeof InviteRecurrenceSchema>;
export type InviteInfo = z.infer<typeof InviteInfoSchema>;

/** Why an invite could not be read: a stable code for programs and a message for people. */
export type InviteError<Code extends string = string> = { code: Code; message: Localized };

export type InviteResult<T, Code extends string = string> =
  | ({ ok: true } & T)
  | { ok: false; error: InviteError<Code> };
