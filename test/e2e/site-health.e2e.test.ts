/**
 * Site health end to end (issue 16): pages whose markup changed make the adapters miss; the
 * options page lists which host and which step, in both languages, and "Copy report" gives text
 * with host names, times and step names only. Screenshots of the fallback launcher (en), "Use
 * this page" and the health table (en and zh-CN) go to test/e2e/.artifacts.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_MS } from '../../extension/adapters/meeting';
import { type AdapterRun, callFixture, openSitePage, startAdapterRun, stored } from './adapters.support';
import { E2E, requireE2e } from './available';
import { type Browser, openSidePanel, screenshot, TIMEOUT } from './harness';

requireE2e();

const MEET = 'https://meet.google.com/abc-defg-hij/?changed=1';
const CALENDAR = 'https://calendar.google.com/calendar/u/0/r/week/2026/3/10/';

type SwChrome = { chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } } };

describe.skipIf(!E2E.run)('site health in Chromium', { timeout: TIMEOUT.launch }, () => {
  let run: AdapterRun | undefined;
  let browser: Browser;
  let worker: Worker;
  let extId: string;

  beforeAll(async () => {
    run = await startAdapterRun('en');
    ({ browser, worker } = run);
    extId = new URL(worker.url()).host;
  }, TIMEOUT.build);

  afterAll(async () => {
    await run?.close();
  });

  const setLocale = (locale: string) =>
    worker.evaluate(
      (l) => (globalThis as unknown as SwChrome).chrome.storage.local.set({ 'tandem:locale': l }),
      locale,
    );
  const failing = async (host: string) =>
    (await stored<Record<string, { lastFailureAt?: string }>>(worker, 'tandem:siteHealth'))?.[host]
      ?.lastFailureAt;

  it('a meeting page with changed markup: the launcher falls back (en)', async () => {
    const { page, errors } = await openSitePage(browser.context, MEET);
    try {
      await callFixture(page, 'join()');
      await expect
        .poll(
          () => page.evaluate(() => document.querySelector('tandem-launcher')?.getAttribute('data-mode')),
          {
            timeout: FALLBACK_MS + 10_000,
          },
        )
        .toBe('fallback');
      await expect.poll(() => failing('meet.google.com')).toBeTruthy();
      await screenshot(page, 'fallback-launcher-en', { fullPage: false });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a calendar page with changed markup: "Use this page" in both languages', async () => {
    const { page, errors } = await openSitePage(browser.context, CALENDAR);
    let panel: Page | undefined;
    try {
      await callFixture(page, "open('e1', { changed: true })");
      await expect.poll(() => failing('calendar.google.com'), { timeout: 15_000 }).toBeTruthy();
      panel = await openSidePanel(browser.context, extId);
      await panel.getByTestId('use-page').waitFor();
      await screenshot(panel, 'use-this-page-en', { fullPage: false });
      await setLocale('zh-CN');
      await expect.poll(() => panel!.getByTestId('use-page-button').textContent()).toBe('使用此页面');
      await panel.getByTestId('use-page-button').click();
      await panel.getByTestId('invite-review').waitFor();
      await screenshot(panel, 'use-this-page-zh', { fullPage: false });
      await setLocale('en');
      expect(errors).toEqual([]);
    } finally {
      await panel?.close();
      await page.close();
    }
  });

  it('the options page lists the host and the step that missed; the report holds no page content', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`chrome-extension://${extId}/options.html`);
      const table = page.getByTestId('site-health');
      const row = (host: string) => table.locator(`tr[data-host="${host}"]`);
      await row('meet.google.com').waitFor();
      expect(await row('meet.google.com').getAttribute('data-failing')).toBe('true');
      expect(await row('calendar.google.com').getAttribute('data-failing')).toBe('true');
      expect(await row('calendar.google.com').getByTestId('health-step').textContent()).toContain('anchor');
      await table.scrollIntoViewIfNeeded();
      await screenshot(page, 'site-health-en');

      await page.getByTestId('health-copy').click();
      const report = await page.getByTestId('health-report').inputValue();
      expect(report).toMatch(/^Tandem \S+ site health \(chrome\)/);
      expect(report).toMatch(/! calendar\.google\.com \[calendar\]: .*last miss \S+: anchor/);
      expect(report).toMatch(/! meet\.google\.com \[meeting\]: .*anchor/);
      // Host names, times and steps only: nothing the pages showed.
      for (const shown of ['Mid-year review', 'Li Lei', 'abc-defg-hij', 'example.com']) {
        expect(report).not.toContain(shown);
      }

      await setLocale('zh-CN');
      await expect.poll(() => table.locator('h2').textContent()).toBe('网站适配状况');
      expect(await row('calendar.google.com').getByTestId('health-step').textContent()).toContain('定位');
      await screenshot(page, 'site-health-zh');
      await setLocale('en');
    } finally {
      await page.close();
    }
  });
});
