// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * The survey page in Debian's Chromium (DESIGN §8): the service runs in-process over a real socket
 * (lowdb in a temp dir when that adapter exists, else the memory store); the browser opens links
 * the outbox gave, answers in zh-CN and en, by tap and by keyboard only, and sees the thank-you,
 * used and expired pages. Screenshots at phone size, light and dark, go to test/e2e/.artifacts/.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { bootstrap } from '../../server/auth/bootstrap';
import { defaultAppConfig } from '../../server/config';
import { createMemoryStore } from '../../server/storage/memory';
import type { Store } from '../../server/storage/types';
import { E2E, requireE2e } from './available';
import { screenshot, TIMEOUT } from './harness';
import { closeServer, consoleErrors, launchChromium, listen } from './web';

requireE2e();

const PHONE = { width: 390, height: 844 };
const START = new Date('2026-03-10T09:00:00.000Z');

async function openStore(dir: string): Promise<{ store: Store; kind: string }> {
  const lowdb = fileURLToPath(new URL('../../server/storage/lowdb.ts', import.meta.url));
  if (existsSync(lowdb)) {
    const mod: any = await import(/* @vite-ignore */ lowdb);
    return { store: await mod.openLowdbStore(dir, { log: () => {} }), kind: 'lowdb' };
  }
  return { store: createMemoryStore(), kind: 'memory' };
}

describe.skipIf(!E2E.run)('survey page in Chromium', { timeout: TIMEOUT.launch }, () => {
  let dir: string;
  let store: Store;
  let server: Server;
  let browser: Browser;
  let now = START;
  let manager: string;
  const config = defaultAppConfig();
  const app = () => createApp({ store, clock: () => now, config, log: () => {} });
  let handle: ReturnType<typeof app>;

  async function api(method: string, path: string, token: string, body?: unknown, type = 'application/json') {
    const res = await handle.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  }

  /** A new recorded session of a1 and the outbox link of its survey of `kind`. */
  async function link(kind: 'employee' | 'manager' = 'employee', employeeId = 'a1'): Promise<string> {
    const id = randomUUID();
    const s = {
      id,
      employeeId,
      cycleId: '2026H1',
      kind: 'review',
      status: 'recorded',
      startedAt: '2026-03-02T07:00:00.000Z',
      endedAt: '2026-03-02T07:55:00.000Z',
      recordedAt: '2026-03-02T10:00:00.000Z',
      baseVersion: 0,
    };
    await api('POST', '/api/v1/sync', manager, { push: { sessions: [s] } });
    const { items } = await api('GET', `/api/v1/surveys/outbox?asOf=${now.toISOString()}`, manager);
    const item = items.find((i: any) => i.sessionId === id && i.kind === kind);
    if (!item) throw new Error('no outbox item');
    return item.url;
  }

  async function phone(locale: string, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
    return browser.newContext({
      locale,
      colorScheme,
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
  }

  async function responses(): Promise<any[]> {
    return store.read((tx) => tx.find('surveyResponses'));
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-survey-e2e-'));
    ({ store } = await openStore(dir));
    handle = app();
    const hr = (await bootstrap(store, { clock: () => now })).token!;
    manager = (
      await api('POST', '/api/v1/users', hr, { name: 'Manager A', email: 'a@corp.example', role: 'manager' })
    ).token;
    await api(
      'PUT',
      '/api/v1/employees',
      hr,
      [
        'id,name,email,department,managerEmail,status,leftOn',
        'a1,王小明,a1@corp.example,R&D,a@corp.example,active,',
      ].join('\n'),
      'text/csv',
    );
    await api('PUT', '/api/v1/cycles/2026H1', hr, {
      name: '2026 H1',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    let base: string;
    ({ server, base } = await listen(handle.fetch));
    config.publicUrl = base;
    browser = await launchChromium();
  }, TIMEOUT.launch);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await closeServer(server);
    await store?.close().catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('zh-CN: open the link, answer by tapping, send, see thanks; reopen → 410', async () => {
    const url = await link();
    const before = (await responses()).length;
    const ctx = await phone('zh-CN');
    try {
      const page = await ctx.newPage();
      const errors = consoleErrors(page);
      const res = await page.goto(url);
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await expect(page.locator('h1').textContent()).resolves.toBe('这次面谈，感觉怎么样？');
      // Styled by the hashed sheet (the CSP would have dropped it otherwise).
      const radius = await page.locator('.card').evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
      expect(radius).not.toBe('0px');
      await screenshot(page, 'survey-zh-CN-light');

      for (const [name, value] of Object.entries({ fair: 4, clarity: 5, plan: 4, respected: 5, nps: 9 })) {
        await page.locator(`label.opt:has(input[name="${name}"][value="${value}"])`).tap();
        expect(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked()).toBe(true);
      }
      await page.locator('#comment').fill('谈得很具体，谢谢！');
      const [post] = await Promise.all([
        page.waitForNavigation(),
        page.locator('button[type="submit"]').tap(),
      ]);
      expect(post?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('谢谢你！');
      await screenshot(page, 'survey-zh-CN-thanks');
      const all = await responses();
      expect(all).toHaveLength(before + 1);
      expect(all.at(-1)!.answers).toEqual({
        fair: 4,
        clarity: 5,
        plan: 4,
        respected: 5,
        nps: 9,
        comment: '谈得很具体，谢谢！',
      });

      const again = await page.goto(url);
      expect(again?.status()).toBe(410);
      await expect(page.locator('h1').textContent()).resolves.toBe('这个链接已经用过了');
      await screenshot(page, 'survey-zh-CN-used');
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('zh-CN dark, then the switch to English; en light and dark; errors keep what was typed', async () => {
    const url = await link();
    const dark = await phone('zh-CN', 'dark');
    try {
      const page = await dark.newPage();
      const errors = consoleErrors(page);
      await page.goto(url);
      await screenshot(page, 'survey-zh-CN-dark');
      await page.locator('nav.lang a[lang="en"]').tap();
      await page.waitForURL(/\?lang=en$/);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await screenshot(page, 'survey-en-dark');
      expect(errors).toEqual([]);
    } finally {
      await dark.close();
    }

    const light = await phone('en-US');
    try {
      const page = await light.newPage();
      const errors = consoleErrors(page);
      await page.goto(url);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await screenshot(page, 'survey-en-light');
      // Half answered, then sent: the form comes back with errors, nothing lost.
      await page.locator('label.opt:has(input[name="fair"][value="2"])').tap();
      await page.locator('label.opt:has(input[name="nps"][value="6"])').tap();
      await page.locator('#comment').fill('Some of the plan felt rushed.');
      const [bad] = await Promise.all([
        page.waitForNavigation(),
        page.locator('button[type="submit"]').tap(),
      ]);
      expect(bad?.status()).toBe(400);
      expect(await page.locator('.alert.err').textContent()).toContain('3 answers need a look');
      expect(await page.locator('#err-clarity').isVisible()).toBe(true);
      expect(await page.locator('input[name="fair"][value="2"]').isChecked()).toBe(true);
      expect(await page.locator('input[name="nps"][value="6"]').isChecked()).toBe(true);
      expect(await page.locator('#comment').inputValue()).toBe('Some of the plan felt rushed.');
      await screenshot(page, 'survey-en-errors');
      for (const name of ['clarity', 'plan', 'respected']) {
        await page.locator(`label.opt:has(input[name="${name}"][value="3"])`).tap();
      }
      const [ok] = await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').tap()]);
      expect(ok?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Thank you!');
      await screenshot(page, 'survey-en-thanks');
      expect(errors).toEqual([]);
    } finally {
      await light.close();
    }
  });

  it('keyboard only: Tab, arrows, space and Enter fill and send the manager survey', async () => {
    const url = await link('manager');
    const before = (await responses()).length;
    const ctx = await browser.newContext({ locale: 'en', viewport: PHONE });
    try {
      const page = await ctx.newPage();
      await page.goto(url);
      const active = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return el ? `${el.tagName.toLowerCase()}:${el.name ?? ''}:${el.value ?? ''}` : '';
        });
      const tabTo = async (prefix: string) => {
        for (let i = 0; i < 20; i++) {
          await page.keyboard.press('Tab');
          if ((await active()).startsWith(prefix)) return;
        }
        throw new Error(`Tab never reached ${prefix} (at ${await active()})`);
      };
      // consensus → 4: into the group, space picks 1, three arrows move the choice to 4.
      await tabTo('input:consensus:');
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      expect(await active()).toBe('input:consensus:4');
      // plan → 5 via arrows; prepared → 2.
      await page.keyboard.press('Tab');
      expect(await active()).toBe('input:plan:1');
      await page.keyboard.press('Space');
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      expect(await active()).toBe('input:prepared:2');
      // The focused option is visibly marked.
      const outline = await page.evaluate(() => {
        const span = (document.activeElement as HTMLElement).nextElementSibling as HTMLElement;
        return getComputedStyle(span).outlineStyle;
      });
      expect(outline).toBe('solid');
      await screenshot(page, 'survey-en-keyboard', { fullPage: false });
      await page.keyboard.press('Tab');
      expect(await active()).toMatch(/^textarea:comment/);
      await page.keyboard.type('Prepare the facts earlier.');
      await page.keyboard.press('Tab');
      expect(await active()).toMatch(/^button:/);
      const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Thank you!');
      const all = await responses();
      expect(all).toHaveLength(before + 1);
      expect(all.at(-1)).toMatchObject({
        kind: 'manager',
        answers: { consensus: 4, plan: 5, prepared: 2, comment: 'Prepare the facts earlier.' },
      });
    } finally {
      await ctx.close();
    }
  });

  it('expired → 410 page, in both languages', async () => {
    const url = await link();
    const saved = now;
    now = new Date('2026-05-01T00:00:00.000Z');
    try {
      for (const [locale, title] of [
        ['en', 'This survey has closed'],
        ['zh-CN', '这份问卷已经截止'],
      ] as const) {
        const ctx = await phone(locale);
        try {
          const page = await ctx.newPage();
          const res = await page.goto(url);
          expect(res?.status()).toBe(410);
          await expect(page.locator('h1').textContent()).resolves.toBe(title);
          await screenshot(page, `survey-${locale}-expired`);
        } finally {
          await ctx.close();
        }
      }
    } finally {
      now = saved;
    }
  });
});
