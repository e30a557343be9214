// biome-ignore-all lint/suspicious/noExplicitAny: response bodies and page globals are untyped here
/**
 * Follow-up in Chromium (issues 7 and 9), with the real service: reminders computed from local
 * records fire once (also after the service worker restarts), a click on one opens the panel at
 * the right session and tab; the Follow-up tab lists what needs doing, the week per report, and —
 * once connected — the survey links due, with Copy and Mark sent. No clock control is needed: the
 * records are made with times already past (a talk ended 30 hours ago, another 8 days ago).
 * Screenshots of the tab in zh-CN and en, light and dark, go to test/e2e/.artifacts/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, requireE2e } from './available';
import { type Browser, buildExtension, extensionId, launchBrowser, screenshot, TIMEOUT } from './harness';
import { connect, openPanel, selectTab, waitForSyncState } from './panel';
import { type Service, startService } from './service';

requireE2e();

const H = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * H).toISOString();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const entry = (type: 'session' | 'actionItem', data: { id: string; [k: string]: unknown }) => ({
  [`tandem:rec:${type}:${data.id}`]: {
    type,
    id: data.id,
    data,
    base: null,
    baseVersion: 0,
    rev: 1,
    syncedRev: 0,
  },
});

async function storageGet(page: Page, key: string): Promise<any> {
  return page.evaluate(async (k) => (await (globalThis as any).chrome.storage.local.get(k))[k], key);
}

async function send(page: Page, message: unknown): Promise<any> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

/**
 * Evaluate `expression` in a page target Playwright has not attached to (the real side panel),
 * through the CDP session of `via`.
 */
async function evaluateInTarget(
  via: Page,
  pick: (t: { type: string; url: string; attached: boolean; targetId: string }) => boolean,
  expression: string,
): Promise<unknown> {
  const cdp = await via.context().newCDPSession(via);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: any[] };
    const target = targetInfos.find(pick);
    if (!target) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    })) as { sessionId: string };
    const answer = new Promise<unknown>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (e: any) => {
        const m = JSON.parse(e.message);
        if (e.sessionId === sessionId && m.id === 1) resolve(m.result?.result?.value ?? null);
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true },
      }),
    });
    const value = await Promise.race([answer, new Promise((r) => setTimeout(() => r(null), 5_000))]);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    return value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The extension's service worker as Playwright sees it now. */
function worker(context: BrowserContext) {
  return context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
}

describe.skipIf(!E2E.run)('follow-up: reminders, weekly view and survey outbox', { timeout: 300_000 }, () => {
  let service: Service;
  let extensionPath: string;

  beforeAll(async () => {
    [service, extensionPath] = await Promise.all([startService(), buildExtension()]);
  }, TIMEOUT.build);

  afterAll(async () => {
    await service?.dispose();
  });

  it('notifies once, opens the panel at the session, and sends surveys from Follow-up', async () => {
    const token = await service.createManager('Mei Lin', 'mei@example.com');
    const browser: Browser = await launchBrowser({ locale: 'en', extensionPath });
    const { context } = browser;
    try {
      const id = await extensionId(context);

      // Options: reminders on, quiet hours off (this run may happen at night), every kind on.
      const options = await context.newPage();
      await options.goto(`chrome-extension://${id}/options.html`);
      const quiet = options.getByTestId('quiet-enabled');
      await quiet.waitFor();
      expect(await quiet.isChecked()).toBe(true);
      expect(await options.getByTestId('quiet-start').inputValue()).toBe('21:00');
      await screenshot(options, 'options-reminders-en');
      await quiet.uncheck();
      await expect
        .poll(() => storageGet(options, 'tandem:reminderPrefs'))
        .toMatchObject({ quietHours: null });
      expect(await options.getByTestId('reminder-kind-record').isChecked()).toBe(true);

      // Records made earlier: a review recorded 8 days ago (its surveys are due), a coaching talk
      // that ended 30 hours ago and was never recorded, a support commitment 2 days overdue.
      const person = crypto.randomUUID();
      const review = crypto.randomUUID();
      const coaching = crypto.randomUUID();
      const support = crypto.randomUUID();
      const later = crypto.randomUUID();
      const base = { employeeId: person, cycleId: '2026-H1', checklist: [] };
      await options.evaluate((records) => (globalThis as any).chrome.storage.local.set(records), {
        'tandem:people': {
          server: [],
          local: [{ id: person, name: 'Alex Chen', email: 'alex.chen@example.com' }],
        },
        ...entry('session', {
          id: review,
          ...base,
          kind: 'review',
          status: 'recorded',
          mainGoal: 'Agree the rating and two improvements',
          consensus: 'agreed',
          startedAt: ago(8 * 24 + 1),
          endedAt: ago(8 * 24),
          recordedAt: ago(8 * 24 - 2),
        }),
        ...entry('session', {
          id: coaching,
          ...base,
          kind: 'coaching',
          status: 'held',
          startedAt: ago(31),
          endedAt: ago(30),
        }),
        ...entry('actionItem', {
          id: support,
          sessionId: review,
          title: 'Book the data course for Alex',
          owner: 'manager',
          status: 'open',
          dueOn: day(-2),
          measure: 'a confirmed seat',
        }),
        ...entry('actionItem', {
          id: later,
          sessionId: review,
          title: 'Send a written status update every Friday',
          owner: 'employee',
          status: 'open',
          dueOn: day(20),
          measure: 'an update in the team channel',
        }),
      });

      // The background notices the new records and notifies: the record reminder, once.
      const notified = async () => Object.keys((await storageGet(options, 'tandem:reminded'))?.ids ?? {});
      await expect
        .poll(notified, { timeout: 30_000 })
        .toEqual(expect.arrayContaining([expect.stringMatching(`^record:session:${coaching}:`)]));
      const recordId = (await notified()).find((k) => k.startsWith(`record:session:${coaching}:`))!;
      const supportId = (await notified()).find((k) => k.startsWith(`action-due:actionItem:${support}:`))!;
      expect(supportId).toBeDefined();
      const shownAt = (await storageGet(options, 'tandem:reminded')).ids[recordId].at as string;
      // Ids are logged before the notifications are shown (so a restart never shows one twice):
      // wait for the browser to have both.
      await expect
        .poll(
          async () =>
            Object.keys(await options.evaluate(() => (globalThis as any).chrome.notifications.getAll())),
          { timeout: 15_000 },
        )
        .toEqual(expect.arrayContaining([recordId, supportId]));
      await expect.poll(async () => (await storageGet(options, 'tandem:reminderState'))?.count).toBe(2);
      expect((await storageGet(options, 'tandem:reminderState')).overdue).toBe(2);

      // More checks: nothing shown again.
      for (let i = 0; i < 3; i++)
        expect(await send(options, { kind: 'followup/check' })).toMatchObject({ shown: [] });
      expect((await storageGet(options, 'tandem:reminded')).ids[recordId].at).toBe(shownAt);

      // The service worker stops and starts again (as Chrome does after 30 s idle): still once.
      const sw = worker(context)!;
      const bornBefore = await sw.evaluate(() => performance.timeOrigin);
      const cdp = await context.newCDPSession(options);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      const after = await send(options, { kind: 'followup/check' });
      expect(after).toMatchObject({ ok: true, shown: [] });
      await expect
        .poll(
          async () =>
            (await worker(context)
              ?.evaluate(() => performance.timeOrigin)
              .catch(() => 0)) ?? 0,
        )
        .toBeGreaterThan(bornBefore);
      expect((await storageGet(options, 'tandem:reminded')).ids[recordId].at).toBe(shownAt);
      expect((await storageGet(options, 'tandem:reminderState')).lastShown).toEqual([]);

      // The options page tells how many things there are to do.
      await expect
        .poll(() => options.getByTestId('reminder-state').textContent())
        .toContain('2 things to do');

      // A click on the record reminder: the open panel goes to that talk's Record tab; if the
      // browser would not open the side panel, the panel page opens in a tab, at the same place.
      const page = await openPanel(context, id);
      await selectTab(page, 'followUp');
      const newPage = context.waitForEvent('page', { timeout: 15_000 }).catch(() => null);
      const opened = await send(page, { kind: 'followup/open', notificationId: recordId });
      expect(opened).toMatchObject({ ok: true });
      expect(['side-panel', 'existing', 'tab']).toContain(opened.opened);
      if (opened.opened === 'side-panel') {
        // The real side panel is a page target Playwright does not attach to: ask it over CDP.
        const panelState = () =>
          evaluateInTarget(
            page,
            (t) => t.type === 'page' && t.url.endsWith('/sidepanel.html') && !t.attached,
            `[document.querySelector('[data-testid="sidepanel"]')?.dataset.session, document.querySelector('[role="tabpanel"]')?.dataset.panel].join(' ')`,
          );
        await expect.poll(panelState, { timeout: 15_000 }).toBe(`${coaching} record`);
      }
      await expect.poll(() => page.getByTestId('sidepanel').getAttribute('data-session')).toBe(coaching);
      await expect.poll(() => page.locator('[role="tabpanel"]').getAttribute('data-panel')).toBe('record');
      if (opened.opened === 'tab') {
        const tab = (await newPage)!;
        expect(tab.url()).toBe(`chrome-extension://${id}/sidepanel.html`);
        await tab.getByTestId('sidepanel').waitFor();
        await expect.poll(() => tab.getByTestId('sidepanel').getAttribute('data-session')).toBe(coaching);
        await expect.poll(() => tab.locator('[role="tabpanel"]').getAttribute('data-panel')).toBe('record');
        await tab.close();
      }
      expect(await storageGet(page, 'tandem:panelTarget')).toMatchObject({
        tab: 'record',
        sessionId: coaching,
      });
      await expect
        .poll(async () =>
          Object.keys(await page.evaluate(() => (globalThis as any).chrome.notifications.getAll())),
        )
        .not.toContain(recordId);

      // Follow-up, solo: what needs doing, the week, check-ins; surveys need the service.
      await selectTab(page, 'followUp');
      await page.getByTestId('reminders').waitFor();
      const rem = page.locator(`[data-testid="reminder"][data-reminder="${recordId}"]`);
      await rem.waitFor();
      expect(await rem.getAttribute('data-overdue')).toBe('true');
      expect(await page.locator('[data-testid="reminder"]').count()).toBe(2);
      await page.getByTestId('surveys-solo').waitFor();
      const row = page.locator(`[data-testid="week-row"][data-employee="${person}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-open')).toBe('2');
      expect(await row.getAttribute('data-overdue')).toBe('1');
      expect(await row.textContent()).toContain('Alex Chen');
      expect(await row.textContent()).toContain('Not booked');
      const card = page.locator(`[data-testid="follow-item"][data-item="${support}"]`);
      await card.getByTestId('checkin-text').fill('Asked finance for the budget');
      await card.getByTestId('checkin-text').press('Enter');
      await expect.poll(() => card.locator('.checkins li').count()).toBe(1);
      // The reminder's button goes to the talk, like the notification.
      await page
        .locator(`[data-testid="reminder"][data-reminder="${supportId}"]`)
        .getByTestId('reminder-open')
        .click();
      await expect.poll(() => page.getByTestId('sidepanel').getAttribute('data-session')).toBe(review);
      await expect.poll(() => page.locator('[role="tabpanel"]').getAttribute('data-panel')).toBe('followUp');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'followup-solo-en', { fullPage: true });

      // Connected: the talks go up, the service issues the review's surveys (due: it ended 8 days
      // ago), and Follow-up lists them.
      await connect(context, id, service.url, token);
      await waitForSyncState(page, 'synced');
      const surveys = page.getByTestId('survey');
      await expect.poll(() => surveys.count(), { timeout: 60_000 }).toBe(2);
      expect(await page.locator('[data-testid="survey"][data-kind="employee"]').textContent()).toContain(
        'Alex Chen',
      );
      await expect.poll(() => page.locator('[data-testid="reminder"][data-kind="survey"]').count()).toBe(2);

      // Copy: the ready message, with its link, lands on the clipboard.
      // (Headless Chromium keeps the real clipboard to itself: record what the page writes.)
      await page.evaluate(() => {
        const w = globalThis as any;
        w.__copied = [];
        navigator.clipboard.writeText = async (text: string) => {
          w.__copied.push(text);
        };
      });
      const employeeCard = page.locator('[data-testid="survey"][data-kind="employee"]');
      const surveyId = (await employeeCard.getAttribute('data-survey'))!;
      const outbox = await service.call('GET', '/api/v1/surveys/outbox', token);
      const expected = outbox.body.items.find((i: any) => i.surveyId === surveyId);
      expect(expected.message.en).toContain(expected.url);
      await employeeCard.getByTestId('survey-copy').click();
      await expect
        .poll(() => page.getByTestId('survey-status').textContent())
        .toBe('Message and link copied.');
      expect(await page.evaluate(() => (globalThis as any).__copied)).toEqual([expected.message.en]);

      // Screenshots before the list shrinks: en and zh-CN, light and dark.
      for (const lang of ['en', 'zh-CN'] as const) {
        await page.getByTestId('language').selectOption(lang);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, `followup-${lang}`, { fullPage: true });
        await page.emulateMedia({ colorScheme: 'dark' });
        await screenshot(page, `followup-${lang}-dark`, { fullPage: true });
        await page.emulateMedia({ colorScheme: 'light' });
      }
      await page.setViewportSize({ width: 320, height: 800 });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
        .toBeLessThanOrEqual(320);
      await screenshot(page, 'followup-zh-CN-320', { fullPage: false });
      await page.setViewportSize({ width: 380, height: 900 });
      await page.getByTestId('language').selectOption('en');

      // Mark sent: the card goes, and the service's outbox no longer lists it.
      await employeeCard.getByTestId('survey-sent').click();
      await expect.poll(() => page.locator(`[data-survey="${surveyId}"]`).count()).toBe(0);
      await expect.poll(() => page.getByTestId('survey-status').textContent()).toBe('Marked as sent.');
      const rest = await service.call('GET', '/api/v1/surveys/outbox', token);
      expect(rest.body.items.map((i: any) => i.kind)).toEqual(['manager']);
      expect(await surveys.count()).toBe(1);

      // The service's own reminder list agrees on the talk to record.
      const remote = await service.call('GET', '/api/v1/reminders', token);
      expect(JSON.stringify(remote.body)).toContain(coaching);
    } finally {
      await browser.close();
    }
  });
});
