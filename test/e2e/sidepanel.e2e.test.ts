/**
 * The built extension in Debian's Chromium: the side panel renders the steps of each tab in the
 * browser's language, and real site hosts reach the local fixture server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guidePack } from '../../shared/content/guide';
import { E2E, requireE2e } from './available';
import {
  type Browser,
  buildExtension,
  extensionId,
  type FixtureServer,
  launchBrowser,
  openSidePanel,
  screenshot,
  startFixtureServer,
  TIMEOUT,
} from './harness';
import { newTalk, selectTab } from './panel';

requireE2e();

/** The extension page's `chrome` global, as far as these tests use it. */
type ExtensionGlobal = {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
};

const LOCALES = [
  { locale: 'zh-CN', htmlLang: 'zh-CN' },
  { locale: 'en', htmlLang: 'en' },
] as const;

describe.skipIf(!E2E.run)('side panel in Chromium', { timeout: TIMEOUT.launch }, () => {
  let server: FixtureServer;
  let extensionPath: string;

  beforeAll(async () => {
    [server, extensionPath] = await Promise.all([startFixtureServer(), buildExtension()]);
  }, TIMEOUT.build);

  afterAll(async () => {
    await server?.close();
  });

  describe.each(LOCALES)('browser language $locale', ({ locale, htmlLang }) => {
    let browser: Browser;
    let id: string;

    beforeAll(async () => {
      browser = await launchBrowser({ locale, extensionPath, hosts: server.hosts, port: server.port });
      id = await extensionId(browser.context);
    }, TIMEOUT.launch);

    afterAll(async () => {
      await browser?.close();
    });

    it('loads the extension and renders the steps of each tab in that language', async () => {
      expect(id).toMatch(/^[a-p]{32}$/);
      const page = await openSidePanel(browser.context, id);
      try {
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(htmlLang);
        const tabs = await page.getByRole('tab').allTextContents();
        expect(tabs).toEqual(
          locale === 'zh-CN' ? ['准备', '面谈', '记录', '跟进'] : ['Prepare', 'Talk', 'Record', 'Follow-up'],
        );
        // No service and no talk yet: the panel starts with preparing one (solo mode).
        await newTalk(page, locale === 'zh-CN' ? '王小明' : 'Sam Lee', `sam-${locale}@example.com`);

        // Prepare holds steps 1–4, each with its title and summary from the guide.
        const shown = async () =>
          page
            .locator('[data-step]')
            .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-step'))));
        await expect.poll(shown).toEqual([1, 2, 3, 4]);
        for (const n of [1, 2, 3, 4]) {
          const step = guidePack.steps.find((x) => x.number === n)!;
          const item = page.locator(`[data-step="${n}"]`);
          expect(await item.locator('.card-title').textContent()).toContain(step.title[locale]);
          expect(await item.locator('.card-sub').first().textContent()).toBe(step.summary[locale]);
        }
        await screenshot(page, `sidepanel-${locale}-light`);
        await page.emulateMedia({ colorScheme: 'dark' });
        await expect
          .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
          .toBe('rgb(20, 21, 24)');
        await screenshot(page, `sidepanel-${locale}-dark`);
        await page.emulateMedia({ colorScheme: 'light' });

        // Talk shows the current conversation step (5–10) large; Record and Follow-up steps 11 and 12.
        await selectTab(page, 'talk');
        await expect
          .poll(() => page.getByTestId('current-step-title').textContent())
          .toBe(guidePack.steps[4]!.title[locale]);
        await selectTab(page, 'record');
        await expect.poll(shown).toContain(11);
        await selectTab(page, 'followUp');
        await expect.poll(shown).toEqual([12]);

        // The narrowest side panel: nothing may overflow sideways.
        await selectTab(page, 'prepare');
        await page.setViewportSize({ width: 320, height: 640 });
        await expect
          .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
          .toBeLessThanOrEqual(320);
        await screenshot(page, `sidepanel-${locale}-320`, { fullPage: false });
      } finally {
        await page.close();
      }
    });

    it('moves between tabs with the arrow keys and between talk steps with one key', async () => {
      const page = await openSidePanel(browser.context, id);
      try {
        const selected = () => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');
        await page.locator('[role="tab"][aria-selected="true"]').focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(selected).toBe('talk');
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-tab')))
          .toBe('talk');
        expect(await page.locator('[role="tabpanel"]').getAttribute('aria-labelledby')).toBe(
          await page.locator('[role="tab"][aria-selected="true"]').getAttribute('id'),
        );
        await page.keyboard.press('End');
        await expect.poll(selected).toBe('followUp');
        await page.keyboard.press('ArrowRight');
        await expect.poll(selected).toBe('prepare');
        await page.keyboard.press('ArrowLeft');
        await expect.poll(selected).toBe('followUp');
        await page.keyboard.press('Home');
        await expect.poll(selected).toBe('prepare');

        // In Talk, "n" (outside text fields) moves to the next step; typing "n" in a field does not.
        await selectTab(page, 'talk');
        const current = () => page.locator('[data-step][data-current="true"]').getAttribute('data-step');
        await expect.poll(current).toBe('5');
        await page.locator('.intro').click();
        await page.keyboard.press('n');
        await expect.poll(current).toBe('6');
        await page.getByTestId('self-assessment').focus();
        await page.keyboard.type('n');
        expect(await current()).toBe('6');
        await page.locator('.intro').click();
        await page.keyboard.press('p');
        await expect.poll(current).toBe('5');
      } finally {
        await page.close();
      }
    });

    it('switches language at once and remembers the choice', async () => {
      const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
      const page = await openSidePanel(browser.context, id);
      try {
        await page.getByTestId('language').selectOption(other);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(other);
        await expect
          .poll(() => page.locator('[role="tab"]').first().textContent())
          .toBe(other === 'zh-CN' ? '准备' : 'Prepare');
        const stored = await page.evaluate(() =>
          (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get('tandem:locale'),
        );
        expect(stored).toEqual({ 'tandem:locale': other });

        // A new panel opens in the remembered language; "browser default" goes back.
        const again = await openSidePanel(browser.context, id);
        await expect.poll(() => again.evaluate(() => document.documentElement.lang)).toBe(other);
        await again.getByTestId('language').selectOption('auto');
        await expect.poll(() => again.evaluate(() => document.documentElement.lang)).toBe(htmlLang);
        // The first panel follows the change made in the second one.
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(htmlLang);
        await again.close();
      } finally {
        await page.close();
      }
    });
  });

  it('reaches the fixture server at https://meet.google.com/', async () => {
    const browser = await launchBrowser({
      locale: 'en',
      extensionPath,
      hosts: server.hosts,
      port: server.port,
    });
    try {
      const page = await browser.context.newPage();
      const response = await page.goto('https://meet.google.com/');
      expect(response?.status()).toBe(200);
      expect(page.url()).toBe('https://meet.google.com/');
      expect(await page.locator('[data-tandem-fixture]').getAttribute('data-tandem-fixture')).toBe(
        'meet.google.com',
      );
      expect(server.requests).toContain('meet.google.com /');
      // A path with no fixture is a 404 from the same server, not a real Google page.
      const missing = await page.goto('https://meet.google.com/abc-defg-hij');
      expect(missing?.status()).toBe(404);
    } finally {
      await browser.close();
    }
  });
});
