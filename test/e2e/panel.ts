/** Side panel and options page actions shared by the browser tests. */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openSidePanel } from './harness';

/** Connect the extension to a service from its options page. */
export async function connect(
  context: BrowserContext,
  id: string,
  url: string,
  token: string,
): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.getByTestId('service-url').fill(url);
    await page.getByTestId('service-token').fill(token);
    await page.getByTestId('connect').click();
    await page.locator('[data-testid="connection-result"] [data-ok="true"]').waitFor();
    await page.getByTestId('connected-as').waitFor();
  } finally {
    await page.close();
  }
}

export async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('sync-state').getAttribute('data-state');
}

export async function waitForSyncState(page: Page, state: string): Promise<void> {
  await expect.poll(() => syncState(page), { timeout: 60_000, interval: 200 }).toBe(state);
}

/** Add a person and start preparing a talk with them; returns the session id. */
export async function newTalk(page: Page, name: string, email: string, kind = 'review'): Promise<string> {
  const form = page.getByTestId('new-talk');
  await form.waitFor();
  if (!(await page.getByTestId('person-form').isVisible())) await page.getByTestId('add-person').click();
  await page.getByTestId('person-name').fill(name);
  await page.getByTestId('person-email').fill(email);
  await page.locator(`[data-testid="kind"] input[value="${kind}"]`).check();
  await page.getByTestId('create-session').click();
  await page.locator('[data-step="1"]').waitFor();
  const id = await page.getByTestId('sidepanel').getAttribute('data-session');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

export async function openPanel(context: BrowserContext, id: string): Promise<Page> {
  return openSidePanel(context, id);
}

export async function selectTab(page: Page, tab: 'prepare' | 'talk' | 'record' | 'followUp'): Promise<void> {
  await page.locator(`[role="tab"][data-tab="${tab}"]`).click();
  await expect.poll(() => page.locator('[role="tabpanel"]').getAttribute('data-panel')).toBe(tab);
}
