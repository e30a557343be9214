/**
 * For the e2e tests of the service's own server-rendered pages (the survey page, the HR
 * dashboard): the app on a real local socket and a plain Chromium without the extension.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './available';
import { TIMEOUT } from './harness';

/** Serve `fetch` on 127.0.0.1 at a free port; `base` is its origin. */
export async function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
): Promise<{ server: Server; base: string }> {
  const server = await new Promise<Server>((ok) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s as Server));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Close a server `listen` started (nothing when it never started). */
export function closeServer(server: Server | undefined): Promise<void> {
  return new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
}

/** Debian's Chromium, headless, without the extension: these pages are plain web pages. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    timeout: TIMEOUT.launch,
  });
}

/**
 * The page's console errors and uncaught exceptions, collected for the test to assert empty: a
 * CSP refusal of the style sheet shows up here. Failed loads are left out, since the 400/403/410
 * answers the tests ask for are logged as such.
 */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
