/**
 * Page buttons that ask for the panel. Chrome opens its side panel from the click; Firefox counts
 * no click on a web page (even on our own button) as a user action for `sidebarAction.open()` and
 * refuses, so the button then says to use the toolbar button or the shortcut instead.
 */
import { type AdapterMessage, panelHint, send } from './messages';
import type { Host } from './ui';

/** Send a message that asks for the panel; when the browser kept it closed, say what to do instead. */
export function askForPanel(host: Host | null, msg: AdapterMessage, zh: boolean): void {
  host?.tandemHint?.(null);
  void send(msg).then((reply) => {
    if (reply?.ok && !reply.panel) host?.tandemHint?.(panelHint(zh));
  });
}
