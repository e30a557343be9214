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
