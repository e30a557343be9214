/**
 * "Surveys to send" (issue 7): due links from the service's outbox, each with its ready message
 * (which carries the link) to copy in one click, and "Mark sent". Solo mode: a friendly note.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t as tc } from '../../../shared/content/pack/lookup';
import { formatWhen } from '../../../shared/followup/messages';
import { localDay } from '../../../shared/followup/time';
import type { OutboxItem } from '../../background/followup-state';
import { locale, useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';
import { connection, sessions, syncStatus } from '../../store';
import { personName } from '../model';
import { pack } from '../pack';
import { copyText } from '../ui';
import { markSent, outboxCache, refreshOutbox, surveys, timeZone } from './data';
import { useFocusTarget } from './focus';
import { dayLabel } from './format';

type Status = { key: MessageKey; vars?: Record<string, string> } | null;

function SurveyCard({ item, onStatus }: { item: OutboxItem; onStatus: (s: Status) => void }) {
  const t = useT();
  const lang = locale.value;
  const [busy, setBusy] = useState(false);
  const session = sessions.value.find((e) => e.id === item.sessionId)?.data;
  const name = session ? personName(session.employeeId) : '';
  const kind = session ? tc(pack.kinds.find((k) => k.id === session.kind)!.name, lang) : '';
  const message = item.message[lang];
  const { ref, focused } = useFocusTarget<HTMLLIElement>(item.surveyId);
  return (
    <li
      ref={ref}
      class={`card fu-survey${focused ? ' is-focused' : ''}`}
      data-testid="survey"
      data-survey={item.surveyId}
      data-kind={item.kind}
      tabIndex={focused ? -1 : undefined}
    >
      <div class="row between">
        <p class="item-title">{[name, kind].filter(Boolean).join(' · ') || t('fu.kind.survey')}</p>
        <span class={`badge-soft ${item.kind === 'manager' ? 'badge-support' : ''}`}>
          {item.kind === 'manager' ? t('fu.surveys.forYou') : t('fu.surveys.forEmployee', { name })}
        </span>
      </div>
      <p class="muted small">
        {t('fu.surveys.dates', {
          from: dayLabel(localDay(Date.parse(item.sendAfter), timeZone), lang),
          until: dayLabel(localDay(Date.parse(item.expiresAt), timeZone), lang),
        })}
      </p>
      <details class="fu-message-box">
        <summary>{t('fu.surveys.message')}</summary>
        <p class="fu-message" data-testid="survey-message">
          {message}
        </p>
      </details>
      <div class="row">
        <button
          type="button"
          class="btn btn-primary"
          onClick={async () => {
            const ok = await copyText(message);
            onStatus({ key: ok ? 'fu.surveys.copied' : 'fu.surveys.copyFailed' });
          }}
          data-testid="survey-copy"
        >
          {t('fu.surveys.copy')}
        </button>
        <button
          type="button"
          class="btn"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const r = await markSent(item.surveyId);
            setBusy(false);
            onStatus(
              r.ok
                ? { key: r.queued ? 'fu.surveys.queued' : 'fu.surveys.markedSent' }
                : { key: 'fu.surveys.failed', vars: { error: r.error } },
            );
          }}
          data-testid="survey-sent"
        >
          ✓ {t('fu.surveys.sent')}
        </button>
        {item.kind === 'manager' ? (
          <a class="link-btn small" href={item.url} target="_blank" rel="noreferrer noopener">
            {t('fu.surveys.openLink')}
          </a>
        ) : null}
      </div>
    </li>
  );
}

export function Surveys() {
  const t = useT();
  const lang = locale.value;
  const [status, setStatus] = useState<Status>(null);
  const connected = !!connection.value;
  const lastSync = syncStatus.value.lastSyncAt;
  // Fetch when the tab opens and after each sync (a talk just recorded may have issued surveys).
  useEffect(() => {
    if (connected) void refreshOutbox();
  }, [connected, lastSync]);
  const items = surveys.value;
  const cache = outboxCache.value;
  return (
    <section class="card fu-section" aria-labelledby="fu-surveys-title" data-testid="surveys">
      <h2 class="card-title" id="fu-surveys-title">
        {t('fu.surveys.title')}
      </h2>
      {items === null ? (
        <div class="fu-solo" data-testid="surveys-solo">
          <p class="muted">{t('fu.surveys.solo')}</p>
          <button type="button" class="link-btn small" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('fu.surveys.connect')}
          </button>
        </div>
      ) : (
        <>
          <p class="card-sub">{t('fu.surveys.intro')}</p>
          {cache?.failedAt && cache.fetchedAt ? (
            <p class="muted small" data-testid="surveys-stale">
              {t('fu.surveys.stale', { when: formatWhen(cache.fetchedAt, lang, timeZone) })}
            </p>
          ) : null}
          {items.length === 0 ? (
            <p class="muted" data-testid="surveys-none">
              {t('fu.surveys.none')}
            </p>
          ) : (
            <ul class="plain-list stack-tight">
              {items.map((i) => (
                <SurveyCard key={i.surveyId} item={i} onStatus={setStatus} />
              ))}
            </ul>
          )}
        </>
      )}
      <p class="small fu-status" role="status" aria-live="polite" data-testid="survey-status">
        {status ? t(status.key, status.vars) : ''}
      </p>
    </section>
  );
}
