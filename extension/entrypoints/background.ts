import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '../adapters/messages';
import { registerAdapterHandlers } from '../background/adapters';
import { listen } from '../background/messages';
import { registerReminders } from '../background/reminders';
import { indexedDbSecrets } from '../background/secrets';
import { registerToolbarSidebar } from '../background/side-panel';
import { ALARM_RETRY, ALARM_SYNC, createSyncLoop } from '../background/sync';

export default defineBackground(() => {
  // Chrome opens the side panel from the toolbar button by itself; Firefox needs the click handled.
  if (import.meta.env.BROWSER !== 'firefox') {
    browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  } else {
    registerToolbarSidebar([STORAGE_KEYS.panelRequest, STORAGE_KEYS.pendingInvite]);
  }

  registerAdapterHandlers();
  const secrets = indexedDbSecrets();
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  const loop = createSyncLoop({ fetch: fetchFn, secrets });
  listen({
    fetch: fetchFn,
    secrets,
    loop,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });

  // Reminders: local rules plus the survey outbox, on their own alarms (background/reminders.ts).
  registerReminders({ fetch: fetchFn, secrets });

  // A sync every minute while the browser runs (and right after start).
  browser.alarms.create(ALARM_SYNC, { periodInMinutes: 1, delayInMinutes: 0.1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_SYNC) void loop.tick();
    else if (alarm.name === ALARM_RETRY) void loop.run();
  });
  void loop.run();
});
