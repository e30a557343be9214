import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { applyDocumentLanguage, locale, useT } from '../../i18n';
import { followPanelTarget } from '../../panel/followup/target';
import { current, currentEntry, ensureCurrent } from '../../panel/model';
import { PrepareTab } from '../../panel/PrepareTab';
import { Refused } from '../../panel/Refused';
import { SessionBar } from '../../panel/SessionBar';
import { SyncBadge } from '../../panel/SyncBadge';
import { conflicts, hydrated } from '../../store';
import { Header } from '../../ui/Header';
import { panelId, Tabs, tabId } from '../../ui/Tabs';
import { activeTab, currentStep, selectStep, selectTab, TAB_IDS, type TabId } from './state';

const ID = 'sp';

type Loaded = {
  talk?: ComponentType<{ step: number; onStep: (n: number) => void }>;
  record?: ComponentType;
  followUp?: ComponentType;
  conflicts?: ComponentType;
};

const loaders = {
  talk: () => import('../../panel/TalkTab').then((m) => m.default),
  record: () => import('../../panel/RecordTab').then((m) => m.default),
  followUp: () => import('../../panel/FollowUpTab').then((m) => m.default),
  conflicts: () => import('../../panel/Conflicts').then((m) => m.default),
} as const;

/** Tabs other than Prepare load on first use (and are fetched in the background after first paint). */
function useLazy(): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({});
  const need = (k: keyof typeof loaders) => {
    if (loaded[k]) return;
    void loaders[k]().then((C) => setLoaded((x) => ({ ...x, [k]: C })));
  };
  const tab = activeTab.value;
  useEffect(() => {
    if (tab !== 'prepare') need(tab);
  }, [tab]);
  useEffect(() => {
    if (conflicts.value.length) need('conflicts');
  }, [conflicts.value.length]);
  useEffect(() => {
    // Warm the other tabs once the first paint is done.
    const id = setTimeout(() => {
      need('talk');
      need('record');
      need('followUp');
    }, 300);
    return () => clearTimeout(id);
  }, []);
  return loaded;
}

function SettingsButton() {
  const t = useT();
  return (
    <button
      type="button"
      class="icon-btn header-btn"
      onClick={() => void browser.runtime.openOptionsPage()}
      aria-label={t('settings.open')}
      title={t('settings.open')}
      data-testid="open-options"
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linecap="round"
          stroke-linejoin="round"
          d="M12 15.2a3.2 3.2 0 1 0 0-6.4 3.2 3.2 0 0 0 0 6.4ZM19.4 13.5l1.6 1.2-1.8 3.1-1.9-.7a7.5 7.5 0 0 1-2.1 1.2l-.3 2h-3.6l-.3-2a7.5 7.5 0 0 1-2.1-1.2l-1.9.7L5.2 14.7l1.6-1.2a7.6 7.6 0 0 1 0-3L5.2 9.3 7 6.2l1.9.7a7.5 7.5 0 0 1 2.1-1.2l.3-2h3.6l.3 2a7.5 7.5 0 0 1 2.1 1.2l1.9-.7 1.8 3.1-1.6 1.2a7.6 7.6 0 0 1 0 3Z"
        />
      </svg>
    </button>
  );
}

export function App() {
  const t = useT();
  const lang = locale.value;
  const tab = activeTab.value;
  const lazy = useLazy();

  useEffect(() => {
    applyDocumentLanguage();
    document.title = `${t('app.name')} · ${t('app.tagline')}`;
  }, [lang]);

  useEffect(() => {
    if (!hydrated.value) return;
    ensureCurrent();
    // A clicked reminder says which session and tab to show (background/reminders.ts).
    void followPanelTarget();
  }, [hydrated.value]);

  // Back in Talk: continue at the step the manager was on in this session.
  useEffect(() => {
    const step = currentEntry.value?.local?.currentStep;
    if (tab === 'talk' && step && step >= 5 && step <= 10) currentStep.value = step;
  }, [tab, current.value?.id]);

  const tabs = TAB_IDS.map((id) => ({ id, label: t(`tab.${id}` as const) }));
  const Conflicts = lazy.conflicts;
  let body: preact.ComponentChildren;
  if (tab === 'prepare') body = <PrepareTab />;
  else {
    const C = lazy[tab];
    body = C ? (
      tab === 'talk' ? (
        <C step={currentStep.value} onStep={selectStep} />
      ) : (
        // biome-ignore lint/suspicious/noExplicitAny: record and follow-up tabs take no props
        <C {...({} as any)} />
      )
    ) : (
      <p class="muted" aria-busy="true">
        {t('common.loading')}
      </p>
    );
  }

  return (
    <div class="app" data-testid="sidepanel" data-locale={lang} data-session={current.value?.id ?? ''}>
      <Header
        actions={
          <>
            <SyncBadge />
            <SettingsButton />
          </>
        }
      >
        <SessionBar />
        <Tabs<TabId> label={t('tabs.label')} tabs={tabs} selected={tab} onSelect={selectTab} idPrefix={ID} />
      </Header>
      <main class="main">
        <div
          class="panel"
          role="tabpanel"
          id={panelId(ID, tab)}
          aria-labelledby={tabId(ID, tab)}
          data-panel={tab}
        >
          <p class="intro">{t(`tab.${tab}.intro` as const)}</p>
          {Conflicts ? <Conflicts /> : null}
          <Refused />
          {hydrated.value ? body : null}
        </div>
      </main>
    </div>
  );
}
