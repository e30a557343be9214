import {
  LOCALE_PREFERENCES,
  type LocalePreference,
  localePreference,
  setLocalePreference,
  useT,
} from '../i18n';

/** zh-CN / en / browser default; the choice is stored and applied at once. */
export function LanguageSwitch() {
  const t = useT();
  const onChange = (e: Event) => {
    const value = (e.currentTarget as HTMLSelectElement).value as LocalePreference;
    setLocalePreference(value).catch((err: unknown) =>
      console.error('Tandem: could not save the language', err),
    );
  };
  return (
    <label class="lang">
      <span class="visually-hidden">{t('lang.label')}</span>
      <svg class="lang-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linecap="round"
          d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-8.5 9h17M12 3c2.4 2.5 3.6 5.5 3.6 9s-1.2 6.5-3.6 9c-2.4-2.5-3.6-5.5-3.6-9S9.6 5.5 12 3Z"
        />
      </svg>
      <select
        class="lang-select"
        value={localePreference.value}
        onChange={onChange}
        title={localePreference.value === 'auto' ? t('lang.autoHint') : t('lang.label')}
        data-testid="language"
      >
        {LOCALE_PREFERENCES.map((p) => (
          <option key={p} value={p}>
            {t(p === 'auto' ? 'lang.auto' : p === 'zh-CN' ? 'lang.zh-CN' : 'lang.en')}
          </option>
        ))}
      </select>
    </label>
  );
}
