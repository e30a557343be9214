import { useEffect } from 'preact/hooks';
// The plain pack (no zod at run time); the same pack is validated in shared/content's own tests.
import { guidePack } from '../../../shared/content/guide';
import { applyDocumentLanguage, locale, useT } from '../../i18n';
import { Header } from '../../ui/Header';
import { StepList } from '../../ui/StepList';
import { panelId, Tabs, tabId } from '../../ui/Tabs';
import { activeTab, currentStep, selectStep, selectTab, TAB_IDS, type TabId } from './state';

const ID = 'sp';

export function App() {
  const t = useT();
  const lang = locale.value;
  const tab = activeTab.value;

  useEffect(() => {
    applyDocumentLanguage();
    document.title = `${t('app.name')} · ${t('app.tagline')}`;
  }, [lang]);

  // Keep the current step in view when the tab (and so the step) changes.
  useEffect(() => {
    document
      .querySelector(`[data-step="${currentStep.value}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [tab]);

  const tabs = TAB_IDS.map((id) => ({ id, label: t(`tab.${id}` as const) }));

  return (
    <div class="app" data-testid="sidepanel" data-locale={lang}>
      <Header>
        <Tabs<TabId> label={t('tabs.label')} tabs={tabs} selected={tab} onSelect={selectTab} idPrefix={ID} />
      </Header>
      <main class="main">
        {/* No tabindex: the panel's step buttons are its first focusable content. */}
        <div
          class="panel"
          role="tabpanel"
          id={panelId(ID, tab)}
          aria-labelledby={tabId(ID, tab)}
          data-panel={tab}
        >
          <p class="intro">{t(`tab.${tab}.intro` as const)}</p>
          <StepList pack={guidePack} locale={lang} current={currentStep.value} onSelect={selectStep} />
        </div>
      </main>
    </div>
  );
}
