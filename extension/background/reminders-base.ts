/** Reminders in the background (see `reminders.ts`): settings, the clock and zone, one check at a time. */
import { isValidZone } from '../../shared/followup/time';
import { readKey } from '../store/storage';
import type { Fetch } from './api';
import { browserTimeZone } from './followup-state';
import type { SecretStore } from './secrets';

export const ALARM_REMINDERS = 'tandem-reminders';
export const ALARM_REMINDERS_SAFETY = 'tandem-reminders-safety';
export const SAFETY_PERIOD_MINUTES = 30;
/** How old the cached outbox may be before a check fetches it again. */
export const OUTBOX_MAX_AGE_MS = 15 * 60_000;
/** After a failed fetch, wait this long before the next automatic one. */
export const OUTBOX_RETRY_MS = 2 * 60_000;
/** More new reminders than this at once: the first ones, then one "and N more" notification. */
export const MAX_SINGLE = 3;
/** Ids of reminders no longer active are forgotten after this. */
export const LOG_KEEP_MS = 30 * 86_400_000;
export const LOG_MAX = 2_000;

export interface ReminderDeps {
  fetch: Fetch;
  secrets: SecretStore;
  now?: () => Date;
  /** The manager's IANA zone; default: the browser's. */
  timeZone?: () => string;
}

export type Lang = 'zh-CN' | 'en';

export const clock = (deps: Pick<ReminderDeps, 'now'>) => deps.now?.() ?? new Date();

export function zoneOf(deps: Pick<ReminderDeps, 'timeZone'>): string {
  const z = deps.timeZone?.() ?? browserTimeZone();
  return isValidZone(z) ? z : 'UTC';
}

// ---------------------------------------------------------------------------------------------
// Serialising: one check at a time (Web Locks in the browser, a promise chain elsewhere)

const chains = new Map<string, Promise<unknown>>();

export function serial<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request(name, { mode: 'exclusive' }, fn) as Promise<T>;
  const run = (chains.get(name) ?? Promise.resolve()).then(fn, fn);
  chains.set(
    name,
    run.catch(() => {}),
  );
  return run;
}

// ---------------------------------------------------------------------------------------------
// Reading what is stored

export async function readLang(): Promise<Lang> {
  const pref = await readKey<unknown>('tandem:locale', 'auto');
  if (pref === 'zh-CN' || pref === 'en') return pref;
  return /^zh\b/i.test(globalThis.navigator?.language ?? '') ? 'zh-CN' : 'en';
}
