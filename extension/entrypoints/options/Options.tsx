/**
 * Options: the team service (URL, token, a connection test that says exactly what is wrong),
 * language, reminders (on/off, per-kind switches, quiet hours in the browser's time zone). The token goes to the background by message and is never read back.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  browserTimeZone,
  DEFAULT_QUIET_HOURS,
  FOLLOWUP_KEYS,
  KIND_ORDER,
  type ReminderSettings,
  type ReminderState,
  readReminderSettings,
  writeReminderSettings,
} from '../../background/followup-state';
import { applyDocumentLanguage, locale, useT } from '../../i18n';
import { sendToBackground, type TestResult } from '../../messages';
import { TextInput } from '../../panel/ui';
import { connection, syncStatus, syncView } from '../../store';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { SiteHealth } from './SiteHealth';
import './options.css';

function originPattern(url: string): string | null {
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/**
 * Ask for the service's host permission (run time, optional host permissions). Never blocks the test.
 * `request` is the first call, made synchronously in the click: Firefox refuses it ("may only be
 * called from a user input handler") once anything has been awaited, and both browsers answer
 * `true` without a prompt when the permission is already held.
 */
function requestHost(url: string): Promise<boolean> {
  const origins = originPattern(url);
  if (!origins || !browser.permissions?.request) return Promise.resolve(false);
  try {
    return browser.permissions.request({ origins: [origins] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
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
      if (!granted) setNote(t('options.permissionDenied', { origin: originPattern(url) ?? url }));
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
        {note ? (
          <p class="field-hint" role="status" data-testid="permission-note">
            {note}
          </p>
        ) : null}
      </div>
      {conn ? (
        <p class="muted small" data-testid="options-sync-status">
          {t('options.status')}: {t(`sync.${syncView.value}` as const)}
          {syncStatus.value.lastSyncAt
            ? ` · ${t('options.lastSync', { when: new Date(syncStatus.value.lastSyncAt).toLocaleString(locale.value) })}`
            : ''}
        </p>
      ) : null}
    </section>
  );
}

/** The two ends of the quiet hours, each with its label. */
const QUIET_PARTS = [
  ['start', 'opt.rem.quietFrom'],
  ['end', 'opt.rem.quietUntil'],
] as const;

function Reminders() {
  const t = useT();
  const lang = locale.value;
  const [prefs, setPrefs] = useState<ReminderSettings | null>(null);
  const [state, setState] = useState<ReminderState | null>(null);
  const [saved, setSaved] = useState(false);
  const zone = browserTimeZone();
  useEffect(() => {
    void readReminderSettings().then(setPrefs);
    const readState = () =>
      browser.storage.local
        .get(FOLLOWUP_KEYS.state)
        .then((g) => setState((g[FOLLOWUP_KEYS.state] as ReminderState | undefined) ?? null));
    void readState();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && FOLLOWUP_KEYS.state in changes) void readState();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!prefs) return null;
  const save = (p: ReminderSettings) => {
    setPrefs(p);
    setSaved(false);
    void writeReminderSettings(p).then(() => setSaved(true));
  };
  const quiet = prefs.quietHours;
  const setQuiet = (part: 'start' | 'end', value: string) => {
    if (!/^\d{2}:\d{2}$/.test(value)) return;
    save({ ...prefs, quietHours: { ...(quiet ?? DEFAULT_QUIET_HOURS), [part]: value } });
  };
  return (
    <section class="card" aria-labelledby="rem-title" data-testid="reminder-options">
      <h2 class="card-title" id="rem-title">
        {t('options.reminders')}
      </h2>
      <label class="inline-check">
        <input
          type="checkbox"
          checked={prefs.enabled}
          onChange={(e) => save({ ...prefs, enabled: (e.currentTarget as HTMLInputElement).checked })}
          data-testid="reminders-enabled"
        />
        {t('opt.rem.enabled')}
      </label>
      <fieldset class="opt-fieldset" disabled={!prefs.enabled}>
        <legend class="field-label">{t('opt.rem.kinds')}</legend>
        {KIND_ORDER.map((k) => (
          <label key={k} class="inline-check opt-line">
            <input
              type="checkbox"
              checked={prefs.kinds[k]}
              onChange={(e) =>
                save({
                  ...prefs,
                  kinds: { ...prefs.kinds, [k]: (e.currentTarget as HTMLInputElement).checked },
                })
              }
              data-testid={`reminder-kind-${k}`}
            />
            {t(`opt.rem.kind.${k}` as const)}
          </label>
        ))}
        <p class="field-hint">{t('opt.rem.listHint')}</p>
      </fieldset>
      <fieldset class="opt-fieldset" disabled={!prefs.enabled}>
        <legend class="visually-hidden">{t('opt.rem.quiet')}</legend>
        <label class="inline-check">
          <input
            type="checkbox"
            checked={!!quiet}
            onChange={(e) =>
              save({
                ...prefs,
                quietHours: (e.currentTarget as HTMLInputElement).checked ? DEFAULT_QUIET_HOURS : null,
              })
            }
            aria-describedby="quiet-hint"
            data-testid="quiet-enabled"
          />
          {t('opt.rem.quiet')}
        </label>
        {quiet ? (
          <div class="row opt-times">
            {QUIET_PARTS.map(([part, label]) => (
              <label key={part} class="opt-time">
                <span>{t(label)}</span>
                <input
                  class="input"
                  type="time"
                  value={quiet[part]}
                  onChange={(e) => setQuiet(part, (e.currentTarget as HTMLInputElement).value)}
                  data-testid={`quiet-${part}`}
                />
              </label>
            ))}
          </div>
        ) : null}
        <p class="field-hint" id="quiet-hint">
          {t('opt.rem.quietHint', { zone })}
        </p>
      </fieldset>
      {state && prefs.enabled ? (
        <p class="muted small" data-testid="reminder-state">
          {t('opt.rem.status', {
            n: state.count,
            when: new Date(state.nextCheckAt).toLocaleString(lang, {
              dateStyle: 'medium',
              timeStyle: 'short',
            }),
          })}
        </p>
      ) : null}
      <p class="muted small" aria-live="polite" data-testid="reminders-saved">
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
        <SiteHealth />
      </main>
    </div>
  );
}
