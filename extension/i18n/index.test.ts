import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  initLocale,
  LOCALE_STORAGE_KEY,
  locale,
  localeFromLanguage,
  localePreference,
  resolveLocale,
  setLocalePreference,
  t,
} from './index';
import { messages } from './messages';

describe('locale resolution', () => {
  it('maps every Chinese variant to zh-CN and everything else to en', () => {
    for (const l of ['zh', 'zh-CN', 'zh-cn', 'zh-Hans-CN', 'zh-TW', 'ZH'])
      expect(localeFromLanguage(l)).toBe('zh-CN');
    for (const l of ['en', 'en-US', 'de-DE', 'zhx', '', undefined, null])
      expect(localeFromLanguage(l)).toBe('en');
  });

  it('uses an explicit choice over the browser language', () => {
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
    expect(resolveLocale('zh-CN', 'en-GB')).toBe('zh-CN');
  });
});

describe('messages', () => {
  it('has both languages, non-empty, with the same placeholders', () => {
    for (const [key, m] of Object.entries(messages)) {
      expect(m['zh-CN'].trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(vars(m['zh-CN']), key).toEqual(vars(m.en));
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(t('steps.step', { n: 3 }, 'en')).toBe('Step 3: ');
    expect(t('steps.step', { n: 3 }, 'zh-CN')).toBe('第 3 步：');
    expect(t('steps.step', {}, 'en')).toBe('Step {n}: ');
  });
});

describe('stored preference', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localePreference.value = 'auto';
  });

  it('reads the stored choice and falls back to auto on junk', async () => {
    await fakeBrowser.storage.local.set({ [LOCALE_STORAGE_KEY]: 'zh-CN' });
    const stop = await initLocale();
    expect(localePreference.value).toBe('zh-CN');
    expect(locale.value).toBe('zh-CN');
    stop();

    await fakeBrowser.storage.local.set({ [LOCALE_STORAGE_KEY]: 'klingon' });
    const stop2 = await initLocale();
    expect(localePreference.value).toBe('auto');
    stop2();
  });

  it('saves a choice and follows changes made elsewhere', async () => {
    const stop = await initLocale();
    await setLocalePreference('en');
    expect(await fakeBrowser.storage.local.get(LOCALE_STORAGE_KEY)).toEqual({ [LOCALE_STORAGE_KEY]: 'en' });
    await fakeBrowser.storage.local.set({ [LOCALE_STORAGE_KEY]: 'zh-CN' });
    expect(localePreference.value).toBe('zh-CN');
    stop();
    await fakeBrowser.storage.local.set({ [LOCALE_STORAGE_KEY]: 'en' });
    expect(localePreference.value).toBe('zh-CN');
  });
});
