import { signal } from '@preact/signals';

export type TabId = 'prepare' | 'talk' | 'record' | 'followUp';

export const TAB_IDS: readonly TabId[] = ['prepare', 'talk', 'record', 'followUp'];

/** The guide's steps each tab is about. */
export const TAB_STEPS: Readonly<Record<TabId, readonly number[]>> = {
  prepare: [1, 2, 3, 4],
  talk: [5, 6, 7, 8, 9, 10],
  record: [11],
  followUp: [12],
};

export const activeTab = signal<TabId>('prepare');
/** The step the manager is on (1–12). */
export const currentStep = signal<number>(1);

/** Switch tab; the current step moves to the tab's first step unless it already belongs to the tab. */
export function selectTab(tab: TabId): void {
  activeTab.value = tab;
  const steps = TAB_STEPS[tab];
  if (!steps.includes(currentStep.value)) currentStep.value = steps[0]!;
}

/** Make a step current; the tab follows the step. */
export function selectStep(step: number): void {
  currentStep.value = step;
  const tab = TAB_IDS.find((id) => TAB_STEPS[id].includes(step));
  if (tab) activeTab.value = tab;
}
