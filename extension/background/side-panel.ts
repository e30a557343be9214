/**
 * Opening the side panel from the background: for a page adapter's button (the sender's tab) and
 * for a reminder notification (the current window).
 */
import { browser } from 'wxt/browser';

/**
 * Ask the browser to open the side panel; true when it did. Call synchronously inside the message
 * or click handler: Chrome allows `sidePanel.open()` only while the user's gesture still counts,
 * so nothing may be awaited before it. Firefox's `sidebarAction.open()` is tried the same way.
 * Never throws: a refusal or a missing API is `false`.
 */
export function openSidePanel(where: { tabId: number } | { windowId: number }): Promise<boolean> {
  try {
    if (import.meta.env.BROWSER === 'firefox') {
      const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
      return sidebar
        ? sidebar.open().then(
            () => true,
            () => false,
          )
        : Promise.resolve(false);
    }
    const panel = browser.sidePanel as
      | { open?(o: { tabId: number } | { windowId: number }): Promise<void> }
      | undefined;
    if (!panel?.open) return Promise.resolve(false);
    return panel.open(where).then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

type FirefoxApi = {
  sidebarAction?: { toggle?(): Promise<void>; open(): Promise<void> };
  browserAction?: {
    onClicked: { addListener(fn: (tab: { id?: number }) => void): void };
    setBadgeText(d: { text: string; tabId?: number }): Promise<void>;
    setBadgeBackgroundColor(d: { color: string; tabId?: number }): Promise<void>;
  };
};
const firefox = () => browser as unknown as FirefoxApi;

/** Tabs whose toolbar button carries the "open me" badge. */
const marked = new Set<number>();

/**
 * Firefox kept the sidebar closed after a click on a page button (a click on a web page is no user
 * action there): badge the toolbar button on that tab, the place the manager can click instead.
 */
export function markToolbar(tabId: number): void {
  const action = firefox().browserAction;
  if (!action) return;
  marked.add(tabId);
  action.setBadgeBackgroundColor({ color: '#2f6f5e', tabId }).catch(() => {});
  action.setBadgeText({ text: '1', tabId }).catch(() => {});
}

function clearMarks(): void {
  const action = firefox().browserAction;
  for (const tabId of marked) action?.setBadgeText({ text: '', tabId }).catch(() => {});
  marked.clear();
}

/**
 * Firefox: the toolbar button toggles the sidebar. `sidebarAction.toggle()` is called synchronously
 * in the click listener, the only place Firefox counts as the user's action (the keyboard shortcut
 * `_execute_sidebar_action` opens it without us). The badges go once the panel has taken the request.
 */
export function registerToolbarSidebar(requestKeys: readonly string[]): void {
  const { sidebarAction: sidebar, browserAction: action } = firefox();
  if (!sidebar || !action) return;
  action.onClicked.addListener(() => {
    (sidebar.toggle ?? sidebar.open).call(sidebar).catch(() => {});
    clearMarks();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || marked.size === 0) return;
    if (requestKeys.some((k) => changes[k] && changes[k].newValue === undefined)) clearMarks();
  });
}
