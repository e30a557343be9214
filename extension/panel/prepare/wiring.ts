/**
 * The side panel's side of the page adapters (issue 6): invites become sessions, calls become
 * `startedAt`/`endedAt`, the meeting launcher selects its session. Loaded after the first paint
 * (`start.ts`); it reads and follows the keys the background writes (`extension/adapters/README.md`):
 *
 * - `tandem:pendingInvite`: run `agendaFromInvite` with the roster, the cycles and the manager's
 *   identity, then create or open the matching session (`matchInviteSession`). When the invite
 *   leaves something open (who, which kind, which cycle) the Prepare tab asks instead of guessing;
 *   the key is removed once the invite has become a session (or the manager dismissed it).
 * - `tandem:calls`: `planCallTimes` over the live sessions, applied as ordinary edits (so they sync),
 *   remembering what was filled in (`local.fromCall`) so the manager's own times are never changed.
 * - `tandem:panelRequest`: `matchPanelRequest`; a talk found by time takes the meeting's link.
 *
 * `.ics` files and pasted invite text go through the same path (`importIcsFile`, `importText`);
 * their parsers load on demand (ical.js stays out of the panel's first load).
 */
import { batch, computed, effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { type AgendaContext, agendaFromInvite, type InviteAgenda } from '../../../shared/invite/agenda';
import type { InviteInfo, Localized } from '../../../shared/invite/types';
import type { ConversationKind, Session } from '../../../shared/schemas/records';
import type { CallRecord, PanelRequest, PendingInvite } from '../../adapters/messages';
import { STORAGE_KEYS } from '../../adapters/messages';
import { selectTab } from '../../entrypoints/sidepanel/state';
import {
  addPerson,
  connection,
  createRecord,
  cycles,
  editSession,
  sessions,
  setLocalMeta,
  team,
} from '../../store';
import { withLock } from '../../store/storage';
import { currentId, cycleFor, selectSession } from '../model';
import { type FromCall, linkKey, matchInviteSession, matchPanelRequest, planCallTimes } from './match';

export const IDENTITY_KEY = 'tandem:me';
/** Launcher requests older than this are dropped, not acted on. */
export const PANEL_REQUEST_MAX_AGE_MS = 2 * 3_600_000;
const MAX_FILE_BYTES = 20_000_000;

export type InviteSource = 'calendar' | 'ics' | 'text';
export type Question = 'employee' | 'kind' | 'cycle';

export interface Guest {
  name?: string;
  email?: string;
}

export interface InviteReview {
  /** Unique per review (the pending invite's `receivedAt` for calendar invites). */
  id: string;
  source: InviteSource;
  invite: InviteInfo;
  agenda: InviteAgenda;
  /** What the manager must answer before the session is made. */
  needs: Question[];
  /** Guests who are not the manager (offered as new team members when nobody matched). */
  guests: Guest[];
  /** `receivedAt` of the `tandem:pendingInvite` it came from. */
  pendingAt?: string;
  /** Other events of the same `.ics` file. */
  others?: InviteInfo[];
  done?: { sessionId: string | null; outcome: 'created' | 'opened' | 'cancelled-none' };
  error?: Localized;
}

export interface Answers {
  employeeId?: string;
  newPerson?: { name: string; email: string };
  kind?: ConversationKind;
  cycleId?: string;
}

export interface PanelChoice {
  request: PanelRequest;
  candidates: string[];
}

export const review = signal<InviteReview | null>(null);
export const importError = signal<Localized | null>(null);
export const importing = signal(false);
export const panelChoice = signal<PanelChoice | null>(null);
/** The manager's own email and name when no service is connected (from the panel's field). */
export const soloIdentity = signal<{ email?: string; name?: string }>({});

export function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const nowSec = () => `${new Date().toISOString().slice(0, 19)}Z`;

/** The manager as the invite should see them: the connected user, else what they typed in. */
export function identity(): { email?: string; name?: string } {
  const user = connection.value?.user;
  if (user) return { email: user.email, name: user.name };
  return soloIdentity.value;
}

export async function saveSoloIdentity(email: string, name?: string): Promise<void> {
  const value = { ...(email.trim() ? { email: email.trim().toLowerCase() } : {}), ...(name ? { name } : {}) };
  soloIdentity.value = value;
  await browser.storage.local.set({ [IDENTITY_KEY]: value });
}

function liveSessions(): Session[] {
  return sessions.value.map((e) => e.data);
}

function sessionById(id: string): Session | undefined {
  return sessions.value.find((e) => e.id === id)?.data;
}

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

async function onPendingInvite(p: PendingInvite | undefined): Promise<void> {
  if (!p?.invite || typeof p.receivedAt !== 'string' || p.receivedAt === lastPending) return;
  lastPending = p.receivedAt;
  // Validated by the background already; a bad value is dropped rather than shown.
  if (!Array.isArray(p.invite.attendees)) return consumePending(p.receivedAt);
  await takeInvite(p.invite, 'calendar', { pendingAt: p.receivedAt });
}

/** Pasted invite text → the same path as a calendar invite. Never throws. */
export function importText(text: string): Promise<boolean> {
  return runImport(async () => {
    const { parseInviteText } = await import('../../../shared/invite/text');
    const r = parseInviteText(text, { now: new Date(), timeZone: timeZone() });
    if (!r.ok) {
      importError.value = r.error.message;
      return false;
    }
    await takeInvite(r.invite, 'text');
    return true;
  });
}

/** An `.ics` file → its event (the next one not over, else the first). Never throws. */
export function importIcsFile(file: Blob & { name?: string }): Promise<boolean> {
  return runImport(async () => {
    if (file.size > MAX_FILE_BYTES) {
      importError.value = {
        'zh-CN': '文件太大，不像是一个会议邀请（上限 5 MB）。',
        en: 'The file is too large to be a meeting invite (limit 5 MB).',
      };
      return false;
    }
    const text = await file.text();
    const { parseIcs } = await import('../../../shared/invite/ics');
    const r = parseIcs(text, { now: new Date(), timeZone: timeZone() });
    if (!r.ok) {
      importError.value = r.error.message;
      return false;
    }
    const now = Date.now();
    const events = [...r.events];
    const next =
      events.find((e) => !e.cancelled && e.end && Date.parse(e.end) >= now) ??
      events.find((e) => !e.cancelled) ??
      events[0]!;
    await takeInvite(next, 'ics', { others: events.filter((e) => e !== next).slice(0, 20) });
    return true;
  });
}

/** One import with `importing` on while it runs; whatever it throws becomes the import's error. */
async function runImport(run: () => Promise<boolean>): Promise<boolean> {
  importing.value = true;
  try {
    return await run();
  } catch (e) {
    importError.value = failure(e);
    return false;
  } finally {
    importing.value = false;
  }
}

function failure(e: unknown): Localized {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    'zh-CN': `无法读取这份邀请（${detail}）。`,
    en: `This invite could not be read (${detail}).`,
  };
}

// ---------------------------------------------------------------------------------------------
// Calls

let callTimer: ReturnType<typeof setTimeout> | null = null;

/** Apply `tandem:calls` to the sessions soon (debounced). */
export function scheduleCalls(delayMs = 150): void {
  if (callTimer) clearTimeout(callTimer);
  callTimer = setTimeout(() => {
    callTimer = null;
    void applyCalls();
  }, delayMs);
}

export async function applyCalls(): Promise<number> {
  const got = await browser.storage.local.get(STORAGE_KEYS.calls);
  const raw = got[STORAGE_KEYS.calls];
  const calls = Array.isArray(raw) ? (raw as CallRecord[]) : [];
  if (calls.length === 0) return 0;
  const list = sessions.value.map((e) => ({
    session: e.data,
    fromCall: (e.local?.fromCall ?? null) as FromCall | null,
  }));
  const updates = planCallTimes(list, calls);
  for (const u of updates) {
    for (const [field, value] of Object.entries(u.set)) editSession(u.sessionId, field, value);
    setLocalMeta('session', u.sessionId, { fromCall: u.fromCall });
  }
  return updates.length;
}

// ---------------------------------------------------------------------------------------------
// The launcher

let lastRequest: string | null = null;

async function onPanelRequest(req: PanelRequest | undefined): Promise<void> {
  if (!req?.meetingUrl || typeof req.at !== 'string') return;
  const key = `${req.at}|${req.meetingUrl}|${req.tabId}`;
  if (key === lastRequest) return;
  lastRequest = key;
  if (Date.now() - Date.parse(req.at) > PANEL_REQUEST_MAX_AGE_MS) return consumeRequest(req);
  const m = matchPanelRequest(liveSessions(), req);
  if (m.kind === 'session') {
    openForCall(m.sessionId, req, m.setLink);
    await consumeRequest(req);
  } else {
    panelChoice.value = { request: req, candidates: m.candidates };
    selectTab('prepare');
  }
}

function openForCall(sessionId: string, req: PanelRequest, setLink: boolean): void {
  const s = sessionById(sessionId);
  if (s && setLink && !s.meetingUrl) editSession(sessionId, 'meetingUrl', req.meetingUrl);
  selectSession(sessionId);
  selectTab('talk');
  scheduleCalls();
}

/** The manager picked the talk for the meeting the launcher was clicked in (null: a new talk). */
export async function choosePanelSession(sessionId: string | null): Promise<void> {
  const c = panelChoice.value;
  if (!c) return;
  panelChoice.value = null;
  if (sessionId) openForCall(sessionId, c.request, true);
  else {
    selectSession(null);
    selectTab('prepare');
  }
  await consumeRequest(c.request);
}

export async function dismissPanelChoice(): Promise<void> {
  const c = panelChoice.value;
  panelChoice.value = null;
  if (c) await consumeRequest(c.request);
}

async function consumeRequest(req: PanelRequest): Promise<void> {
  await withLock(async () => {
    const got = await browser.storage.local.get(STORAGE_KEYS.panelRequest);
    const now = got[STORAGE_KEYS.panelRequest] as PanelRequest | undefined;
    if (now && now.at === req.at && now.meetingUrl === req.meetingUrl)
      await browser.storage.local.remove(STORAGE_KEYS.panelRequest);
  });
}

// ---------------------------------------------------------------------------------------------
// Start

let started = false;

/** Follow the adapters' keys from now on (once per panel). */
export async function start(): Promise<void> {
  if (started) return;
  started = true;
  const keys = [STORAGE_KEYS.pendingInvite, STORAGE_KEYS.calls, STORAGE_KEYS.panelRequest, IDENTITY_KEY];
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (IDENTITY_KEY in changes)
      soloIdentity.value = (changes[IDENTITY_KEY]?.newValue as typeof soloIdentity.value | undefined) ?? {};
    if (STORAGE_KEYS.pendingInvite in changes)
      void onPendingInvite(changes[STORAGE_KEYS.pendingInvite]?.newValue as PendingInvite | undefined);
    if (STORAGE_KEYS.panelRequest in changes)
      void onPanelRequest(changes[STORAGE_KEYS.panelRequest]?.newValue as PanelRequest | undefined);
    if (STORAGE_KEYS.calls in changes) scheduleCalls();
  });
  const got = await browser.storage.local.get(keys);
  soloIdentity.value = (got[IDENTITY_KEY] as typeof soloIdentity.value | undefined) ?? {};
  await onPendingInvite(got[STORAGE_KEYS.pendingInvite] as PendingInvite | undefined);
  await onPanelRequest(got[STORAGE_KEYS.panelRequest] as PanelRequest | undefined);
  // Calls follow the sessions' meeting links: a link set later still picks its call up.
  const links = computed(() =>
    sessions.value.map((e) => `${e.id}=${e.data.meetingUrl ?? ''}:${e.data.status}`).join('|'),
  );
  effect(() => {
    void links.value;
    scheduleCalls();
  });
  // A message about an invite that could not be read belongs to the talk it was tried on.
  let shownFor = currentId.peek();
  effect(() => {
    if (currentId.value !== shownFor) {
      shownFor = currentId.value;
      importError.value = null;
    }
  });
}
