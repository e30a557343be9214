/**
 * "Use this page" (issue 16): when a calendar site's markup has changed and no "Prepare" button
 * shows, the manager opens the event there (or selects its text) and the panel reads that text
 * through the pasted-invite parser. The calendar content script answers `page/text`; nothing
 * leaves the browser.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageTextReply } from '../../adapters/messages';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';
import { importing, importText } from './wiring';

/** Whether the calendar content script runs in `tabId` (it alone answers `page/ping`). */
async function hasCalendarScript(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: 'page/ping' })) === true;
  } catch {
    return false;
  }
}

/**
 * The calendar tab to read: the active one in this window, else the one used last. Found by asking
 * the tabs, since the extension holds no "tabs" permission and so cannot read their addresses.
 */
async function calendarTab(): Promise<number | null> {
  const tabs = (await browser.tabs.query({ currentWindow: true })).filter((t) => typeof t.id === 'number');
  const answers = await Promise.all(tabs.map((t) => hasCalendarScript(t.id!)));
  const cal = tabs.filter((_, i) => answers[i]);
  const pick =
    cal.find((t) => t.active) ?? cal.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return pick?.id ?? null;
}

const available = signal(false);
const problem = signal<MessageKey | null>(null);

async function refresh(): Promise<void> {
  try {
    available.value = (await calendarTab()) !== null;
  } catch {
    available.value = false;
  }
}

async function usePage(): Promise<void> {
  problem.value = null;
  const tabId = await calendarTab().catch(() => null);
  if (tabId === null) {
    problem.value = 'usePage.noTab';
    return;
  }
  let reply: PageTextReply | undefined;
  try {
    reply = (await browser.tabs.sendMessage(tabId, { type: 'page/text' })) as PageTextReply | undefined;
  } catch {
    problem.value = 'usePage.unreachable';
    return;
  }
  if (!reply?.text) {
    problem.value = 'usePage.nothing';
    return;
  }
  const ref = reply.ref ? new Date(reply.ref) : null;
  await importText(reply.text, ref && !Number.isNaN(ref.getTime()) ? ref : new Date());
}

export function UsePage() {
  const t = useT();
  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    browser.tabs.onUpdated.addListener(onChange);
    browser.tabs.onActivated.addListener(onChange);
    browser.tabs.onRemoved.addListener(onChange);
    return () => {
      browser.tabs.onUpdated.removeListener(onChange);
      browser.tabs.onActivated.removeListener(onChange);
      browser.tabs.onRemoved.removeListener(onChange);
    };
  }, []);
  if (!available.value) return null;
  return (
    <section class="card use-page" data-testid="use-page" aria-labelledby="use-page-title">
      <h3 class="card-title" id="use-page-title">
        {t('usePage.title')}
      </h3>
      <p class="card-sub">{t('usePage.intro')}</p>
      <div class="row">
        <button
          type="button"
          class="btn btn-primary"
          disabled={importing.value}
          onClick={() => void usePage()}
          data-testid="use-page-button"
        >
          {importing.value ? t('usePage.reading') : t('usePage.button')}
        </button>
      </div>
      {problem.value ? (
        <p class="error" role="alert" data-testid="use-page-problem">
          {t(problem.value)}
        </p>
      ) : null}
    </section>
  );
}
