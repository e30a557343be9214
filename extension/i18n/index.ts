/**
 * The UI language: a preference (`auto`, `zh-CN`, `en`) kept in `browser.storage.local` under
 * `tandem:locale`, resolved against the browser's language, exposed as signals.
 */
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { type MessageKey, messages } from './messages';

export type Locale = 'zh-CN' | 'en';
export type LocalePreference = 'auto' | Locale;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const LOCALE_PREFERENCES: readonly LocalePreference[] = ['auto', 'zh-CN', 'en'];
export const LOCALE_STORAGE_KEY = 'tandem:locale';

/** `zh`, `zh-CN`, `zh-Hans-CN`, `zh-TW` … → zh-CN; anything else (or nothing) → en. */
export function localeFromLanguage(language: string | null | undefined): Locale {
  return typeof language === 'string' && /^zh\b/i.test(language.trim()) ? 'zh-CN' : 'en';
}

export function isLocalePreference(v: unknown): v is LocalePreference {
  return v === 'auto' || v === 'zh-CN' || v === 'en';
}

export function resolveLocale(pref: LocalePreference, browserLanguage: string | null | undefined): Locale {
  return pref === 'auto' ? localeFromLanguage(browserLanguage) : pref;
}

function browserLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

/** The user's choice; `auto` follows the browser. */
export const localePreference = signal<LocalePreference>('auto');
/** The language the UI shows. */
export const locale = computed<Locale>(() => resolveLocale(localePreference.value, browserLanguage()));

type Vars = Record<string, string | number>;

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A UI string in the given (or current) language. */
export function t(key: MessageKey, vars?: Vars, lang: Locale = locale.value): string {
  return fill(messages[key][lang], vars);
}

/** In a component: `const t = useT()`; reading the locale signal re-renders on a language change. */
export function useT(): (key: MessageKey, vars?: Vars) => string {
  const lang = locale.value;
  return (key, vars) => t(key, vars, lang);
}

/** Keep `<html lang>` in step with the UI language. */
export function applyDocumentLanguage(doc: Document = document): void {
  doc.documentElement.lang = locale.value;
}

/**
 * Read the stored preference (falling back to `auto`), and follow later changes made elsewhere
 * (the options page, another panel). Returns a function that stops listening.
 */
export async function initLocale(): Promise<() => void> {
  try {
    const stored = await browser.storage.local.get(LOCALE_STORAGE_KEY);
    const v = stored[LOCALE_STORAGE_KEY];
    localePreference.value = isLocalePreference(v) ? v : 'auto';
  } catch {
    localePreference.value = 'auto';
  }
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(LOCALE_STORAGE_KEY in changes)) return;
    const v = changes[LOCALE_STORAGE_KEY]?.newValue;
    localePreference.value = isLocalePreference(v) ? v : 'auto';
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/** Switch language now and remember the choice. */
export async function setLocalePreference(pref: LocalePreference): Promise<void> {
  localePreference.value = pref;
  await browser.storage.local.set({ [LOCALE_STORAGE_KEY]: pref });
}
