import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** Product name, tagline and the language switch; `children` (the tabs) sit under them. */
export function Header({ children, actions }: { children?: ComponentChildren; actions?: ComponentChildren }) {
  const t = useT();
  return (
    <header class="header">
      <div class="header-row">
        <div class="brand">
          <svg
            class="brand-mark"
            viewBox="0 0 24 24"
            width="22"
            height="22"
            aria-hidden="true"
            focusable="false"
          >
            <circle cx="9" cy="12" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2" />
            <circle
              cx="15"
              cy="12"
              r="6.5"
              fill="none"
              stroke="currentColor"
              stroke-width="2.2"
              opacity=".55"
            />
          </svg>
          <div class="brand-text">
            <h1 class="brand-name">{t('app.name')}</h1>
            <p class="brand-tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <div class="header-actions">
          {actions}
          <LanguageSwitch />
        </div>
      </div>
      {children}
    </header>
  );
}
