/**
 * Site health on the options page (issue 16): per host, the adapter's last success and last miss
 * with the step it missed, from `tandem:siteHealth`, and a "Copy report" for a bug report.
 * Nothing here is sent anywhere.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { healthReport, isFailing, type SiteHealthMap } from '../../adapters/health';
import { STORAGE_KEYS } from '../../adapters/messages';
import { locale, useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';

const KEY = STORAGE_KEYS.siteHealth;

function useHealth(): SiteHealthMap {
  const [map, setMap] = useState<SiteHealthMap>({});
  useEffect(() => {
    void browser.storage.local.get(KEY).then((got) => setMap((got[KEY] ?? {}) as SiteHealthMap));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && KEY in changes) setMap((changes[KEY]?.newValue ?? {}) as SiteHealthMap);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return map;
}

export function SiteHealth() {
  const t = useT();
  const lang = locale.value;
  const map = useHealth();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const [shown, setShown] = useState('');
  const hosts = Object.keys(map).sort();
  const when = (iso: string | undefined) =>
    iso ? new Date(iso).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' }) : t('health.never');
  const steps = (s: readonly string[] | undefined) =>
    s?.length ? s.map((x) => t(`health.step.${x}` as MessageKey)).join(lang === 'zh-CN' ? '、' : ', ') : '';

  const copy = async () => {
    const text = healthReport(map, {
      version: browser.runtime.getManifest().version,
      browser: import.meta.env.BROWSER,
      at: new Date().toISOString(),
    });
    setShown(text);
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section class="card" aria-labelledby="health-title" data-testid="site-health">
      <h2 class="card-title" id="health-title">
        {t('health.title')}
      </h2>
      <p class="card-sub">{t('health.intro')}</p>
      {hosts.length ? (
        <div class="health-scroll">
          <table class="health-table">
            <thead>
              <tr>
                <th scope="col">{t('health.site')}</th>
                <th scope="col">{t('health.lastOk')}</th>
                <th scope="col">{t('health.lastMiss')}</th>
                <th scope="col">{t('health.step')}</th>
              </tr>
            </thead>
            <tbody>
              {hosts.map((host) => {
                const h = map[host]!;
                const failing = isFailing(h);
                return (
                  <tr key={host} data-host={host} data-failing={failing ? 'true' : 'false'}>
                    <th scope="row">
                      <span class="health-host">{host}</span>
                      <span class="muted small">{t(`health.kind.${h.kind}`)}</span>
                    </th>
                    <td>
                      {when(h.lastSuccessAt)}
                      {h.lastSuccessMissed?.length ? (
                        <span class="muted small"> ({steps(h.lastSuccessMissed)})</span>
                      ) : null}
                    </td>
                    <td>{h.lastFailureAt ? when(h.lastFailureAt) : t('health.none')}</td>
                    <td data-testid="health-step">
                      {failing ? <span class="health-badge">{t('health.failing')}</span> : null}
                      {steps(h.lastFailureMissed) || t('health.none')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p class="muted small">{t('health.legend')}</p>
        </div>
      ) : (
        <p class="muted" data-testid="health-empty">
          {t('health.empty')}
        </p>
      )}
      <div class="row">
        <button type="button" class="btn" onClick={() => void copy()} data-testid="health-copy">
          {t('health.copy')}
        </button>
        <span class="status-text" aria-live="polite" data-testid="health-copied">
          {copied === 'ok' ? t('health.copied') : copied === 'failed' ? t('health.copyFailed') : ''}
        </span>
      </div>
      {shown ? (
        <textarea
          class="input health-report"
          readOnly
          rows={Math.min(8, shown.split('\n').length)}
          value={shown}
          aria-label={t('health.copy')}
          data-testid="health-report"
        />
      ) : null}
    </section>
  );
}
