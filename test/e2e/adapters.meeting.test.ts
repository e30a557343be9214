/**
 * Meeting launchers in Chromium, on fixture pages served at the real hosts: `<tandem-launcher>`
 * mounts once, the call's start and end come from the page (the in-call UI appearing and going
 * away, or the page going away) and the background records them in `tandem:calls`; the launcher
 * asks for the side panel with the meeting's link.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteHealthMap } from '../../extension/adapters/health';
import { FALLBACK_MS, LEFT_GRACE_MS } from '../../extension/adapters/meeting';
import type { CallRecord, PanelRequest } from '../../extension/adapters/messages';
import { normalizeMeetingUrl } from '../../shared/invite/links';
import {
  type AdapterRun,
  callFixture,
  captureErrors,
  mountMs,
  openSitePage,
  reportTimes,
  settle,
  startAdapterRun,
  stored,
  written,
} from './adapters.support';
import { E2E, requireE2e } from './available';
import { type Browser, screenshot, TIMEOUT } from './harness';

requireE2e();

const TAG = 'tandem-launcher';

interface Site {
  name: string;
  url: string;
  /** The link the call must be recorded under. */
  meetingUrl: string;
}

const TEAMS_LINK =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA5ZDk0YjEtZmQ%40thread.v2/0?context=%7b%22Tid%22%3a%2272f9%22%7d';

const SITES: Site[] = [
  {
    name: 'google-meet',
    url: 'https://meet.google.com/abc-defg-hij/?authuser=0',
    meetingUrl: 'https://meet.google.com/abc-defg-hij',
  },
  {
    name: 'zoom',
    url: 'https://app.zoom.us/wc/85012345678/join/?fromPWA=1&pwd=abc',
    meetingUrl: 'https://zoom.us/j/85012345678',
  },
  {
    name: 'teams',
    url: `https://teams.microsoft.com/v2/?meetingjoin=true#${TEAMS_LINK.replace('https://teams.microsoft.com', '')}`,
    meetingUrl: normalizeMeetingUrl(TEAMS_LINK),
  },
  {
    name: 'tencent-meeting',
    url: 'https://meeting.tencent.com/dm/x4Lk9qTzWm2P/',
    meetingUrl: 'https://meeting.tencent.com/dm/x4Lk9qTzWm2P',
  },
  {
    name: 'feishu-meeting',
    url: 'https://vc.feishu.cn/j/612345789/',
    meetingUrl: 'https://vc.feishu.cn/j/612345789',
  },
];

const count = (page: Page) => page.evaluate((t) => document.getElementsByTagName(t).length, TAG);
const attr = (page: Page, name: string) =>
  page.evaluate(([t, n]) => document.querySelector(t!)?.getAttribute(n!) ?? null, [TAG, name]);

/** The address of the same page in a release whose markup has changed (`?changed`, before any hash). */
function changedUrl(url: string): string {
  const [base, hash] = url.split('#');
  return `${base}${base!.includes('?') ? '&' : '?'}changed=1${hash ? `#${hash}` : ''}`;
}

/** Whether the launcher's box overlaps any of the page's own buttons (in the top document). */
const coversControls = (page: Page) =>
  page.evaluate((t) => {
    const l = document.querySelector(t)!.getBoundingClientRect();
    return [...document.querySelectorAll('button, [role="button"]')].some((b) => {
      const r = b.getBoundingClientRect();
      return r.width > 0 && r.left < l.right && r.right > l.left && r.top < l.bottom && r.bottom > l.top;
    });
  }, TAG);

/** Click the launcher's second button ("Mark start" / "Mark end"): its right end (the shadow root is closed). */
async function clickMark(page: Page): Promise<void> {
  const box = (await page.locator(TAG).boundingBox())!;
  await page.mouse.click(box.x + box.width - 12, box.y + box.height / 2);
}

describe.skipIf(!E2E.run)('meeting launchers in Chromium', { timeout: TIMEOUT.launch }, () => {
  let run: AdapterRun | undefined;
  let browser: Browser;
  let worker: Worker;

  beforeAll(async () => {
    run = await startAdapterRun('zh-CN');
    ({ browser, worker } = run);
  }, TIMEOUT.build);

  afterAll(async () => {
    await run?.close();
  });

  const calls = async (meetingUrl: string) =>
    ((await stored<CallRecord[]>(worker, 'tandem:calls')) ?? []).filter((c) => c.meetingUrl === meetingUrl);

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

    it('mounts the launcher once, in the browser language', async () => {
      await expect.poll(() => count(page)).toBe(1);
      times.push((await mountMs(page, TAG)) ?? Number.NaN);
      expect(await page.evaluate((t) => document.querySelector(t)?.getAttribute('lang'), TAG)).toBe('zh-CN');
      expect(await calls(site.meetingUrl)).toEqual([]);
      // More samples of the mounting time: fresh page loads.
      for (let i = 0; i < 4; i++) {
        await page.reload();
        await page.waitForFunction(() => 'fixture' in window);
        await expect.poll(() => count(page)).toBe(1);
        times.push((await mountMs(page, TAG)) ?? Number.NaN);
      }
    });

    it('opens the panel for this meeting from the launcher', async () => {
      const before = (await written(worker, 'tandem:panelRequest')).length;
      await page.locator(TAG).click();
      await expect.poll(async () => (await written(worker, 'tandem:panelRequest')).length).toBe(before + 1);
      const [req] = (await written<PanelRequest>(worker, 'tandem:panelRequest')).slice(-1);
      expect(req).toMatchObject({ meetingUrl: site.meetingUrl, tabId: expect.any(Number) });
      expect(req!.pageUrl).not.toContain('?');
    });

    it('records the call start when the in-call UI appears, once, through re-renders', async () => {
      const t0 = new Date().toISOString();
      await callFixture(page, 'join()');
      await expect.poll(async () => (await calls(site.meetingUrl)).length).toBe(1);
      const [call] = await calls(site.meetingUrl);
      expect(call!.joinedAt >= t0.replace(/\.\d{3}Z$/, 'Z').slice(0, 19)).toBe(true);
      expect(call!.leftAt).toBeUndefined();

      // The call bar re-renders (gone for 50 ms): still one call, still going on.
      await callFixture(page, 'rerender()');
      await page.waitForTimeout(LEFT_GRACE_MS + 700);
      const after = await calls(site.meetingUrl);
      expect(after).toHaveLength(1);
      expect(after[0]!.leftAt).toBeUndefined();
      expect(await count(page)).toBe(1);
      expect(await page.evaluate((t) => document.querySelector(t)?.getAttribute('data-state'), TAG)).toBe(
        'in-call',
      );
      await screenshot(page, `adapter-${site.name}-in-call`);
    });

    it('records the call end when the in-call UI goes away', async () => {
      const leftFrom = new Date().toISOString().slice(0, 19);
      await callFixture(page, 'leave()');
      await expect
        .poll(async () => (await calls(site.meetingUrl))[0]?.leftAt, { timeout: 10_000 })
        .toBeTruthy();
      const [call] = await calls(site.meetingUrl);
      expect(call!.leftAt! >= call!.joinedAt).toBe(true);
      expect(call!.leftAt!.slice(0, 19) >= leftFrom).toBe(true);
      expect(await count(page)).toBe(1);
    });

    it('caused no page error and no console error', () => {
      expect(errors).toEqual([]);
    });
  });

  describe.each(SITES)('$name with changed markup', (site) => {
    let page: Page;
    let errors: string[];
    const host = new URL(site.url).hostname;
    const health = async () => (await stored<SiteHealthMap>(worker, 'tandem:siteHealth'))?.[host];

    beforeAll(async () => {
      ({ page, errors } = await openSitePage(browser.context, changedUrl(site.url)));
    });

    afterAll(async () => {
      await page?.close();
    });

    it('falls back to manual marks and records the miss in site health', async () => {
      await expect.poll(() => count(page)).toBe(1);
      await callFixture(page, 'join()');
      await expect.poll(() => attr(page, 'data-mode'), { timeout: FALLBACK_MS + 10_000 }).toBe('fallback');
      expect(await count(page)).toBe(1);
      await expect
        .poll(async () => (await health())?.lastFailureMissed, { timeout: 10_000 })
        .toEqual(['anchor']);
      const h = (await health())!;
      expect(h.kind).toBe('meeting');
      expect(h.lastFailureAt! > (h.lastSuccessAt ?? '')).toBe(true);
      expect(await coversControls(page)).toBe(false);
      await screenshot(page, `adapter-${site.name}-fallback`);
    });

    it('marks the call start and end by hand', async () => {
      const open = async () => (await calls(site.meetingUrl)).filter((c) => !c.leftAt);
      await clickMark(page);
      await expect.poll(async () => (await open()).length).toBe(1);
      expect(await attr(page, 'data-state')).toBe('in-call');
      // The page's UI says nothing: the call stays open through re-renders and time.
      await callFixture(page, 'rerender()');
      await settle(page, LEFT_GRACE_MS + 500);
      expect((await open()).length).toBe(1);
      await clickMark(page);
      await expect.poll(async () => (await open()).length).toBe(0);
      const [call] = (await calls(site.meetingUrl)).slice(-1);
      expect(call!.leftAt! >= call!.joinedAt).toBe(true);
      expect(await attr(page, 'data-state')).toBe('idle');
      expect(await count(page)).toBe(1);
    });

    it('opens the panel from the fallback launcher', async () => {
      const before = (await written(worker, 'tandem:panelRequest')).length;
      const box = (await page.locator(TAG).boundingBox())!;
      await page.mouse.click(box.x + 24, box.y + box.height / 2);
      await expect.poll(async () => (await written(worker, 'tandem:panelRequest')).length).toBe(before + 1);
      const [req] = (await written<PanelRequest>(worker, 'tandem:panelRequest')).slice(-1);
      expect(req!.meetingUrl).toBe(site.meetingUrl);
    });

    it('caused no page error and no console error', () => {
      expect(errors).toEqual([]);
    });
  });

  it('the launcher can be dragged to another corner, and stays there', async () => {
    const { page, errors } = await openSitePage(browser.context, SITES[0]!.url);
    try {
      await expect.poll(() => count(page)).toBe(1);
      const box = (await page.locator(TAG).boundingBox())!;
      await page.mouse.move(box.x + 20, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(60, 80, { steps: 8 });
      await page.mouse.up();
      await expect.poll(() => attr(page, 'data-corner')).toBe('tl');
      // The drag was not a click: no panel request from it.
      const after = (await page.locator(TAG).boundingBox())!;
      expect(after.x).toBeLessThan(100);
      expect(after.y).toBeLessThan(200);
      await page.reload();
      await page.waitForFunction(() => 'fixture' in window);
      await expect.poll(() => attr(page, 'data-corner')).toBe('tl');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('ends a call when the page goes away (pagehide)', async () => {
    const page = await browser.context.newPage();
    const url = 'https://meet.google.com/xyz-abcd-efg';
    try {
      await page.goto(`${url}/`);
      await page.waitForFunction(() => 'fixture' in window);
      await callFixture(page, 'join()');
      await expect.poll(async () => (await calls(url)).filter((c) => !c.leftAt).length).toBe(1);
      await page.goto('https://meet.google.com/');
      await expect.poll(async () => (await calls(url)).filter((c) => !c.leftAt).length).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('ends a call when its tab closes', async () => {
    const page = await browser.context.newPage();
    const url = 'https://meet.google.com/xyz-abcd-efg';
    await page.goto(`${url}/`);
    await page.waitForFunction(() => 'fixture' in window);
    await callFixture(page, 'join()');
    await expect.poll(async () => (await calls(url)).filter((c) => !c.leftAt).length).toBe(1);
    await page.close();
    await expect.poll(async () => (await calls(url)).filter((c) => !c.leftAt).length).toBe(0);
  });

  it('records nothing when the in-call markup has changed, without page errors', async () => {
    const page = await browser.context.newPage();
    const errors = captureErrors(page);
    const url = 'https://meet.google.com/xyz-abcd-efg';
    try {
      await page.goto(`${url}/`);
      await page.waitForFunction(() => 'fixture' in window);
      const before = (await calls(url)).length;
      await callFixture(page, 'join({ changed: true })');
      await settle(page, 800);
      await callFixture(page, 'leave()');
      await settle(page, LEFT_GRACE_MS + 300);
      expect((await calls(url)).length).toBe(before);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows no launcher outside a meeting (Teams chat, Meet home)', async () => {
    const page = await browser.context.newPage();
    const errors = captureErrors(page);
    try {
      await page.goto('https://teams.microsoft.com/v2/');
      await page.waitForFunction(() => 'fixture' in window);
      await settle(page, 500);
      expect(await count(page)).toBe(0);
      await page.goto('https://meet.google.com/');
      await settle(page, 500);
      expect(await count(page)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
