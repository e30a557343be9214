/**
 * Reminders (DESIGN §5): a talk not recorded some hours after it ended, action items due today, a
 * booked talk tomorrow. Checked on an alarm; each reminder is shown once.
 */
import { browser } from 'wxt/browser';
import type { ActionItem, Session } from '../../shared/schemas/records';
import { isLocalePreference, LOCALE_STORAGE_KEY, resolveLocale } from '../i18n';
import { messages } from '../i18n/messages';
import { KEYS, type Prefs, readAllEntries, readKey, readPeople, readPrefs, writeKey } from '../store/storage';

export interface Reminder {
  id: string;
  kind: 'record' | 'due' | 'prepare';
  name: string;
  title?: string;
}

/** What deserves a reminder now (pure). */
export function dueReminders(
  sessions: readonly Session[],
  items: readonly ActionItem[],
  names: ReadonlyMap<string, string>,
  prefs: Prefs,
  now: Date,
): Reminder[] {
  const out: Reminder[] = [];
  const today = now.toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  for (const s of sessions) {
    const name = names.get(s.employeeId) ?? '';
    if (prefs.recordReminderHours > 0 && s.endedAt && s.status !== 'recorded' && s.status !== 'cancelled') {
      if (now.getTime() - Date.parse(s.endedAt) >= prefs.recordReminderHours * 3_600_000) {
        out.push({ id: `record:${s.id}`, kind: 'record', name });
      }
    }
    if (prefs.prepareReminders && s.scheduledAt?.slice(0, 10) === tomorrow && !s.startedAt) {
      out.push({ id: `prepare:${s.id}`, kind: 'prepare', name });
    }
  }
  if (prefs.dueReminders) {
    const bySession = new Map(sessions.map((s) => [s.id, s]));
    for (const a of items) {
      if (a.status !== 'open' || a.dueOn !== today) continue;
      const s = bySession.get(a.sessionId);
      out.push({
        id: `due:${a.id}:${today}`,
        kind: 'due',
        name: s ? (names.get(s.employeeId) ?? '') : '',
        title: a.title,
      });
    }
  }
  return out;
}

export async function checkReminders(now = new Date()): Promise<void> {
  if (!browser.notifications) return;
  const [entries, people, prefs, shown, pref] = await Promise.all([
    readAllEntries(),
    readPeople(),
    readPrefs(),
    readKey<string[]>(KEYS.reminded, []),
    readKey<unknown>(LOCALE_STORAGE_KEY, 'auto'),
  ]);
  const locale = resolveLocale(isLocalePreference(pref) ? pref : 'auto', globalThis.navigator?.language);
  const live = [...entries.values()].filter((e) => !e.deleted);
  const names = new Map<string, string>([
    ...people.server.map((e) => [e.id, e.name] as const),
    ...people.local.map((p) => [p.id, p.name] as const),
  ]);
  const list = dueReminders(
    live.filter((e) => e.type === 'session').map((e) => e.data as Session),
    live.filter((e) => e.type === 'actionItem').map((e) => e.data as ActionItem),
    names,
    prefs,
    now,
  ).filter((r) => !shown.includes(r.id));
  for (const r of list) {
    const key = `reminder.${r.kind}` as const;
    const text = messages[key][locale].replace('{name}', r.name).replace('{title}', r.title ?? '');
    await browser.notifications
      .create(r.id, {
        type: 'basic' as const,
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'Tandem',
        message: text,
      })
      .catch(() => {});
  }
  if (list.length) await writeKey(KEYS.reminded, [...shown, ...list.map((r) => r.id)].slice(-500));
}
