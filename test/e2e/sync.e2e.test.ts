/**
 * The side panel against the real service, in Chromium: prepare a talk, go through the talk,
 * record SMART action items, keep working while the service is down, and resolve a conflict
 * between two browsers. Screenshots of every tab in both languages go to test/e2e/.artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, requireE2e } from './available';
import { type Browser, buildExtension, extensionId, launchBrowser, screenshot, TIMEOUT } from './harness';
import { connect, newTalk, openPanel, selectTab, waitForSyncState } from './panel';
import { type Service, startService } from './service';

requireE2e();

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!E2E.run)('side panel with the sync service', { timeout: 240_000 }, () => {
  let service: Service;
  let extensionPath: string;

  beforeAll(async () => {
    [service, extensionPath] = await Promise.all([startService(), buildExtension()]);
  }, TIMEOUT.build);

  afterAll(async () => {
    await service?.dispose();
  });

  it('prepares, talks, records; edits made while the service is down arrive after it restarts', async () => {
    const token = await service.createManager('Mei Lin', 'mei@example.com');
    const browser: Browser = await launchBrowser({ locale: 'en', extensionPath });
    try {
      const id = await extensionId(browser.context);
      const page = await openPanel(browser.context, id);

      // Solo mode: everything works before any service is configured.
      await waitForSyncState(page, 'local');
      const sessionId = await newTalk(page, 'Alex Chen', 'alex@example.com');
      await page.locator('[data-type="confused"]').click();
      await page.getByTestId('type-card').waitFor();
      await page.getByTestId('main-goal').fill('Agree the basis of the rating and two actions to improve');
      await page
        .getByTestId('note-facts')
        .fill('Shipped 3 of 4 milestones; the billing release slipped two weeks.');
      await page.getByTestId('agenda-strengths').fill('Owned the migration end to end');
      await page.getByTestId('agenda-gaps').fill('Status updates went quiet in the last sprint');
      await page.getByTestId('cause-text').fill('Unclear which deadline mattered most');
      await page.getByTestId('cause-add').click();
      await page.locator('.suggest summary').click();
      for (let i = 0; i < 4; i++) await page.getByTestId('suggested-question').first().click();
      await expect.poll(() => page.getByTestId('question-count').textContent()).toContain('4');
      await page.getByTestId('scheduled-at').fill(`${day(4)}T10:00`);
      await expect
        .poll(() => page.locator('[data-testid="booking-check"] li.ok').count())
        .toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId('invite-text').textContent()).toContain('Alex Chen');
      await waitForSyncState(page, 'local');

      // Connecting later uploads what was made locally (the person included).
      await connect(browser.context, id, service.url, token);
      await waitForSyncState(page, 'synced');
      const stored = await service.call('GET', `/api/v1/sessions/${sessionId}`, token);
      expect(stored.status).toBe(200);
      expect(stored.body.session).toMatchObject({
        mainGoal: 'Agree the basis of the rating and two actions to improve',
        employeeType: 'confused',
      });

      // Talk: start the clock, move through steps 5–10 with the keyboard and the button.
      await selectTab(page, 'talk');
      await page.getByTestId('start-talk').click();
      await expect.poll(() => page.getByTestId('timer').getAttribute('data-state')).toBe('ok');
      await expect
        .poll(() => page.locator('[data-step][data-current="true"]').getAttribute('data-step'))
        .toBe('5');
      await page.locator('.intro').click();
      await page.keyboard.press('n');
      await expect
        .poll(() => page.locator('[data-step][data-current="true"]').getAttribute('data-step'))
        .toBe('6');
      await page.getByTestId('self-assessment').fill('Proud of the migration; knows the updates slipped.');
      await page.getByTestId('next-step').click();
      await expect
        .poll(() => page.locator('[data-step][data-current="true"]').getAttribute('data-step'))
        .toBe('7');
      await page.getByTestId('examples').waitFor();
      await page.getByTestId('builder-situation').fill('the sprint review on Friday');
      await page.getByTestId('builder-behavior').fill('you walked the client through the migration plan');
      await page.getByTestId('builder-impact').fill('they signed off the next phase.');
      await expect
        .poll(() => page.getByTestId('builder-preview').textContent())
        .toContain('At the sprint review on Friday');
      await page.getByTestId('builder-insert').click();
      await expect
        .poll(() => page.getByTestId('note-feedback').inputValue())
        .toContain('they signed off the next phase');
      for (const n of [8, 9, 10]) {
        await page.locator('.intro').click();
        await page.keyboard.press('ArrowRight');
        await expect
          .poll(() => page.locator('[data-step][data-current="true"]').getAttribute('data-step'))
          .toBe(String(n));
      }
      await page
        .getByTestId('note-recap')
        .fill('Alex: weekly status every Friday; I get a deadline ranking by Monday.');
      await page.getByTestId('finish-talk').click();
      await expect.poll(() => page.locator('[role="tabpanel"]').getAttribute('data-panel')).toBe('record');

      // Record: agreement, key points, a SMART action item with the missing part named live.
      await page.locator('[data-testid="consensus"] input[value="agreed"]').check();
      await page.getByTestId('note-keyPoints').fill('Rating agreed.');
      await page.getByTestId('add-item').click();
      const item = page.getByTestId('action-item').first();
      await item.getByTestId('item-title').fill('Send a written status update to the team');
      await expect.poll(() => item.getByTestId('smart-check').textContent()).toContain('Measurable');
      await item.getByTestId('item-measure').fill('an update in the team channel every Friday');
      await expect.poll(() => item.getByTestId('smart-check').textContent()).toContain('Due date');
      await item.getByTestId('item-due').fill(day(30));
      await expect.poll(() => item.getAttribute('data-smart')).toBe('ok');
      await page.getByTestId('mark-recorded').click();
      await page.getByTestId('recorded').waitFor();
      await waitForSyncState(page, 'synced');
      await expect
        .poll(
          async () =>
            (await service.call('GET', `/api/v1/sessions/${sessionId}`, token)).body.session?.status,
        )
        .toBe('recorded');
      const items = await service.call('GET', '/api/v1/action-items?status=open', token);
      expect(JSON.stringify(items.body)).toContain('Send a written status update to the team');

      // The service goes away: edits stay, the panel says offline.
      await service.stop();
      await page.getByTestId('note-keyPoints').fill('Rating agreed. Written while the service was down.');
      await waitForSyncState(page, 'offline');
      await selectTab(page, 'followUp');
      await page.getByTestId('checkin-text').fill('First Friday update sent');
      await page.getByTestId('checkin-add').click();
      await expect.poll(() => page.locator('.checkins li').count()).toBe(1);
      // A panel closed and opened again still has every edit.
      await page.close();
      const again = await openPanel(browser.context, id);
      await selectTab(again, 'record');
      expect(await again.getByTestId('note-keyPoints').inputValue()).toBe(
        'Rating agreed. Written while the service was down.',
      );

      // Back up: the edits arrive, nothing lost.
      await service.start();
      await again.getByTestId('sync-state').click();
      await waitForSyncState(again, 'synced');
      const after = await service.call('GET', `/api/v1/sessions/${sessionId}`, token);
      expect(after.body.session.notes).toContain('Written while the service was down.');
      expect(after.body.session.notes).toContain('they signed off the next phase');
      const itemsAfter = await service.call('GET', '/api/v1/action-items', token);
      expect(JSON.stringify(itemsAfter.body)).toContain('First Friday update sent');

      // Screenshots of every tab in both languages, light and dark.
      for (const lang of ['en', 'zh-CN'] as const) {
        await again.getByTestId('language').selectOption(lang);
        await expect.poll(() => again.evaluate(() => document.documentElement.lang)).toBe(lang);
        for (const tab of ['prepare', 'talk', 'record', 'followUp'] as const) {
          await selectTab(again, tab);
          if (tab === 'talk') await again.getByTestId('examples').waitFor();
          await screenshot(again, `tab-${tab}-${lang}`);
        }
        await again.emulateMedia({ colorScheme: 'dark' });
        await selectTab(again, 'talk');
        await again.getByTestId('examples').waitFor();
        await screenshot(again, `tab-talk-${lang}-dark`, { fullPage: false });
        await again.emulateMedia({ colorScheme: 'light' });
      }
      await again.setViewportSize({ width: 320, height: 700 });
      await selectTab(again, 'record');
      await expect
        .poll(() => again.evaluate(() => document.documentElement.scrollWidth))
        .toBeLessThanOrEqual(320);
      await screenshot(again, 'tab-record-zh-CN-320', { fullPage: false });
    } finally {
      await browser.close();
    }
  });

  it('two browsers editing the same session see a conflict and keep both texts', async () => {
    const token = await service.createManager('Sam Wu', 'sam@example.com');
    const [a, b] = await Promise.all([
      launchBrowser({ locale: 'en', extensionPath }),
      launchBrowser({ locale: 'en', extensionPath }),
    ]);
    try {
      const idA = await extensionId(a.context);
      const idB = await extensionId(b.context);
      const pageA = await openPanel(a.context, idA);
      await connect(a.context, idA, service.url, token);
      const sessionId = await newTalk(pageA, 'Jo Park', 'jo@example.com', 'coaching');
      await selectTab(pageA, 'record');
      await pageA.getByTestId('note-keyPoints').fill('Start');
      await pageA.getByTestId('sync-state').click();
      await waitForSyncState(pageA, 'synced');
      await expect
        .poll(async () => (await service.call('GET', `/api/v1/sessions/${sessionId}`, token)).status)
        .toBe(200);

      const pageB = await openPanel(b.context, idB);
      await connect(b.context, idB, service.url, token);
      await waitForSyncState(pageB, 'synced');
      await expect
        .poll(() => pageB.locator(`[data-testid="session-picker"] option[value="${sessionId}"]`).count())
        .toBe(1);
      await pageB.getByTestId('session-picker').selectOption(sessionId);
      await selectTab(pageB, 'record');
      await expect.poll(() => pageB.getByTestId('note-keyPoints').inputValue()).toBe('Start');

      await pageA.getByTestId('note-keyPoints').fill('From A: goals agreed');
      await pageA.getByTestId('sync-state').click();
      await waitForSyncState(pageA, 'synced');
      await expect
        .poll(
          async () => (await service.call('GET', `/api/v1/sessions/${sessionId}`, token)).body.session.notes,
        )
        .toContain('From A');

      await pageB.getByTestId('note-keyPoints').fill('From B: support agreed');
      await pageB.getByTestId('sync-state').click();
      await waitForSyncState(pageB, 'conflict');
      const field = pageB.getByTestId('conflict-field').first();
      expect(await field.getAttribute('data-path')).toBe('notes#keyPoints');
      expect(await field.getByTestId('conflict-mine').textContent()).toBe('From B: support agreed');
      expect(await field.getByTestId('conflict-theirs').textContent()).toBe('From A: goals agreed');
      await screenshot(pageB, 'conflict-en', { fullPage: false });
      await field.getByTestId('pick-both').check();
      await pageB.getByTestId('resolve').click();
      await expect.poll(() => pageB.getByTestId('conflicts').count()).toBe(0);
      await pageB.getByTestId('sync-state').click();
      await waitForSyncState(pageB, 'synced');

      const notes = (await service.call('GET', `/api/v1/sessions/${sessionId}`, token)).body.session
        .notes as string;
      expect(notes).toContain('From A: goals agreed');
      expect(notes).toContain('From B: support agreed');
      await pageA.getByTestId('sync-state').click();
      await expect
        .poll(() => pageA.getByTestId('note-keyPoints').inputValue(), { timeout: 30_000 })
        .toContain('From B');
      expect(await pageA.getByTestId('note-keyPoints').inputValue()).toContain('From A');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
