/** The invite and call wiring: invites become sessions (or a review the Prepare tab shows). */
import { batch } from '@preact/signals';
import { browser } from 'wxt/browser';
import { type AgendaContext, agendaFromInvite, type InviteAgenda } from '../../../shared/invite/agenda';
import type { InviteInfo } from '../../../shared/invite/types';
import type { ConversationKind, Session } from '../../../shared/schemas/records';
import type { PendingInvite } from '../../adapters/messages';
import { STORAGE_KEYS } from '../../adapters/messages';
import { selectTab } from '../../entrypoints/sidepanel/state';
import { addPerson, createRecord, cycles, editSession, setLocalMeta, team } from '../../store';
import { withLock } from '../../store/storage';
import { cycleFor, selectSession } from '../model';
import { linkKey, matchInviteSession } from './match';
import { scheduleCalls } from './wiring-calls';
import {
  type Answers,
  type Guest,
  type InviteReview,
  type InviteSource,
  identity,
  importError,
  liveSessions,
  nowSec,
  type Question,
  review,
  sessionById,
  timeZone,
} from './wiring-state';

// ---------------------------------------------------------------------------------------------
// Invites

/** The guests of an invite who are not the manager (and not rooms). */
export function inviteGuests(invite: InviteInfo, me: { email?: string; name?: string }): Guest[] {
  const email = me.email?.toLowerCase();
  const out: Guest[] = [];
  const organizerIsMe =
    !!invite.organizer &&
    (!email ||
      invite.organizer.email?.toLowerCase() === email ||
      (!!me.name && invite.organizer.name === me.name));
  for (const a of invite.attendees) {
    if (email && a.email?.toLowerCase() === email) continue;
    if (me.name && a.name === me.name) continue;
    if (a.organizer && (organizerIsMe || !email)) continue;
    if (a.email && /(?:^|\.)resource\.calendar\.google\.com$|^c_[\w.-]*@/i.test(a.email.split('@')[1] ?? ''))
      continue;
    if (!a.name && !a.email) continue;
    if (out.some((g) => (g.email && g.email === a.email) || (!g.email && g.name === a.name))) continue;
    out.push({ ...(a.name ? { name: a.name } : {}), ...(a.email ? { email: a.email.toLowerCase() } : {}) });
  }
  return out;
}

function agendaFor(invite: InviteInfo): InviteAgenda {
  const me = identity();
  const ctx: AgendaContext = {
    ...(me.email ? { managerEmail: me.email } : {}),
    ...(me.name ? { managerName: me.name } : {}),
    roster: team.value.filter((p) => !p.left).map((p) => ({ id: p.id, name: p.name, email: p.email })),
    cycles: cycles.value.map((c) => ({ id: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn })),
    now: new Date(),
    timeZone: timeZone(),
  };
  return agendaFromInvite(invite, ctx);
}

/** Open an invite: straight to its session when nothing is unsure, else ask (the Prepare tab shows it). */
export async function takeInvite(
  invite: InviteInfo,
  source: InviteSource,
  extra: { pendingAt?: string; others?: InviteInfo[] } = {},
): Promise<void> {
  const agenda = agendaFor(invite);
  const needs: Question[] = [];
  for (const q of agenda.questions) {
    if (q.id === 'employee' || q.id === 'kind' || q.id === 'cycle') needs.push(q.id);
  }
  const r: InviteReview = {
    id: extra.pendingAt ?? crypto.randomUUID(),
    source,
    invite,
    agenda,
    needs,
    guests: inviteGuests(invite, identity()),
    ...(extra.pendingAt ? { pendingAt: extra.pendingAt } : {}),
    ...(extra.others?.length ? { others: extra.others } : {}),
  };
  batch(() => {
    importError.value = null;
    review.value = r;
  });
  selectTab('prepare');
  if (needs.length === 0) await applyReview({});
}

/** Make or open the session of the invite under review, with the manager's answers. */
export async function applyReview(answers: Answers): Promise<void> {
  const r = review.value;
  if (!r || r.done) return;
  const { agenda, invite } = r;
  let employeeId = answers.employeeId ?? agenda.employee.employeeId;
  if (answers.newPerson) {
    const existing = team.value.find(
      (p) => p.email && p.email.toLowerCase() === answers.newPerson!.email.trim().toLowerCase(),
    );
    employeeId = existing?.id ?? crypto.randomUUID();
    if (!existing)
      await addPerson({
        id: employeeId,
        name: answers.newPerson.name.trim(),
        email: answers.newPerson.email.trim().toLowerCase(),
      });
  }
  if (!employeeId) return;
  const at = agenda.scheduledAt;
  const kind: ConversationKind = answers.kind ?? agenda.kind.value ?? 'review';
  const cycleId = answers.cycleId ?? agenda.cycleId ?? cycleFor(at ? new Date(at) : new Date());
  const match = matchInviteSession(
    liveSessions(),
    { employeeId, kind, scheduledAt: at ?? null, meetingUrl: agenda.meetingUrl ?? null },
    { includeCancelled: invite.cancelled === true },
  );
  const minutes = agenda.durationMin;
  const plannedMinutes = minutes !== undefined && minutes >= 10 && minutes <= 240 ? minutes : undefined;
  // The employee is a guest of the calendar event: they have been invited (by now at the latest).
  const invited =
    r.source !== 'text' &&
    agenda.employee.candidates.some((c) => c.employeeId === employeeId && c.by !== 'title');

  let done: NonNullable<InviteReview['done']>;
  if (match.kind === 'existing') {
    const s = sessionById(match.sessionId)!;
    const id = s.id;
    if (at && s.scheduledAt !== at) editSession(id, 'scheduledAt', at);
    if (agenda.meetingUrl && linkKey(s.meetingUrl) !== linkKey(agenda.meetingUrl))
      editSession(id, 'meetingUrl', agenda.meetingUrl);
    if (answers.kind && s.kind !== answers.kind) editSession(id, 'kind', answers.kind);
    if (answers.cycleId && s.cycleId !== answers.cycleId) editSession(id, 'cycleId', answers.cycleId);
    if (s.status === 'planned' && at) editSession(id, 'status', 'scheduled');
    if (invited && !s.invitedAt) editSession(id, 'invitedAt', nowSec());
    const local: { plannedMinutes?: number; selfAssessmentAsked?: boolean } = {};
    if (plannedMinutes) local.plannedMinutes = plannedMinutes;
    if (agenda.booking.selfAssessmentAsked) local.selfAssessmentAsked = true;
    if (Object.keys(local).length) setLocalMeta('session', id, local);
    selectSession(id);
    done = { sessionId: id, outcome: 'opened' };
  } else if (invite.cancelled) {
    done = { sessionId: null, outcome: 'cancelled-none' };
  } else {
    const id = crypto.randomUUID();
    const s: Session = {
      id,
      employeeId,
      cycleId,
      kind,
      status: at ? 'scheduled' : 'planned',
      ...(at ? { scheduledAt: at } : {}),
      ...(agenda.meetingUrl ? { meetingUrl: agenda.meetingUrl } : {}),
      ...(invited ? { invitedAt: nowSec() } : {}),
      checklist: [],
    };
    createRecord('session', s, {
      plannedMinutes: plannedMinutes ?? 60,
      ...(agenda.booking.selfAssessmentAsked ? { selfAssessmentAsked: true } : {}),
    });
    selectSession(id);
    done = { sessionId: id, outcome: 'created' };
  }
  review.value = { ...r, done };
  selectTab('prepare');
  if (r.pendingAt) await consumePending(r.pendingAt);
  scheduleCalls();
}

/** The manager confirms a cancelling invite: the talk is marked cancelled. */
export function cancelReviewed(): void {
  const id = review.value?.done?.sessionId;
  if (id) editSession(id, 'status', 'cancelled');
}

/** Close the review card; a calendar invite not made into a session is let go. */
export async function dismissReview(): Promise<void> {
  const r = review.value;
  review.value = null;
  if (r?.pendingAt) await consumePending(r.pendingAt);
}

/** Pick another event of the same `.ics` file. */
export async function switchEvent(invite: InviteInfo): Promise<void> {
  const r = review.value;
  if (!r) return;
  const others = [r.invite, ...(r.others ?? [])].filter((x) => x !== invite);
  await takeInvite(invite, r.source, { others });
}

async function consumePending(receivedAt: string): Promise<void> {
  await withLock(async () => {
    const got = await browser.storage.local.get(STORAGE_KEYS.pendingInvite);
    const p = got[STORAGE_KEYS.pendingInvite] as PendingInvite | undefined;
    if (p && p.receivedAt === receivedAt) await browser.storage.local.remove(STORAGE_KEYS.pendingInvite);
  });
}

let lastPending: string | null = null;

export async function onPendingInvite(p: PendingInvite | undefined): Promise<void> {
  if (!p?.invite || typeof p.receivedAt !== 'string' || p.receivedAt === lastPending) return;
  lastPending = p.receivedAt;
  // Validated by the background already; a bad value is dropped rather than shown.
  if (!Array.isArray(p.invite.attendees)) return consumePending(p.receivedAt);
  await takeInvite(await withPageText(p), 'calendar', { pendingAt: p.receivedAt });
}

/**
 * The adapter found the event but read no usable time (the site's time markup changed): the
 * event's visible text goes through the pasted-invite parser, and what that finds fills the gaps.
 */
async function withPageText(p: PendingInvite): Promise<InviteInfo> {
  if (p.invite.start || typeof p.pageText !== 'string' || !p.pageText.trim()) return p.invite;
  try {
    const { parseInviteText } = await import('../../../shared/invite/text');
    const r = parseInviteText(p.pageText, { now: new Date(), timeZone: timeZone() });
    if (!r.ok) return p.invite;
    const read = r.invite;
    return {
      ...read,
      ...p.invite,
      ...(read.start ? { start: read.start } : {}),
      ...(read.end ? { end: read.end } : {}),
      ...(read.allDay ? { allDay: true } : {}),
      attendees: p.invite.attendees.length ? p.invite.attendees : read.attendees,
      source: p.invite.source,
    };
  } catch {
    return p.invite;
  }
}
