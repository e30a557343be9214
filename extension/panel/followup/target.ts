/**
 * The side panel follows `tandem:panelTarget` (written when a reminder notification is clicked):
 * on open, when the target is recent, and whenever it changes while the panel is open. Part of the
 * panel's first load, so it stays tiny.
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import {
  isPanelTarget,
  PANEL_TARGET_KEY,
  type PanelTarget,
  TARGET_FRESH_MS,
} from '../../background/panel-target';
import { selectTab } from '../../entrypoints/sidepanel/state';
import { selectSession } from '../model';

/** What the Follow-up tab should bring into view (an action item or survey id), once. */
export const focusId = signal<string | null>(null);

export function applyTarget(t: PanelTarget): void {
  if (t.sessionId) selectSession(t.sessionId);
  focusId.value = t.focus ?? null;
  selectTab(t.tab);
}

function onChanged(changes: Record<string, { newValue?: unknown }>, area: string): void {
  const v = area === 'local' ? changes[PANEL_TARGET_KEY]?.newValue : undefined;
  if (isPanelTarget(v)) applyTarget(v);
}

/** Apply a recent target now and follow later ones. Resolves once the stored one is applied. */
export async function followPanelTarget(now: () => number = Date.now): Promise<void> {
  if (!browser.storage.onChanged.hasListener(onChanged)) browser.storage.onChanged.addListener(onChanged);
  try {
    const got = await browser.storage.local.get(PANEL_TARGET_KEY);
    const t = got[PANEL_TARGET_KEY];
    if (isPanelTarget(t) && now() - Date.parse(t.at) < TARGET_FRESH_MS) applyTarget(t);
  } catch {
    // Storage unavailable: the panel opens where it was.
  }
}
