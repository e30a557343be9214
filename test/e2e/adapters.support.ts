/**
 * Shared by the page-adapter browser tests: the fixture server and Chromium with the extension,
 * the extension's service worker (to read what the background stored), fixture pages with page
 * error capture, and the mounting times the content scripts report.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  type Browser,
  buildExtension,
  type FixtureServer,
  launchBrowser,
  startFixtureServer,
  TIMEOUT,
} from './harness';

type SwGlobal = {
  chrome: {
    storage: {
      local: { get(key: string): Promise<Record<string, unknown>> };
      onChanged: {
        addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
      };
    };
  };
  __tandemLog?: { key: string; value: unknown }[];
};

/** The extension's service worker, with a log of every `tandem:*` storage change from now on. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  let worker = context.serviceWorkers().find(isOurs);
  while (!worker) {
    const w = await context.waitForEvent('serviceworker', { timeout: TIMEOUT.launch });
    if (isOurs(w)) worker = w;
  }
  await worker.evaluate(() => {
    const g = globalThis as unknown as SwGlobal;
    if (g.__tandemLog) return;
    const log: { key: string; value: unknown }[] = [];
    g.__tandemLog = log;
    g.chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      for (const [key, change] of Object.entries(changes)) {
        if (key.startsWith('tandem:') && change.newValue !== undefined)
          log.push({ key, value: change.newValue });
      }
    });
  });
  return worker;
}

export interface AdapterRun {
  server: FixtureServer;
  browser: Browser;
  worker: Worker;
  close(): Promise<void>;
}

/** The fixture server at the real hosts and Chromium with the built extension, in `locale`. */
export async function startAdapterRun(locale: string): Promise<AdapterRun> {
  const [server, ext] = await Promise.all([startFixtureServer(), buildExtension()]);
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server.close();
  };
  try {
    browser = await launchBrowser({ extensionPath: ext, hosts: server.hosts, port: server.port, locale });
    const worker = await extensionWorker(browser.context);
    return { server, browser, worker, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Every value written to `key` since the worker was set up (so a panel that consumes a key cannot hide it). */
export function written<T>(worker: Worker, key: string): Promise<T[]> {
  return worker.evaluate((k) => {
    const g = globalThis as unknown as SwGlobal;
    return (g.__tandemLog ?? []).filter((e) => e.key === k).map((e) => e.value);
  }, key) as Promise<T[]>;
}

/** The value stored at `key` now. */
export function stored<T>(worker: Worker, key: string): Promise<T | undefined> {
  return worker.evaluate(async (k) => {
    const g = globalThis as unknown as SwGlobal;
    return (await g.chrome.storage.local.get(k))[k];
  }, key) as Promise<T | undefined>;
}

/** Uncaught page errors and console errors on `page`. */
export function captureErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The fixture server has no favicons; the browser's 404 for one is not the page's error.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      errors.push(`console.error: ${m.text()} (${m.location().url})`);
    }
  });
  return errors;
}

/** Run the fixture page's own script (`window.fixture.open('e1')`, `join()`, …). */
export async function callFixture(page: Page, call: string): Promise<void> {
  await page.evaluate(`window.fixture.${call}`);
}

/** A new tab on the fixture page at `url`, its errors captured, once its script and the content script have settled. */
export async function openSitePage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = captureErrors(page);
  await page.goto(url);
  await page.waitForFunction(() => 'fixture' in window);
  await settle(page);
  return { page, errors };
}

/** Let the page and the content script settle: two animation frames and a short pause. */
export async function settle(page: Page, ms = 300): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(ms);
}

/** `data-mount-ms` of the element with `tag` (main-thread time of the mount, as the content script measured it). */
export async function mountMs(page: Page, tag: string): Promise<number | null> {
  const v = await page.evaluate((t) => document.querySelector(t)?.getAttribute('data-mount-ms') ?? null, tag);
  return v === null ? null : Number(v);
}

const TIMINGS = join(ARTIFACTS_DIR, 'adapter-mount-times.json');

/** Record mounting times (reported, never asserted): test/e2e/.artifacts/adapter-mount-times.json. */
export async function reportTimes(site: string, times: number[]): Promise<void> {
  const clean = times.filter((t) => Number.isFinite(t));
  const entry = {
    site,
    samples: clean.length,
    maxMs: clean.length ? Math.max(...clean) : null,
    medianMs: clean.length ? [...clean].sort((a, b) => a - b)[Math.floor(clean.length / 2)] : null,
  };
  console.log(`[adapter mount] ${site}: ${JSON.stringify(entry)}`);
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(await readFile(TIMINGS, 'utf8')) as Record<string, unknown>;
  } catch {
    // First entry.
  }
  all[site] = entry;
  await writeFile(TIMINGS, `${JSON.stringify(all, null, 2)}\n`);
}

/**
 * Local wall time → ISO UTC, as the content scripts convert displayed times (same TZ as the
 * browser), in the canonical form the background stores (`…T14:00:00.000Z`, shared Instant schema).
 */
export function localIso(y: number, m: number, d: number, h = 0, mi = 0): string {
  return new Date(y, m - 1, d, h, mi).toISOString();
}
