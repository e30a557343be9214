/** Reminders in the background: notification and badge text, showing a notification, the badge. */
import { browser } from 'wxt/browser';
import { followupMessages } from '../i18n/messages-followup';
import type { Lang } from './reminders-base';

export function text(
  key: keyof typeof followupMessages,
  lang: Lang,
  vars: Record<string, string | number> = {},
) {
  return followupMessages[key][lang].replace(/\{(\w+)\}/g, (m, k: string) =>
    k in vars ? String(vars[k]) : m,
  );
}

export async function showNotification(id: string, title: string, message: string): Promise<boolean> {
  if (!browser.notifications?.create) return false;
  try {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
    return true;
  } catch {
    return false;
  }
}

type ActionApi = {
  setBadgeText(d: { text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { color: string }): Promise<void>;
  setTitle?(d: { title: string }): Promise<void>;
};

export async function setBadge(count: number, overdue: number, lang: Lang): Promise<void> {
  const action = (browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction) as
    | ActionApi
    | undefined;
  if (!action) return;
  try {
    await action.setBadgeText({ text: count === 0 ? '' : count > 99 ? '99+' : String(count) });
    if (count) await action.setBadgeBackgroundColor({ color: overdue ? '#c5221f' : '#2d57c8' });
    await action.setTitle?.({
      title: count ? `Tandem · ${text('fu.todo.count', lang, { n: count, m: overdue })}` : 'Tandem',
    });
  } catch {
    // The toolbar button may be missing (tests, some browsers): the panel still lists everything.
  }
}
