// biome-ignore-all lint/suspicious/noExplicitAny: extension APIs are untyped in page.evaluate
/**
 * Tandem in a real Firefox (Debian's firefox-esr), installed from the store package: the launcher
 * on Google Meet and the "Prepare" button on Google Calendar at their real hostnames, each
 * mounted exactly once; the sidebar opens from a click on the launcher and never from a script;
 * the panel in English and Chinese (screenshots in test/e2e/.artifacts/firefox-*.png); an edit
 * that survives closing and opening Firefox with the same profile; storage events, alarms and a
 * notification; and a talk synced through the real service from one Firefox profile to another.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_E2E, requireFirefox } from './available';
import {
  buildFirefoxPackage,
  type Firefox,
  type FirefoxPackage,
  type FirefoxProfile,
  firefoxScreenshot,
  launchFirefox,
  newProfile,
  removeProfile,
  type SiteProxy,
  startSiteProxy,
} from './firefox-harness';
import { type FixtureServer, startFixtureServer, TIMEOUT } from './harness';
import { type Service, startService } from './service';

requireFirefox();

const PANEL = '[data-testid="sidepanel"]';
const OPTIONS = '[data-testid="service-url"]';
const H = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * H).toISOString();

const tid = (id: string) => `[data-testid="${id}"]`;
const attr = (page: Page, selector: string, name: string) =>
  page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
const storageGet = (page: Page, key: string): Promise<any> =>
  page.evaluate(async (k) => (await (globalThis as any).browser.storage.local.get(k))[k], key);
const sidebarOpen = (page: Page): Promise<boolean> =>
  page.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({}));
const count = (page: Page, tag: string) => page.evaluate((t) => document.getElementsByTagName(t).length, tag);

async function waitForSyncState(page: Page, state: string): Promise<void> {
  await expect.poll(() => attr(page, tid('sync-state'), 'data-state'), { timeout: 60_000 }).toBe(state);
}

/** A trusted click in the middle of an element (closed shadow roots included), as a user would. */
async function clickElement(page: Page, selector: string): Promise<void> {
  const handle = await page.waitForSelector(selector);
  const box = await handle!.boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function openSite(ff: Firefox, url: string): Promise<Page> {
  const page = await ff.browser.newPage();
  page.setDefaultTimeout(TIMEOUT.action);
  await page.goto(url);
  await page.waitForFunction(() => 'fixture' in window);
  return page;
}

/** Add a person and start preparing a talk; returns the session id. */
async function newTalk(page: Page, name: string, email: string): Promise<string> {
  await page.waitForSelector(tid('new-talk'));
  if (!(await page.$(`${tid('person-form')}`))) await page.locator(tid('add-person')).click();
  await page.locator(tid('person-name')).fill(name);
  await page.locator(tid('person-email')).fill(email);
  await page.locator(`${tid('kind')} input[value="review"]`).click();
  await page.locator(tid('create-session')).click();
  await page.waitForSelector('[data-step="1"]');
  const id = await attr(page, PANEL, 'data-session');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

/** Connect from the options page; the host permission is asked for in the same click. */
async function connect(ff: Firefox, url: string, token: string): Promise<Page> {
  const page = await ff.extensionPage('options.html', OPTIONS);
  await page.locator(tid('service-url')).fill(url);
  await page.locator(tid('service-token')).fill(token);
  await page.locator(tid('connect')).click();
  await page.waitForSelector(`${tid('connection-result')} [data-ok="true"]`);
  await page.waitForSelector(tid('connected-as'));
  return page;
}

describe.skipIf(!FIREFOX_E2E.run)('Tandem in Firefox', { timeout: 240_000 }, () => {
  let pkg: FirefoxPackage;
  let fixtures: FixtureServer;
  let proxy: SiteProxy;
  let service: Service;
  const profiles: FirefoxProfile[] = [];
  let main: FirefoxProfile;
  let ff: Firefox | undefined;
  /** The talk made in the restart journey, synced in the last one. */
  let sessionId = '';

  beforeAll(async () => {
    [pkg, fixtures, service] = await Promise.all([
      buildFirefoxPackage(),
      startFixtureServer(),
      startService(),
    ]);
    proxy = await startSiteProxy(fixtures.hosts, fixtures.port);
    main = await newProfile();
    profiles.push(main);
    ff = await launchFirefox({ pkg, profile: main, locale: 'en', proxy, install: true });
  }, TIMEOUT.build);

  afterAll(async () => {
    await ff?.close();
    await Promise.all(profiles.map(removeProfile));
    await Promise.all([proxy?.close(), fixtures?.close(), service?.dispose()]);
  });

  it('mounts the Meet launcher once; its click, refused the sidebar by Firefox, says where to click', async () => {
    const options = await ff!.extensionPage('options.html', OPTIONS);
    // Closed at install (open_at_install: false), and a script may not open it.
    expect(await sidebarOpen(options)).toBe(false);
    expect(
      await options.evaluate(() =>
        (globalThis as any).browser.sidebarAction.open().then(
          () => 'opened',
          (e: Error) => e.message,
        ),
      ),
    ).toMatch(/user input/);
    expect(await sidebarOpen(options)).toBe(false);

    const meet = await openSite(ff!, 'https://meet.google.com/abc-defg-hij/?authuser=0');
    await expect.poll(() => count(meet, 'tandem-launcher')).toBe(1);
    await clickElement(meet, 'tandem-launcher');
    // The request is stored for the panel, whenever it opens.
    await expect
      .poll(() => storageGet(options, 'tandem:panelRequest'))
      .toMatchObject({ meetingUrl: 'https://meet.google.com/abc-defg-hij' });
    // A click on a web page is no user action in Firefox: the sidebar stays closed, the launcher
    // says to use the toolbar button or the shortcut, and that button carries a badge on this tab.
    await expect.poll(() => attr(meet, 'tandem-launcher', 'data-hint')).toBe('shown');
    expect(await sidebarOpen(options)).toBe(false);
    const { tabId } = await storageGet(options, 'tandem:panelRequest');
    expect(
      await options.evaluate(
        (t) => (globalThis as any).browser.browserAction.getBadgeText({ tabId: t }),
        tabId,
      ),
    ).toBe('1');
    const manifest = await options.evaluate(() => (globalThis as any).browser.runtime.getManifest());
    expect(manifest.commands._execute_sidebar_action.suggested_key.default).toBe('Alt+Shift+T');
    // The panel takes the request when it opens (no talk yet: it asks which); the badge goes.
    const panel = await ff!.extensionPage('sidepanel.html', tid('panel-choice'));
    await panel.locator(`${tid('panel-choice')} .btn-quiet`).click();
    await expect.poll(() => storageGet(options, 'tandem:panelRequest')).toBeUndefined();
    await expect
      .poll(() =>
        options.evaluate((t) => (globalThis as any).browser.browserAction.getBadgeText({ tabId: t }), tabId),
      )
      .toBe('');
    // Re-renders of the page keep exactly one launcher.
    await meet.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(await count(meet, 'tandem-launcher')).toBe(1);
    await Promise.all([meet.close(), options.close(), panel.close()]);
  });

  it('puts one "Prepare" button beside the open Google Calendar event; a click stores the invite', async () => {
    const cal = await openSite(ff!, 'https://calendar.google.com/calendar/u/0/r/week/2026/3/10/');
    expect(await count(cal, 'tandem-calendar')).toBe(0);
    await cal.evaluate('window.fixture.open("e1")');
    await expect.poll(() => count(cal, 'tandem-calendar')).toBe(1);
    for (const step of ['rerender()', 'replace()']) {
      await cal.evaluate(`window.fixture.${step}`);
      await expect.poll(() => count(cal, 'tandem-calendar')).toBe(1);
    }
    await clickElement(cal, 'tandem-calendar');
    const options = await ff!.extensionPage('options.html', OPTIONS);
    await expect
      .poll(async () => (await storageGet(options, 'tandem:pendingInvite'))?.invite?.source)
      .toBe('google-calendar');
    await cal.close();
    await options.close();
  });

  it('keeps an edit across a restart of Firefox with the same profile', async () => {
    const panel = await ff!.extensionPage('sidepanel.html', PANEL);
    await waitForSyncState(panel, 'local');
    expect(await attr(panel, 'html', 'lang')).toBe('en');
    sessionId = await newTalk(panel, 'Alex Chen', 'alex@example.com');
    await panel.locator(tid('main-goal')).fill('Agree two actions on status updates');
    await expect
      .poll(async () => (await storageGet(panel, `tandem:rec:session:${sessionId}`))?.data?.mainGoal)
      .toBe('Agree two actions on status updates');
    await firefoxScreenshot(panel, 'firefox-sidebar-en');

    await ff!.close();
    ff = await launchFirefox({ pkg, profile: main, locale: 'en', proxy });
    const again = await ff.extensionPage('sidepanel.html', PANEL);
    await expect.poll(() => attr(again, PANEL, 'data-session')).toBe(sessionId);
    await again.waitForSelector(tid('main-goal'));
    expect(await again.$eval(tid('main-goal'), (e) => (e as HTMLTextAreaElement).value)).toBe(
      'Agree two actions on status updates',
    );
    // The background came back too: its alarms are set again.
    const alarms: string[] = await again.evaluate(async () =>
      ((await (globalThis as any).browser.alarms.getAll()) as { name: string }[]).map((a) => a.name),
    );
    expect(alarms.length).toBeGreaterThan(0);
    await again.close();
  });

  it('shows a reminder notification for a talk not recorded within a day', async () => {
    const options = await ff!.extensionPage('options.html', tid('quiet-enabled'));
    // Quiet hours off: this run may happen at night.
    if (await options.$eval(tid('quiet-enabled'), (e) => (e as HTMLInputElement).checked))
      await options.locator(tid('quiet-enabled')).click();
    await expect.poll(async () => (await storageGet(options, 'tandem:reminderPrefs'))?.quietHours).toBe(null);
    await options.evaluate(() => {
      const w = globalThis as any;
      w.seen = [];
      w.browser.notifications.onShown.addListener((id: string) => w.seen.push(`shown ${id}`));
    });
    const person = crypto.randomUUID();
    const coaching = crypto.randomUUID();
    const people = (await storageGet(options, 'tandem:people')) ?? { server: [], local: [] };
    await options.evaluate((records) => (globalThis as any).browser.storage.local.set(records), {
      'tandem:people': {
        ...people,
        local: [...people.local, { id: person, name: 'Sun Li', email: 'sun.li@example.cn' }],
      },
      [`tandem:rec:session:${coaching}`]: {
        type: 'session',
        id: coaching,
        data: {
          id: coaching,
          employeeId: person,
          cycleId: '2026-H1',
          checklist: [],
          kind: 'coaching',
          status: 'held',
          startedAt: ago(31),
          endedAt: ago(30),
        },
        base: null,
        baseVersion: 0,
        rev: 1,
        syncedRev: 0,
      },
    } as Record<string, unknown>);
    // Logged once, then shown by Firefox (its own alert window in this headless run).
    await expect
      .poll(async () => Object.keys((await storageGet(options, 'tandem:reminded'))?.ids ?? {}), {
        timeout: 30_000,
      })
      .toEqual([expect.stringMatching(`^record:session:${coaching}:`)]);
    const [shownId] = Object.keys((await storageGet(options, 'tandem:reminded')).ids);
    await expect
      .poll(() => options.evaluate(() => (globalThis as any).seen as string[]), { timeout: 30_000 })
      .toContain(`shown ${shownId}`);
    await options.close();
  });

  it('syncs a talk to the service and into a second Firefox profile, in Chinese', async () => {
    const token = await service.createManager('Mei Lin', 'mei@example.com');
    const options = await connect(ff!, service.url, token);
    // The host permission was asked for inside the click, so Firefox granted it; no warning shown.
    const origin = `http://${new URL(service.url).hostname}/*`;
    expect(
      await options.evaluate(
        (o) => (globalThis as any).browser.permissions.contains({ origins: [o] }),
        origin,
      ),
    ).toBe(true);
    expect(await options.$(tid('permission-note'))).toBeNull();
    await options.close();

    const panel = await ff!.extensionPage('sidepanel.html', PANEL);
    await waitForSyncState(panel, 'synced');
    expect(sessionId).not.toBe('');
    const stored = await service.call('GET', `/api/v1/sessions/${sessionId}`, token);
    expect(stored.status).toBe(200);
    expect(stored.body.session).toMatchObject({ mainGoal: 'Agree two actions on status updates' });

    // A second profile, in Chinese, connected with the same token, gets the talk.
    const other = await newProfile();
    profiles.push(other);
    const zh = await launchFirefox({ pkg, profile: other, locale: 'zh-CN', proxy, install: true });
    try {
      await (await connect(zh, service.url, token)).close();
      const zhPanel = await zh.extensionPage('sidepanel.html', PANEL);
      expect(await attr(zhPanel, 'html', 'lang')).toBe('zh-CN');
      await waitForSyncState(zhPanel, 'synced');
      await expect
        .poll(() => storageGet(zhPanel, `tandem:rec:session:${sessionId}`).then((r) => r?.data?.mainGoal))
        .toBe('Agree two actions on status updates');
      await firefoxScreenshot(zhPanel, 'firefox-sidebar-zh-CN');
      await zhPanel.close();
    } finally {
      await zh.close();
    }
    await panel.close();
  });
});
