/**
 * Follow-up state shared by the background, the side panel and the options page (issues 7 and 9):
 * storage keys, shapes and small pure helpers. No zod, no network: the side panel and the options
 * page import this, and it must stay light.
 *
 * | key                    | written by              | what                                                      |
 * |------------------------|-------------------------|-----------------------------------------------------------|
 * | `tandem:reminderPrefs` | options page            | `ReminderSettings`: on/off, quiet hours, per-kind switches |
 * | `tandem:reminded`      | background              | `NotifiedLog`: reminder ids already notified, with time   |
 * | `tandem:outbox`        | background              | `OutboxCache`: the survey outbox as last fetched          |
 * | `tandem:panelTarget`   | background, panel       | `PanelTarget`: where the side panel should go             |
 * | `tandem:reminderState` | background              | `ReminderState`: badge count and the next check (for UI)  |
 */
import { browser } from 'wxt/browser';
import type { Reminder, ReminderKind, ReportLike } from '../../shared/followup/reminders';
import type { QuietHours } from '../../shared/followup/time';
import type { People } from '../../shared/sync/engine';
import { PANEL_TARGET_KEY, type PanelTab, type PanelTarget } from './panel-target';

export {
  isPanelTarget,
  PANEL_TARGET_KEY,
  type PanelTab,
  type PanelTarget,
  TARGET_FRESH_MS,
} from './panel-target';

export const FOLLOWUP_KEYS = {
  prefs: 'tandem:reminderPrefs',
  /** The same key the first reminder version used (a plain id list then; read both). */
  notified: 'tandem:reminded',
  outbox: 'tandem:outbox',
  panelTarget: PANEL_TARGET_KEY,
  state: 'tandem:reminderState',
} as const;

/** The older preferences (`tandem:prefs`), read once to carry the manager's choices over. */
const LEGACY_PREFS_KEY = 'tandem:prefs';

export const KIND_ORDER: readonly ReminderKind[] = [
  'record',
  'action-due',
  'prepare',
  'invite',
  'survey',
  'coverage',
];

// ---------------------------------------------------------------------------------------------
// Settings

export interface ReminderSettings {
  /** Show notifications and the badge at all. */
  enabled: boolean;
  /** No notification inside this local period (they wait until it ends); null: none. */
  quietHours: QuietHours | null;
  /** A kind set to false is neither notified nor counted on the badge (the panel still lists it). */
  kinds: Record<ReminderKind, boolean>;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: true,
  quietHours: DEFAULT_QUIET_HOURS,
  kinds: { record: true, 'action-due': true, prepare: true, invite: true, survey: true, coverage: true },
};

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whatever is stored, a complete and valid settings object. */
export function normalizeSettings(raw: unknown, legacy?: unknown): ReminderSettings {
  const d = DEFAULT_REMINDER_SETTINGS;
  if (!raw || typeof raw !== 'object') {
    // First run of this version: carry over the older switches if any.
    const old = (legacy && typeof legacy === 'object' ? legacy : {}) as Record<string, unknown>;
    return {
      ...d,
      kinds: {
        ...d.kinds,
        ...(old.dueReminders === false ? { 'action-due': false } : {}),
        ...(old.prepareReminders === false ? { prepare: false } : {}),
        ...(old.recordReminderHours === 0 ? { record: false } : {}),
      },
    };
  }
  const r = raw as Partial<ReminderSettings>;
  const q = r.quietHours;
  const quietHours =
    q === null
      ? null
      : q && typeof q === 'object' && HHMM.test(String(q.start)) && HHMM.test(String(q.end))
        ? { start: q.start, end: q.end }
        : d.quietHours;
  const kinds = { ...d.kinds };
  for (const k of KIND_ORDER) if (typeof r.kinds?.[k] === 'boolean') kinds[k] = r.kinds[k];
  return { enabled: r.enabled !== false, quietHours, kinds };
}

export async function readReminderSettings(): Promise<ReminderSettings> {
  const got = await browser.storage.local.get([FOLLOWUP_KEYS.prefs, LEGACY_PREFS_KEY]);
  return normalizeSettings(got[FOLLOWUP_KEYS.prefs], got[LEGACY_PREFS_KEY]);
}

export async function writeReminderSettings(s: ReminderSettings): Promise<void> {
  await browser.storage.local.set({ [FOLLOWUP_KEYS.prefs]: normalizeSettings(s) });
}

/** The manager's time zone, as the browser knows it (falls back to UTC). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

// ---------------------------------------------------------------------------------------------
// The survey outbox

/** One item of `GET /api/v1/surveys/outbox`. */
export interface OutboxItem {
  surveyId: string;
  sessionId: string;
  kind: 'employee' | 'manager';
  url: string;
  sendAfter: string;
  expiresAt: string;
  message: { 'zh-CN': string; en: string };
}

export interface OutboxCache {
  /** The service the items came from; a cache of another service is ignored. */
  url: string;
  /** When the service last answered (ISO). */
  fetchedAt: string;
  items: OutboxItem[];
  /** Marked sent here but not yet confirmed by the service (offline): hidden, retried. */
  pendingSent: string[];
  /** The last fetch failed (ISO of the failure); the items are the older copy. */
  failedAt?: string;
}

/** The items to show at `now`: due, not expired, not marked sent here; null when not connected to `url`. */
export function dueOutbox(cache: OutboxCache | null, url: string | null, now: Date): OutboxItem[] | null {
  if (!url) return null;
  if (!cache || cache.url !== url) return [];
  const at = now.toISOString();
  const sent = new Set(cache.pendingSent);
  return cache.items.filter((i) => !sent.has(i.surveyId) && i.sendAfter <= at && i.expiresAt > at);
}

/** Where a reminder leads: the talk to prepare or record, or Follow-up for items and surveys. */
export function targetOf(r: Reminder, at: string): PanelTarget {
  const tab: PanelTab =
    r.kind === 'record' ? 'record' : r.kind === 'action-due' || r.kind === 'survey' ? 'followUp' : 'prepare';
  return {
    tab,
    sessionId: r.sessionId ?? null,
    employeeId: r.employeeId ?? null,
    focus: tab === 'followUp' ? r.subject.id : null,
    at,
  };
}

// ---------------------------------------------------------------------------------------------
// What the background last computed (the options page shows it; tests read it)

export interface ReminderState {
  checkedAt: string;
  /** Reminders of enabled kinds now: the badge. */
  count: number;
  overdue: number;
  /** When the background looks again (ISO). */
  nextCheckAt: string;
  timeZone: string;
  /** Notification ids created by that check (usually none). */
  lastShown: string[];
}

/** Reminder ids notified so far: id → when, and where its notification leads. */
export interface NotifiedLog {
  ids: Record<string, { at: string; target?: PanelTarget }>;
}

/** The manager's team for follow-up: the service's roster, then people added here it does not list. */
export function reportsFrom(people: People): ReportLike[] {
  const out: ReportLike[] = people.server.map((e) => ({
    id: e.id,
    name: e.name,
    managerEmail: e.managerEmail ?? null,
    status: e.status,
    leftOn: e.leftOn ?? null,
  }));
  const known = new Set(out.map((e) => e.id));
  for (const p of people.local) if (!known.has(p.id)) out.push({ id: p.id, name: p.name });
  return out;
}
