/**
 * The organisation's content pack in the panel (issue 16), against the real service in Chromium:
 * HR puts a pack with its own words for step 1 and a distinctive example; after the next sync the
 * panel shows both, and still does offline after a browser restart (the pack is cached).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGuide } from '../../shared/content';
import { E2E, requireE2e } from './available';
import { type Browser, buildExtension, extensionId, launchBrowser, screenshot, TIMEOUT } from './harness';
import { connect, newTalk, openPanel, selectTab, waitForSyncState } from './panel';
import { type Service, startService } from './service';

requireE2e();

const STEP1 = 'Name the one decision this talk must reach';
const EXAMPLE = 'Acme way: start by asking what made this quarter feel different';

function orgPack() {
  const pack = structuredClone(defaultGuide);
  pack.steps[0]!.title = { 'zh-CN': '写下这次谈话必须做出的一个决定', en: STEP1 };
  pack.examples.unshift({
    id: 'acme-opening',
    step: 5,
    // One type: the Talk tab lists the most specific examples first (and only a few of them).
    types: ['confused'],
    title: { 'zh-CN': 'Acme 的开场', en: 'The Acme opening' },
    text: { 'zh-CN': '“先说说，这个季度哪里让你觉得不一样？”', en: `“${EXAMPLE}”` },
  });
  return pack;
}

describe.skipIf(!E2E.run)("the organisation's content pack", { timeout: 240_000 }, () => {
  let service: Service;
  let extensionPath: string;
  let profile: string;

  beforeAll(async () => {
    [service, extensionPath] = await Promise.all([startService(), buildExtension()]);
    profile = await mkdtemp(join(tmpdir(), 'tandem-chromium-guide-'));
  }, TIMEOUT.build);

  afterAll(async () => {
    await service?.dispose();
    if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  const talkExample = async (page: Page) => {
    await selectTab(page, 'talk');
    return page.locator('[data-example="acme-opening"] .example-text');
  };

  it("follows HR's pack after the next sync, and keeps it offline after a restart", async () => {
    const token = await service.createManager('Mei Lin', 'mei@example.com');
    let browser: Browser = await launchBrowser({ locale: 'en', extensionPath, userDataDir: profile });
    let id: string;
    try {
      id = await extensionId(browser.context);
      const page = await openPanel(browser.context, id);
      await connect(browser.context, id, service.url, token);
      await waitForSyncState(page, 'synced');
      await newTalk(page, 'Alex Chen', 'alex@example.com');
      expect(await page.getByTestId('pack-org').count()).toBe(0);
      expect(await page.locator('[data-step="1"]').textContent()).not.toContain(STEP1);

      const put = await service.call('PUT', '/api/v1/guide', service.hrToken, orgPack());
      expect(put.status).toBe(200);
      // An edit makes the next sync come soon; that sync also asks for the pack.
      await selectTab(page, 'prepare');
      await page.getByTestId('main-goal').fill('Agree two actions');
      await expect
        .poll(() => page.locator('[data-step="1"]').textContent(), { timeout: 60_000 })
        .toContain(STEP1);
      await page.getByTestId('pack-org').waitFor();
      expect(await (await talkExample(page)).textContent()).toContain(EXAMPLE);
      await screenshot(page, 'guide-org-pack-en', { fullPage: false });
    } finally {
      await browser.close();
    }

    // The service goes away; the browser starts again on the same profile.
    await service.stop();
    browser = await launchBrowser({ locale: 'en', extensionPath, userDataDir: profile });
    try {
      id = await extensionId(browser.context);
      const page = await openPanel(browser.context, id);
      await page.locator('[data-step="1"]').waitFor();
      expect(await page.locator('[data-step="1"]').textContent()).toContain(STEP1);
      expect(await (await talkExample(page)).textContent()).toContain(EXAMPLE);
      await page.getByTestId('pack-org').waitFor();
      await waitForSyncState(page, 'offline');
      await selectTab(page, 'prepare');
      expect(await page.locator('[data-step="1"]').textContent()).toContain(STEP1);
      await screenshot(page, 'guide-org-pack-offline-en', { fullPage: false });
    } finally {
      await browser.close();
      await service.start();
    }
  });
});
