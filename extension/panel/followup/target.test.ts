/** The side panel follows `tandem:panelTarget`: a recent one on open, any new one while open. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PANEL_TARGET_KEY } from '../../background/panel-target';
import { activeTab } from '../../entrypoints/sidepanel/state';
import { currentId, selectSession } from '../model';
import { focusId, followPanelTarget } from './target';

const NOW = Date.parse('2026-03-11T10:00:00Z');

beforeEach(() => {
  fakeBrowser.reset();
  selectSession(null);
  activeTab.value = 'prepare';
  focusId.value = null;
});

describe('panel target', () => {
  it('applies a recent target on open and ignores an old one', async () => {
    await fakeBrowser.storage.local.set({
      [PANEL_TARGET_KEY]: { tab: 'record', sessionId: 's1', at: new Date(NOW - 30_000).toISOString() },
    });
    await followPanelTarget(() => NOW);
    expect(currentId.value).toBe('s1');
    expect(activeTab.value).toBe('record');

    selectSession('other');
    activeTab.value = 'prepare';
    await followPanelTarget(() => NOW + 10 * 60_000);
    expect(currentId.value).toBe('other');
    expect(activeTab.value).toBe('prepare');
  });

  it('follows a target written while the panel is open', async () => {
    await followPanelTarget(() => NOW);
    await fakeBrowser.storage.local.set({
      [PANEL_TARGET_KEY]: {
        tab: 'followUp',
        sessionId: 's2',
        focus: 'item-1',
        at: new Date(NOW).toISOString(),
      },
    });
    await expect.poll(() => activeTab.value).toBe('followUp');
    expect(currentId.value).toBe('s2');
    expect(focusId.value).toBe('item-1');
  });
});
