/**
 * Calendar adapters in Chromium, on fixture pages served at the real hosts: "Prepare with Tandem"
 * mounts once beside the open event, survives the app re-rendering or replacing the event bubble,
 * reads the event the page shows into the `InviteInfo` the background stores, and stays away (with
 * no page error) when the markup is not what the adapter knows.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAL_FALLBACK_MS } from '../../extension/adapters/calendar';
import type { SiteHealthMap } from '../../extension/adapters/health';
import type { PendingInvite } from '../../extension/adapters/messages';
import { InviteInfoSchema } from '../../shared/invite/types';
import {
  type AdapterRun,
  callFixture,
  localIso,
  mountMs,
  openSitePage,
  reportTimes,
  settle,
  startAdapterRun,
  stored,
  written,
} from './adapters.support';
import { E2E, requireE2e } from './available';
import { type Browser, openSidePanel, screenshot, TIMEOUT } from './harness';

requireE2e();

const TAG = 'tandem-calendar';
const KEY = 'tandem:pendingInvite';

interface Site {
  name: string;
  url: string;
  /** The open event's container: the button must be inside it. */
  root: string;
  e1: Record<string, unknown>;
  e2: Record<string, unknown>;
}

const SITES: Site[] = [
  {
    name: 'google-calendar',
    url: 'https://calendar.google.com/calendar/u/0/r/week/2026/3/10/',
    root: '#xDetDlg',
    e1: {
      source: 'google-calendar',
      uid: 'ZTFfcmV2aWV3IHdhbmcuZmFuZ0BleGFtcGxlLmNvbQ',
      title: 'Mid-year review: Li Lei',
      start: localIso(2026, 3, 10, 14),
      end: localIso(2026, 3, 10, 15),
      attendees: [
        { name: 'Wang Fang', email: 'wang.fang@example.com', organizer: true },
        { name: 'Li Lei', email: 'li.lei@example.com' },
      ],
      organizer: { name: 'Wang Fang', email: 'wang.fang@example.com' },
      location: 'Room 4.12 (Orchid)',
      meetingUrl: 'https://meet.google.com/abc-defg-hij?authuser=0&hs=122',
      description: 'Mid-year performance review.\nPlease bring your self-assessment.\nReview notes',
    },
    e2: {
      source: 'google-calendar',
      uid: 'ZTJfY29hY2hpbmcgd2FuZy5mYW5nQGV4YW1wbGUuY29t',
      title: '绩效辅导 · 张伟',
      start: localIso(2026, 3, 12, 10, 30),
      end: localIso(2026, 3, 12, 11, 15),
      attendees: [
        { name: '王芳', email: 'wang.fang@example.com', organizer: true },
        { name: '张伟', email: 'zhang.wei@example.com' },
      ],
      meetingUrl: 'https://meeting.tencent.com/dm/x4Lk9qTzWm2P',
    },
  },
  {
    name: 'outlook',
    url: 'https://outlook.office.com/calendar/view/workweek/',
    root: '[data-app-section="CalendarItemPeek"], [data-app-section="ReadingPane"]',
    e1: {
      source: 'outlook',
      uid: 'AAMkADk0ZTY1LXJldmlldy1jaGVuamluZwBGAAAAAAB',
      title: 'Performance review – Chen Jing',
      start: localIso(2026, 3, 10, 14),
      end: localIso(2026, 3, 10, 15),
      attendees: [
        { name: 'Zhao Min', email: 'zhao.min@contoso.com', organizer: true },
        { name: 'Chen Jing', email: 'chen.jing@contoso.com' },
      ],
      organizer: { name: 'Zhao Min', email: 'zhao.min@contoso.com' },
      location: 'Microsoft Teams Meeting',
      meetingUrl:
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_OGQ5YjQ1ZTgtNmY0Mi00%40thread.v2/0?context=%7b%22Tid%22%3a%2272f9%22%7d',
    },
    e2: {
      source: 'outlook',
      uid: 'AAMkADk0ZTY1LWNvYWNoaW5nLWxpdXlhbmcARgAAAAAAB',
      title: '目标沟通 · 刘洋',
      start: localIso(2026, 3, 12, 14),
      end: localIso(2026, 3, 12, 14, 45),
      attendees: [
        { name: '赵敏', email: 'zhao.min@contoso.com', organizer: true },
        { name: '刘洋', email: 'liu.yang@contoso.com' },
      ],
      location: '会议室 3B',
      meetingUrl: 'https://contoso.zoom.us/j/85012345678?pwd=abcDEF',
    },
  },
  {
    name: 'feishu',
    url: 'https://www.feishu.cn/calendar/week/?date=2026-03-10',
    root: '[data-testid="event-detail-card"]',
    e1: {
      source: 'feishu',
      uid: '7331998842211',
      title: '绩效面谈 · 孙丽',
      start: localIso(2026, 3, 10, 14),
      end: localIso(2026, 3, 10, 15),
      attendees: [
        { name: '周杰', email: 'zhou.jie@example.cn', organizer: true },
        { name: '孙丽', email: 'sun.li@example.cn' },
      ],
      location: '北京-望京-5F-会议室 Lotus',
      meetingUrl: 'https://vc.feishu.cn/j/612345789',
      description: '年度绩效面谈，请提前完成自评。',
    },
    e2: {
      source: 'feishu',
      uid: '7331998842299',
      title: '1:1 with Alex Kim',
      start: localIso(2026, 3, 12, 9, 30),
      end: localIso(2026, 3, 12, 10, 15),
      attendees: [{ name: 'Zhou Jie', email: 'zhou.jie@example.cn', organizer: true }, { name: 'Alex Kim' }],
      meetingUrl: 'https://vc.larksuite.com/j/698765432',
    },
  },
];

const site0Title = SITES[0]!.e1.title as string;
const count = (page: Page) => page.evaluate((t) => document.getElementsByTagName(t).length, TAG);
const inside = (page: Page, root: string) =>
  page.evaluate(([t, r]) => !!document.querySelector(t!)?.closest(r!), [TAG, root]);

describe.skipIf(!E2E.run)('calendar adapters in Chromium', { timeout: TIMEOUT.launch }, () => {
  let run: AdapterRun | undefined;
  let browser: Browser;
  let worker: Worker;

  beforeAll(async () => {
    run = await startAdapterRun('en');
    ({ browser, worker } = run);
  }, TIMEOUT.build);

  afterAll(async () => {
    await run?.close();
  });

  /** Click the button and wait for the background to store an invite with this title. */
  async function prepare(page: Page, title: string): Promise<PendingInvite> {
    const before = (await written<PendingInvite>(worker, KEY)).length;
    await page.locator(TAG).click();
    let got: PendingInvite | undefined;
    await expect
      .poll(async () => {
        const all = await written<PendingInvite>(worker, KEY);
        got = all.slice(before).find((v) => v.invite.title === title);
        return !!got;
      })
      .toBe(true);
    return got!;
  }

  describe.each(SITES)('$name', (site) => {
    let page: Page;
    let errors: string[];
    const times: number[] = [];

    beforeAll(async () => {
      ({ page, errors } = await openSitePage(browser.context, site.url));
    });

    afterAll(async () => {
      await reportTimes(site.name, times);
      await page?.close();
    });

    it('shows no button while no event is open', async () => {
      expect(await count(page)).toBe(0);
    });

    it('mounts once beside the open event, and again after re-renders, never twice', async () => {
      await callFixture(page, "open('e1')");
      await expect.poll(() => count(page)).toBe(1);
      expect(await inside(page, site.root)).toBe(true);
      times.push((await mountMs(page, TAG)) ?? Number.NaN);
      expect(await page.evaluate((t) => document.querySelector(t)?.getAttribute('lang'), TAG)).toBe('en');

      for (const step of ['rerender()', 'replace()', 'rerender()', 'replace()']) {
        await callFixture(page, step);
        await expect.poll(() => count(page)).toBe(1);
        expect(await inside(page, site.root)).toBe(true);
        times.push((await mountMs(page, TAG)) ?? Number.NaN);
      }
      await settle(page);
      expect(await count(page)).toBe(1);
      await screenshot(page, `adapter-${site.name}-open`);
    });

    it('reads the open event into the invite the background stores', async () => {
      const stored = await prepare(page, site.e1.title as string);
      expect(stored.invite).toMatchObject(site.e1);
      expect(stored.invite.attendees).toEqual(site.e1.attendees);
      expect(InviteInfoSchema.safeParse(stored.invite).success).toBe(true);
      expect(stored.pageUrl).toBe(site.url.split('?')[0]);
      expect(typeof stored.tabId).toBe('number');
    });

    it('reads the new event after switching events', async () => {
      await callFixture(page, "open('e2')");
      await expect.poll(() => count(page)).toBe(1);
      const stored = await prepare(page, site.e2.title as string);
      expect(stored.invite).toMatchObject(site.e2);
      expect(stored.invite.attendees).toEqual(site.e2.attendees);
      expect(InviteInfoSchema.safeParse(stored.invite).success).toBe(true);
    });

    it('removes the button when the event closes', async () => {
      await callFixture(page, 'close()');
      await expect.poll(() => count(page)).toBe(0);
    });

    it('stays away quietly when the markup has changed', async () => {
      await callFixture(page, "open('e1', { changed: true })");
      await settle(page, 500);
      expect(await count(page)).toBe(0);
      await callFixture(page, 'rerender()');
      await settle(page);
      expect(await count(page)).toBe(0);
      await callFixture(page, 'close()');
    });

    if (site.name === 'outlook') {
      it('mounts in the full event view, not on a mail in the reading pane', async () => {
        await callFixture(page, "openFull('e1')");
        await expect.poll(() => count(page)).toBe(1);
        expect(await inside(page, '[data-app-section="ReadingPane"]')).toBe(true);
        const stored = await prepare(page, site.e1.title as string);
        expect(stored.invite).toMatchObject({ title: site.e1.title, start: site.e1.start });
        await callFixture(page, 'openMail()');
        await expect.poll(() => count(page)).toBe(0);
        await callFixture(page, 'close()');
      });
    }

    it('caused no page error and no console error', () => {
      expect(errors).toEqual([]);
    });
  });

  describe.each(SITES)('$name with changed markup', (site) => {
    const host = new URL(site.url).hostname;
    const health = async () => (await stored<SiteHealthMap>(worker, 'tandem:siteHealth'))?.[host];

    it('records the miss in site health, and "Use this page" reads the open event', async () => {
      const { page, errors } = await openSitePage(browser.context, site.url);
      const extId = new URL(worker.url()).host;
      let panel: Page | undefined;
      try {
        const t0 = new Date().toISOString();
        await callFixture(page, "open('e1', { changed: true })");
        await expect
          .poll(async () => ((await health())?.lastFailureAt ?? '') > t0, {
            timeout: CAL_FALLBACK_MS + 10_000,
          })
          .toBe(true);
        expect((await health())?.lastFailureMissed).toEqual(['anchor']);
        const h = (await health())!;
        expect(h.kind).toBe('calendar');
        expect(h.lastFailureAt! > (h.lastSuccessAt ?? '')).toBe(true);
        expect(await count(page)).toBe(0);

        // Earlier tests' "Prepare" clicks left an invite for the panel: not this test's business.
        await worker.evaluate(
          (k) =>
            (
              globalThis as unknown as {
                chrome: { storage: { local: { remove(k: string): Promise<void> } } };
              }
            ).chrome.storage.local.remove(k),
          KEY,
        );
        panel = await openSidePanel(browser.context, extId);
        await panel.getByTestId('use-page-button').click();
        const card = panel.getByTestId('invite-review');
        await card.waitFor();
        expect(await card.getAttribute('data-start')).toBe(site.e1.start);
        expect(await card.locator('h2').textContent()).toContain(site.e1.title as string);
        await screenshot(panel, `use-this-page-${site.name}-en`, { fullPage: false });
        await panel.getByTestId('invite-review-close').click();
        await callFixture(page, 'close()');
        expect(errors).toEqual([]);
      } finally {
        await panel?.close();
        await page.close();
      }
    });
  });

  it('an event whose time cannot be read is still sent, with its text for the panel; health names the time', async () => {
    const { page, errors } = await openSitePage(browser.context, SITES[0]!.url);
    try {
      await callFixture(page, "open('e1')");
      await expect.poll(() => count(page)).toBe(1);
      // The time row now shows words the adapter's time reader cannot use.
      await page.evaluate(() => {
        document.querySelector('#xDetDlgWhen .AzuXid')!.textContent = 'Sometime after lunch';
      });
      const before = (await written<PendingInvite>(worker, KEY)).length;
      await page.locator(TAG).click();
      await expect.poll(async () => (await written<PendingInvite>(worker, KEY)).length).toBe(before + 1);
      const [got] = (await written<PendingInvite>(worker, KEY)).slice(-1);
      expect(got!.invite.title).toBe(site0Title);
      expect(got!.invite.start).toBeUndefined();
      expect(got!.pageText).toContain('Sometime after lunch');
      expect(
        (await stored<SiteHealthMap>(worker, 'tandem:siteHealth'))?.['calendar.google.com'],
      ).toMatchObject({
        lastFailureMissed: ['time'],
      });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a page script cannot press the button (untrusted clicks are ignored)', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(SITES[0]!.url);
      await page.waitForFunction(() => 'fixture' in window);
      await callFixture(page, "open('e1')");
      await expect.poll(() => count(page)).toBe(1);
      const before = (await written(worker, KEY)).length;
      await page.evaluate((t) => {
        const host = document.querySelector(t)!;
        host.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        // The shadow root is closed: the page cannot reach the button itself.
        return host.shadowRoot;
      }, TAG);
      await settle(page, 500);
      expect((await written(worker, KEY)).length).toBe(before);
      expect(await page.evaluate((t) => document.querySelector(t)!.shadowRoot, TAG)).toBeNull();
    } finally {
      await page.close();
    }
  });
});
