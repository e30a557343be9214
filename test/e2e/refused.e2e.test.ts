/**
 * A push the service refuses, in the real side panel (issue 15): a talk made in solo mode names a
 * cycle the organisation does not have. Once connected, the panel sets it aside, says which talk
 * and why, and the manager moves it to a cycle the service knows; then it syncs. Screenshots of
 * the refusal in both languages go to test/e2e/.artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, requireE2e } from './available';
import { buildExtension, extensionId, launchBrowser, screenshot, TIMEOUT } from './harness';
import { connect, newTalk, openPanel, waitForSyncState } from './panel';
import { type Service, startService } from './service';

requireE2e();

describe.skipIf(!E2E.run)('a refused push in the side panel', { timeout: 240_000 }, () => {
  let service: Service;
  let extensionPath: string;

  beforeAll(async () => {
    [service, extensionPath] = await Promise.all([startService({ cycles: false }), buildExtension()]);
    const y = new Date().getUTCFullYear();
    const c = await service.call('PUT', `/api/v1/cycles/FY${y}`, service.hrToken, {
      name: `FY ${y}`,
      startsOn: `${y}-01-01`,
      endsOn: `${y}-12-31`,
    });
    expect(c.status).toBe(201);
  }, TIMEOUT.build);

  afterAll(async () => {
    await service?.dispose();
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`shows what was refused and why, and syncs once fixed (${locale})`, async () => {
      const token = await service.createManager(`Mei ${locale}`, `mei-${locale}@example.com`);
      const browser = await launchBrowser({ locale, extensionPath });
      try {
        const id = await extensionId(browser.context);
        const page = await openPanel(browser.context, id);
        await waitForSyncState(page, 'local');
        const sessionId = await newTalk(page, 'Alex Chen', `alex-${locale}@example.com`);
        await connect(browser.context, id, service.url, token);
        const refused = page.getByTestId('refused');
        await refused.waitFor();
        expect(await refused.textContent()).toContain('cycleId');
        await waitForSyncState(page, 'synced'); // the rest (the person) synced; nothing retried
        expect((await service.call('GET', `/api/v1/sessions/${sessionId}`, token)).status).toBe(404);
        await screenshot(page, `refused-${locale}`);
        await page.getByTestId('refused-cycle').selectOption(`FY${new Date().getUTCFullYear()}`);
        await expect.poll(() => refused.count(), { timeout: 60_000 }).toBe(0);
        await expect
          .poll(async () => (await service.call('GET', `/api/v1/sessions/${sessionId}`, token)).status, {
            timeout: 60_000,
          })
          .toBe(200);
      } finally {
        await browser.close();
      }
    });
  }
});
