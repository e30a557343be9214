/** Invites from anywhere (issue 6): drop or choose an `.ics` file, or paste invite text. */
import { signal } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import { locale, useT } from '../../i18n';
import { connection } from '../../store';
import { TextInput } from '../ui';
import { importError, importIcsFile, importing, importText, saveSoloIdentity, soloIdentity } from './wiring';

function MyEmail() {
  const t = useT();
  const [email, setEmail] = useState(soloIdentity.value.email ?? '');
  const [saved, setSaved] = useState(false);
  const save = async () => {
    await saveSoloIdentity(email);
    setSaved(true);
  };
  return (
    <div class="row me-row">
      <TextInput
        label={t('prep.import.me')}
        type="email"
        value={email}
        onInput={(v) => {
          setEmail(v);
          setSaved(false);
        }}
        hint={t('prep.import.meHint')}
        class="grow"
        testId="my-email"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      />
      <button type="button" class="btn btn-quiet" onClick={() => void save()} data-testid="my-email-save">
        {t('prep.import.meSave')}
      </button>
      <span class="status-text" aria-live="polite">
        {saved ? t('prep.import.meSaved') : ''}
      </span>
    </div>
  );
}

/** Opened or closed by the manager: kept while the tab re-renders for another session. */
const userOpen = signal<boolean | null>(null);

export function InviteImport({ open }: { open: boolean }) {
  const t = useT();
  const lang = locale.value;
  const fileRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [text, setText] = useState('');
  const busy = importing.value;
  const shown = userOpen.value ?? open;
  const error = importError.value;

  const takeFiles = (files: FileList | null | undefined) => {
    const f = files?.[0];
    if (f) void importIcsFile(f);
  };

  return (
    <details
      class="card import-card"
      open={shown}
      onToggle={(e) => {
        // Only the manager's own toggles count, not the ones this render caused.
        const now = (e.currentTarget as HTMLDetailsElement).open;
        if (now !== shown) userOpen.value = now;
      }}
      data-testid="invite-import"
    >
      <summary class="import-summary">
        <span class="card-title">{t('prep.import.title')}</span>
      </summary>
      <p class="card-sub">{t('prep.import.intro')}</p>
      <fieldset
        class={`drop-zone ${over ? 'is-over' : ''}`}
        data-testid="ics-drop"
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          takeFiles(e.dataTransfer?.files);
        }}
      >
        <legend class="visually-hidden">{t('prep.import.choose')}</legend>
        <svg
          viewBox="0 0 24 24"
          width="22"
          height="22"
          aria-hidden="true"
          focusable="false"
          class="drop-icon"
        >
          <path
            fill="none"
            stroke="currentColor"
            stroke-width="1.7"
            stroke-linecap="round"
            stroke-linejoin="round"
            d="M7 3v3M17 3v3M4 8h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm7 6v6m-3-3 3 3 3-3"
          />
        </svg>
        <span class="drop-text">{over ? t('prep.import.dropActive') : t('prep.import.drop')}</span>
        <span class="muted small">{t('prep.import.or')}</span>
        <button
          type="button"
          class="btn"
          onClick={() => fileRef.current?.click()}
          disabled={busy}
          data-testid="ics-choose"
        >
          {t('prep.import.choose')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".ics,.ical,.ifb,.icalendar,text/calendar"
          class="file-input"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="ics-file"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            takeFiles(input.files);
            input.value = '';
          }}
        />
      </fieldset>
      <TextInput
        label={t('prep.import.paste')}
        value={text}
        onInput={setText}
        multiline
        rows={3}
        placeholder={t('prep.import.pastePlaceholder')}
        testId="invite-paste"
      />
      <div class="row">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy || !text.trim()}
          onClick={async () => {
            if (await importText(text)) setText('');
          }}
          data-testid="invite-read"
        >
          {busy ? t('prep.import.reading') : t('prep.import.read')}
        </button>
      </div>
      {error ? (
        <p class="error" role="alert" data-testid="invite-error">
          {error[lang]}
        </p>
      ) : null}
      {connection.value ? null : <MyEmail />}
    </details>
  );
}
