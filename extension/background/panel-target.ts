/**
 * Where the side panel should go (`tandem:panelTarget`): written by the background when a reminder
 * notification is clicked, followed by the side panel. Kept apart from `followup-state.ts` because
 * it is part of the side panel's first load.
 */

export const PANEL_TARGET_KEY = 'tandem:panelTarget';

export type PanelTab = 'prepare' | 'talk' | 'record' | 'followUp';

export interface PanelTarget {
  tab: PanelTab;
  sessionId?: string | null;
  employeeId?: string | null;
  /** What to bring into view on that tab (an action item, a survey), by id. */
  focus?: string | null;
  /** When it was asked for (ISO); a panel opening later than `TARGET_FRESH_MS` after it ignores it. */
  at: string;
}

export const TARGET_FRESH_MS = 2 * 60_000;

export function isPanelTarget(v: unknown): v is PanelTarget {
  if (!v || typeof v !== 'object') return false;
  const t = v as PanelTarget;
  return ['prepare', 'talk', 'record', 'followUp'].includes(t.tab) && typeof t.at === 'string';
}
