// biome-ignore-all lint/suspicious/noExplicitAny: rows read back from the store are loosely typed here
/**
 * The HR dashboard in Debian's Chromium (DESIGN §8): the demo organisation seeded into a lowdb
 * store in a temp dir, the app on a real socket (port 0), a fixed clock. HR signs in with the
 * token, switches cycle and grouping, sees warnings, downloads the CSV through the page's link,
 * signs out; a manager's token gets the 403 page. Screenshots at 1280 wide, light and dark,
 * zh-CN and en, go to test/e2e/.artifacts/.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { defaultAppConfig } from '../../server/config';
import { SESSION_COOKIE, SESSION_PREFIX } from '../../server/dashboard/session';
import { type SeedResult, seedDemo } from '../../server/demo/seed';
import { openLowdbStore } from '../../server/storage/lowdb';
import type { Store } from '../../server/storage/types';
import { E2E, requireE2e } from './available';
import { screenshot, TIMEOUT } from './harness';
import { closeServer, consoleErrors, launchChromium, listen } from './web';

requireE2e();

const NOW = new Date('2026-11-25T09:00:00.000Z');
const DESKTOP = { width: 1280, height: 900 };

describe.skipIf(!E2E.run)('HR dashboard in Chromium', { timeout: TIMEOUT.launch }, () => {
  let dir: string;
  let store: Store;
  let server: Server;
  let browser: Browser;
  let base: string;
  let seeded: SeedResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-dashboard-e2e-'));
    store = await openLowdbStore(dir, { log: () => {} });
    seeded = await seedDemo(store, { today: NOW });
    const config = defaultAppConfig({ rateLimitPerMinute: 0 });
    const app = createApp({ store, clock: () => NOW, config, log: () => {} });
    ({ server, base } = await listen(app.fetch));
    config.publicUrl = base;
    browser = await launchChromium();
  }, TIMEOUT.launch);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await closeServer(server);
    await store?.close().catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function desktop(locale: string, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
    return browser.newContext({ locale, colorScheme, viewport: DESKTOP, acceptDownloads: true });
  }

  async function signIn(page: Page, token: string) {
    await page.goto(`${base}/dashboard`);
    await page.locator('#token').fill(token);
    const [res] = await Promise.all([
      page.waitForNavigation(),
      page.locator('button[type="submit"]').click(),
    ]);
    return res;
  }

  const sessions = async () =>
    (await store.read((tx) => tx.find('settings'))).filter((s) => s.id.startsWith(SESSION_PREFIX));

  it('zh-CN: sign in, warnings, switch cycle and grouping, download the CSV, sign out', async () => {
    const ctx = await desktop('zh-CN');
    try {
      const page = await ctx.newPage();
      const errors = consoleErrors(page);
      const first = await page.goto(`${base}/dashboard`);
      expect(first?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(first?.headers()['content-security-policy']).toContain("default-src 'none'");
      await screenshot(page, 'dashboard-zh-CN-signin');

      const res = await signIn(page, seeded.hrToken);
      expect(res?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toContain('绩效面谈效果');
      const cookie = (await ctx.cookies()).find((c) => c.name === SESSION_COOKIE)!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/dashboard' });
      expect(await sessions()).toHaveLength(1);
      // Styled by the hashed sheet (the CSP would have dropped it otherwise).
      const radius = await page
        .locator('.card')
        .first()
        .evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
      expect(radius).not.toBe('0px');
      // The four dimensions and process health, with trend lines.
      for (const d of ['consensus', 'development', 'motivation', 'performance', 'process']) {
        await expect(page.locator(`[data-dimension="${d}"]`).count()).resolves.toBe(1);
      }
      expect(await page.locator('svg.spark').count()).toBeGreaterThan(10);
      // The default cycle is the last one that has ended; it has warnings with their triggers.
      expect(await page.locator('[data-testid="cycles"] a[aria-current]').textContent()).toBe('2026 Q3');
      const warnings = page.locator('[data-testid="warnings"] li');
      expect(await warnings.count()).toBeGreaterThan(0);
      expect(await warnings.first().textContent()).toMatch(/：/);
      // A suppressed group says so.
      expect(await page.locator('tr[data-suppressed]').count()).toBeGreaterThan(0);
      expect(await page.locator('tr[data-suppressed]').first().textContent()).toMatch(/已隐藏/);
      await screenshot(page, 'dashboard-zh-CN-light');

      // Switch cycle: 2026 Q2 has a next cycle, so the scatter of completion vs rating change shows.
      await Promise.all([
        page.waitForNavigation(),
        page.locator('[data-testid="cycles"] a', { hasText: '2026 Q2' }).click(),
      ]);
      expect(page.url()).toContain('cycleId=2026Q2');
      expect(await page.locator('[data-testid="cycles"] a[aria-current]').textContent()).toBe('2026 Q2');
      expect(await page.locator('circle.pt').count()).toBeGreaterThan(5);
      await screenshot(page, 'dashboard-zh-CN-q2');

      // Switch grouping to managers: names, not only emails.
      await Promise.all([
        page.waitForNavigation(),
        page.locator('[data-testid="grouping"] a', { hasText: '按经理' }).click(),
      ]);
      expect(page.url()).toContain('groupBy=manager');
      expect(page.url()).toContain('cycleId=2026Q2');
      expect(await page.locator('.tablecard tbody tr').count()).toBeGreaterThan(5);

      // The CSV link downloads the figures on screen.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="csv"]').click(),
      ]);
      expect(download.suggestedFilename()).toBe('tandem-metrics-2026Q2-manager.csv');
      const file = await readFile((await download.path())!, 'utf8');
      expect(file.startsWith('\uFEFF')).toBe(true);
      const rows = parse(file.slice(1), { columns: true }) as Record<string, string>[];
      expect(rows.at(-1)!.scope).toBe('overall');
      expect(rows.length).toBeGreaterThan(5);

      // Sign out: the session is gone and the dashboard asks to sign in again.
      await Promise.all([
        page.waitForNavigation(),
        page.locator('form[action="/dashboard/sign-out"] button').click(),
      ]);
      expect(await page.locator('#token').count()).toBe(1);
      expect(await sessions()).toHaveLength(0);
      expect((await ctx.cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      await page.goto(`${base}/dashboard?cycleId=2026Q2`);
      expect(await page.locator('#token').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('en light and dark, zh-CN dark: screenshots; the language switch keeps the view', async () => {
    for (const [locale, scheme] of [
      ['en-US', 'light'],
      ['en-US', 'dark'],
      ['zh-CN', 'dark'],
    ] as const) {
      const ctx = await desktop(locale, scheme);
      try {
        const page = await ctx.newPage();
        const errors = consoleErrors(page);
        await signIn(page, seeded.hrToken);
        const lang = locale === 'en-US' ? 'en' : 'zh-CN';
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        if (lang === 'en')
          expect(await page.locator('h1').textContent()).toContain('Conversation effectiveness');
        await screenshot(page, `dashboard-${lang}-${scheme}`);
        if (lang === 'en' && scheme === 'light') {
          await Promise.all([
            page.waitForNavigation(),
            page.locator('[data-testid="grouping"] a', { hasText: 'Whole company' }).click(),
          ]);
          await screenshot(page, 'dashboard-en-whole-company');
          await Promise.all([page.waitForNavigation(), page.locator('nav.pills a[lang="zh-CN"]').click()]);
          expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
          expect(page.url()).toContain('groupBy=none');
        }
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }
    }
  });

  it('keyboard: the controls are reachable with Tab and show focus', async () => {
    const ctx = await desktop('en-US');
    try {
      const page = await ctx.newPage();
      await signIn(page, seeded.hrToken);
      const seen: string[] = [];
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press('Tab');
        seen.push(
          await page.evaluate(() => (document.activeElement as HTMLElement).textContent?.trim() ?? ''),
        );
      }
      expect(seen).toContain('2026 Q2');
      expect(seen).toContain('Manager');
      expect(seen.some((s) => s.includes('Download CSV'))).toBe(true);
      const outline = await page.evaluate(
        () => getComputedStyle(document.activeElement as HTMLElement).outlineStyle,
      );
      expect(outline).toBe('solid');
    } finally {
      await ctx.close();
    }
  });

  it('a manager token gets a clear 403 page; a wrong token the form again', async () => {
    const ctx = await desktop('en-US');
    try {
      const page = await ctx.newPage();
      const res = await signIn(page, seeded.manager.token);
      expect(res?.status()).toBe(403);
      expect(await page.locator('h1').textContent()).toBe('The dashboard is for HR');
      await screenshot(page, 'dashboard-en-manager-403');
      expect((await ctx.cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      const bad = await signIn(page, 'tdm_not-a-real-token-at-all-000000000000000');
      expect(bad?.status()).toBe(401);
      expect(await page.locator('.err').textContent()).toContain('not valid');
    } finally {
      await ctx.close();
    }
  });
});
