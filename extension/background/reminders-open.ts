/** Reminders in the background: where a click on a notification leads. */
import { browser } from 'wxt/browser';
import { writeKey } from '../store/storage';
import { FOLLOWUP_KEYS, type PanelTarget } from './followup-state';
import { clock, type ReminderDeps } from './reminders-base';
import { readNotifiedLog } from './reminders-log';
import { openSidePanel } from './side-panel';

// ---------------------------------------------------------------------------------------------
// Opening the side panel where a notification leads

/** Whether a side panel of ours is open somewhere (it then follows the target by itself). */
async function sidePanelOpen(): Promise<boolean> {
  const getContexts = (
    browser.runtime as unknown as {
      getContexts?: (f: { contextTypes: string[] }) => Promise<unknown[]>;
    }
  ).getContexts;
  if (!getContexts) return false;
  try {
    return (await getContexts({ contextTypes: ['SIDE_PANEL'] })).length > 0;
  } catch {
    return false;
  }
}

export type OpenedHow = 'side-panel' | 'existing' | 'tab';

/**
 * What a click on notification `id` does (also reachable by message, for tests): store where to
 * go, clear the notification, and show the side panel (or, when the browser refuses and none is
 * open, the panel page in a tab).
 */
export function openFromNotification(id: string, deps: Pick<ReminderDeps, 'now'> = {}): Promise<OpenedHow> {
  // Before any await, so that it counts as the user's click.
  const opened = openSidePanel({ windowId: browser.windows?.WINDOW_ID_CURRENT ?? -2 });
  return (async () => {
    const at = clock(deps).toISOString();
    const log = await readNotifiedLog();
    const target: PanelTarget = { ...(log.ids[id]?.target ?? { tab: 'followUp' }), at };
    await writeKey(FOLLOWUP_KEYS.panelTarget, target);
    await browser.notifications?.clear(id).catch(() => false);
    if (await opened) return 'side-panel';
    if (await sidePanelOpen()) return 'existing';
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
    return 'tab';
  })();
}
