/**
 * Options: the team service (URL, token, a connection test that says exactly what is wrong),
 * language, reminders. The token goes to the background by message and is never read back.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { applyDocumentLanguage, locale, useT } from '../../i18n';
import { sendToBackground, type TestResult } from '../../messages';
import { TextInput } from '../../panel/ui';
import { connection, syncStatus } from '../../store';
import { DEFAULT_PREFS, KEYS, type Prefs, readPrefs, writeKey } from '../../store/storage';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

function originPattern(url: string): string | null {
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Ask for the service's host permission (run time, optional host permissions). Never blocks the test. */
async function requestHost(url: string): Promise<boolean> {
  const origins = originPattern(url);
  if (!origins || !browser.permissions?.request) return false;
  try {
    if (await browser.permissions.contains({ origins: [origins] })) return true;
    return await browser.permissions.request({ origins: [origins] });
  } catch {
    return false;
  }
}

function Connection() {
  const t = useT();
  const conn = connection.value;
  const [url, setUrl] = useState(conn?.url ?? '');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (conn?.url && !url) setUrl(conn.url);
  }, [conn?.url]);

  const run = async (kind: 'test-connection' | 'connect') => {
    setBusy(true);
    setResult(null);
    setNote('');
    // The permission prompt needs this click's user gesture, so it is asked for first; the test
    // does not wait for the answer (the service also allows the extension by CORS).
    void requestHost(url).then((granted) => {
      if (!granted) setNote(t('options.permissionDenied'));
    });
    try {
      const r = await sendToBackground({ kind, url, ...(token.trim() ? { token: token.trim() } : {}) });
      setResult(r);
      if (r.ok && kind === 'connect') setToken('');
    } finally {
      setBusy(false);
    }
  };

  const message = (r: TestResult): string =>
    r.ok
      ? t('options.testOk', { name: r.user.name, email: r.user.email })
      : t(`options.problem.${r.problem}` as const, { status: r.status ?? '' });

  return (
    <section class="card" aria-labelledby="svc-title">
      <h2 class="card-title" id="svc-title">
        {t('options.service')}
      </h2>
      <p class="card-sub">{t('options.serviceIntro')}</p>
      {conn?.user ? (
        <p class="ok-line" data-testid="connected-as">
          ✓ {t('options.connectedAs', { name: conn.user.name, email: conn.user.email })}
        </p>
      ) : null}
      <form
        class="stack-tight"
        onSubmit={(e) => {
          e.preventDefault();
          void run('connect');
        }}
      >
        <TextInput
          label={t('options.url')}
          type="url"
          value={url}
          onInput={setUrl}
          placeholder="https://tandem.example.com"
          testId="service-url"
        />
        <div class="field">
          <label class="field-label" for="token">
            {t('options.token')}
          </label>
          <input
            id="token"
            class="input"
            type="password"
            autoComplete="off"
            spellcheck={false}
            value={token}
            placeholder={conn ? t('options.tokenSaved') : ''}
            onInput={(e) => setToken((e.currentTarget as HTMLInputElement).value)}
            aria-describedby="token-hint"
            data-testid="service-token"
          />
          <p class="field-hint" id="token-hint">
            {t('options.tokenHint')}
          </p>
        </div>
        <div class="row">
          <button
            type="button"
            class="btn"
            disabled={busy}
            onClick={() => void run('test-connection')}
            data-testid="test-connection"
          >
            {t('options.test')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy} data-testid="connect">
            {t('options.connect')}
          </button>
          {conn ? (
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() => {
                void sendToBackground({ kind: 'disconnect' });
                setResult(null);
              }}
              data-testid="disconnect"
            >
              {t('options.disconnect')}
            </button>
          ) : null}
        </div>
      </form>
      <div aria-live="polite" data-testid="connection-result">
        {busy ? <p class="muted">{t('options.testing')}</p> : null}
        {result ? (
          <p
            class={result.ok ? 'ok-line' : 'error'}
            data-ok={result.ok ? 'true' : 'false'}
            data-problem={result.ok ? '' : result.problem}
          >
            {message(result)}
          </p>
        ) : null}
        {note ? <p class="field-hint">{note}</p> : null}
      </div>
      {conn ? (
        <p class="muted small" data-testid="options-sync-status">
          {t('options.status')}:{' '}
          {t(
            `sync.${syncStatus.value.state === 'synced' ? 'synced' : syncStatus.value.state === 'offline' ? 'offline' : syncStatus.value.state === 'syncing' ? 'syncing' : 'saved'}` as const,
          )}
          {syncStatus.value.lastSyncAt
            ? ` · ${t('options.lastSync', { when: new Date(syncStatus.value.lastSyncAt).toLocaleString(locale.value) })}`
            : ''}
        </p>
      ) : null}
    </section>
  );
}

function Reminders() {
  const t = useT();
  const [prefs, setPrefs] = useState<Prefs>(DEFAULT_PREFS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void readPrefs().then(setPrefs);
  }, []);
  const save = (p: Prefs) => {
    setPrefs(p);
    void writeKey(KEYS.prefs, p).then(() => setSaved(true));
  };
  return (
    <section class="card" aria-labelledby="rem-title">
      <h2 class="card-title" id="rem-title">
        {t('options.reminders')}
      </h2>
      <div class="field">
        <label class="field-label" for="rec-hours">
          {t('options.recordReminder')}
        </label>
        <select
          id="rec-hours"
          class="input"
          value={String(prefs.recordReminderHours)}
          onChange={(e) =>
            save({ ...prefs, recordReminderHours: Number((e.currentTarget as HTMLSelectElement).value) })
          }
        >
          <option value="0">{t('options.off')}</option>
          {[4, 12, 20, 24].map((h) => (
            <option key={h} value={h}>
              {t('options.recordHours', { n: h })}
            </option>
          ))}
        </select>
      </div>
      <label class="inline-check">
        <input
          type="checkbox"
          checked={prefs.dueReminders}
          onChange={(e) => save({ ...prefs, dueReminders: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('options.dueReminders')}
      </label>
      <label class="inline-check">
        <input
          type="checkbox"
          checked={prefs.prepareReminders}
          onChange={(e) =>
            save({ ...prefs, prepareReminders: (e.currentTarget as HTMLInputElement).checked })
          }
        />
        {t('options.prepareReminders')}
      </label>
      <p class="muted small" aria-live="polite">
        {saved ? t('options.saved') : ''}
      </p>
    </section>
  );
}

export function Options() {
  const t = useT();
  const lang = locale.value;
  useEffect(() => {
    applyDocumentLanguage();
    document.title = t('options.title');
  }, [lang]);
  return (
    <div class="options" data-testid="options" data-locale={lang}>
      <header class="row between options-head">
        <h1 class="brand-name">{t('options.title')}</h1>
        <div class="field">
          <span class="visually-hidden">{t('options.language')}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main class="stack">
        <Connection />
        <Reminders />
      </main>
    </div>
  );
}
