/**
 * The browser test harness (DESIGN §8): build the extension once per run, serve fixture pages over
 * HTTPS at real hostnames, and drive Debian's Chromium with the extension loaded.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { generate } from 'selfsigned';
import { inject } from 'vitest';
import { CHROMIUM_PATH } from './available';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUTPUT_DIR = join(ROOT, '.output', 'chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'test', 'fixtures');
export const ARTIFACTS_DIR = join(ROOT, 'test', 'e2e', '.artifacts');

/** Generous timeouts: the suite runs on loaded 2-core machines. */
export const TIMEOUT = {
  build: 300_000,
  launch: 120_000,
  action: 30_000,
} as const;

/** Real site hosts the fixture server answers for (DESIGN §1). */
export const SITE_HOSTS = [
  'meet.google.com',
  'calendar.google.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'teams.microsoft.com',
  'teams.live.com',
  'teams.cloud.microsoft',
  'app.zoom.us',
  'zoom.us',
  'meeting.tencent.com',
  'voovmeeting.com',
  'www.feishu.cn',
  'vc.feishu.cn',
  'www.larksuite.com',
  'vc.larksuite.com',
] as const;

// ---------------------------------------------------------------------------------------------
// Build

declare module 'vitest' {
  export interface ProvidedContext {
    /** One id per `vitest run`, from test/e2e/global-setup.ts. */
    tandemE2eRunId: string;
  }
}

/** The id of this test run (from the global setup); a fresh id per process without it. */
export function runId(): string {
  try {
    const id = inject('tandemE2eRunId');
    if (typeof id === 'string' && id) return id;
  } catch {
    // Not running under the configured global setup.
  }
  return `solo-${process.pid}-${Date.now()}`;
}

/** Where this run keeps its private copy of the built extension (removed by the global teardown). */
export function runDir(id = runId()): string {
  return join(tmpdir(), `tandem-e2e-${id}`);
}

const MARKER = '.tandem-e2e-run';
const LOCK = join(ROOT, '.output', '.tandem-e2e-build.lock');

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file shared by every worker and every concurrent run in this checkout. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  await mkdir(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + TIMEOUT.build;
  for (;;) {
    try {
      const fh = await open(LOCK, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Held: take it over only if its owner is gone or it is older than a build could take.
      const [owner, info] = await Promise.all([
        readFile(LOCK, 'utf8').catch(() => ''),
        stat(LOCK).catch(() => null),
      ]);
      const pid = Number.parseInt(owner, 10);
      const stale =
        (owner !== '' && Number.isInteger(pid) && !pidAlive(pid)) ||
        (info !== null && Date.now() - info.mtimeMs > TIMEOUT.build);
      if (stale) {
        await rm(LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for the build lock ${LOCK} (held by ${owner})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(LOCK, { force: true });
  }
}

/** The browsers the extension is built for, and where WXT writes each build. */
export type Target = 'chrome' | 'firefox';
export const OUTPUT_DIRS: Record<Target, string> = {
  chrome: OUTPUT_DIR,
  firefox: join(ROOT, '.output', 'firefox-mv2'),
};

function runBuild(target: Target = 'chrome'): Promise<void> {
  const env = { ...process.env };
  // Vitest sets NODE_ENV=test; a production build must not inherit it.
  delete env.NODE_ENV;
  for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
  return new Promise((ok, fail) => {
    // Firefox: `wxt zip` builds and also writes the store package, which the Firefox tests install.
    const args = target === 'firefox' ? ['wxt', 'zip', '-b', 'firefox'] : ['wxt', 'build'];
    const child = spawn('npx', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (b: Buffer) => {
      out = (out + b.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT.build);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) ok();
      else fail(new Error(`npx ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${out}`));
    });
  });
}

/** `.output/<name>-<version>-firefox.zip`, as `wxt zip -b firefox` names it. */
async function firefoxPackage(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return join(ROOT, '.output', `${pkg.name}-${pkg.version}-firefox.zip`);
}

/**
 * Build the extension (`npx wxt build`, `-b firefox` for Firefox) once per test run and return a
 * private copy of `.output/chrome-mv3` (or `firefox-mv2`, with its store package beside it as
 * `firefox-mv2.zip`) for this run, so that another build in the same checkout cannot change it
 * under a running browser. Set TANDEM_E2E_EXTENSION to load a prebuilt directory instead.
 */
export async function buildExtension(target: Target = 'chrome'): Promise<string> {
  const prebuilt = target === 'chrome' ? process.env.TANDEM_E2E_EXTENSION : undefined;
  if (prebuilt) return resolve(prebuilt);

  const id = runId();
  const outputDir = OUTPUT_DIRS[target];
  const copy = join(runDir(id), target === 'chrome' ? 'chrome-mv3' : 'firefox-mv2');
  const done = join(copy, '.complete');
  if (existsSync(done)) return copy;

  return withBuildLock(async () => {
    if (existsSync(done)) return copy;
    const marker = join(outputDir, MARKER);
    const fresh =
      existsSync(join(outputDir, 'manifest.json')) && (await readFile(marker, 'utf8').catch(() => '')) === id;
    if (!fresh) {
      await runBuild(target);
      await writeFile(marker, id);
    }
    await rm(copy, { recursive: true, force: true });
    await mkdir(dirname(copy), { recursive: true });
    await cp(outputDir, copy, { recursive: true });
    if (target === 'firefox') await cp(await firefoxPackage(), `${copy}.zip`);
    await writeFile(done, id);
    return copy;
  });
}

// ---------------------------------------------------------------------------------------------
// Fixture server

export interface FixtureServer {
  port: number;
  /** Hosts mapped to this server (for `launchBrowser`). */
  hosts: string[];
  /** `https://<host>/<path>`: the address as the browser sees it. */
  url(host: string, path?: string): string;
  /** Requests served so far, as `host path` (for assertions). */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.wav': 'audio/wav',
};

/**
 * A local HTTPS server with a certificate made now for the site hosts, serving
 * `test/fixtures/<host>/<path>` (a path ending in `/` serves its `index.html`).
 */
export async function startFixtureServer(
  opts: { hosts?: readonly string[]; root?: string } = {},
): Promise<FixtureServer> {
  const root = opts.root ?? FIXTURES_DIR;
  const hosts = [...new Set([...(opts.hosts ?? SITE_HOSTS)])];
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...hosts.map((h) => ({ type: 2 as const, value: h })),
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });

  const requests: string[] = [];
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    requests.push(`${host} ${pathname}`);
    const hostDir = resolve(root, host);
    const file = resolve(hostDir, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    if (!host || !file.startsWith(hostDir + sep) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${host}${pathname}`),
    );
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hosts,
    requests,
    url: (host, path = '/') => `https://${host}${path.startsWith('/') ? path : `/${path}`}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Browser

export interface LaunchOptions {
  /** Browser UI language, e.g. `zh-CN` or `en` (sets `--lang` and the page locale). */
  locale?: string;
  /** Hosts to map to the fixture server, and its port. */
  hosts?: readonly string[];
  port?: number;
  /** The unpacked extension; built by `buildExtension()` when omitted. */
  extensionPath?: string;
  viewport?: { width: number; height: number };
  /** A profile to reuse (a browser restart); kept on close. Default: a throwaway one. */
  userDataDir?: string;
  /** More Chromium switches for this launch, e.g. fake media devices (they are per launch). */
  extraArgs?: readonly string[];
}

export interface Browser {
  context: BrowserContext;
  extensionPath: string;
  close(): Promise<void>;
}

/** `MAP host 127.0.0.1:port, …, EXCLUDE localhost` */
export function hostResolverRules(hosts: readonly string[], port: number): string {
  return [...hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'EXCLUDE localhost'].join(', ');
}

/** Debian's Chromium with the extension loaded, in a throwaway profile removed on close. */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<Browser> {
  const locale = opts.locale ?? 'en';
  const ext = opts.extensionPath ?? (await buildExtension());
  const keep = !!opts.userDataDir;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'tandem-chromium-')));
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--ignore-certificate-errors',
    `--lang=${locale}`,
    ...(opts.extraArgs ?? []),
  ];
  if (opts.hosts?.length) {
    if (!opts.port) throw new Error('launchBrowser: hosts need the fixture server port');
    args.push(`--host-resolver-rules=${hostResolverRules(opts.hosts, opts.port)}`);
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: false, // --headless=new is passed above: extensions need the new headless mode
      args,
      // Playwright disables extensions by default.
      ignoreDefaultArgs: ['--disable-extensions'],
      locale,
      viewport: opts.viewport ?? { width: 380, height: 900 },
      timeout: TIMEOUT.launch,
      env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
    });
  } catch (e) {
    if (!keep) await rm(userDataDir, { recursive: true, force: true });
    throw e;
  }
  context.setDefaultTimeout(TIMEOUT.action);
  context.setDefaultNavigationTimeout(TIMEOUT.action);
  return {
    context,
    extensionPath: ext,
    close: async () => {
      await context.close().catch(() => {});
      if (!keep) await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

/** The extension's id, from its service worker's URL. */
export async function extensionId(context: BrowserContext): Promise<string> {
  const isOurs = (url: string) => url.startsWith('chrome-extension://');
  let worker = context.serviceWorkers().find((w) => isOurs(w.url()));
  while (!worker) {
    const w = await context.waitForEvent('serviceworker', { timeout: TIMEOUT.launch });
    if (isOurs(w.url())) worker = w;
  }
  return new URL(worker.url()).host;
}

/** Open the side panel page in a tab and wait until it has rendered. */
export async function openSidePanel(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/sidepanel.html`);
  await page.locator('[data-testid="sidepanel"]').waitFor({ state: 'visible' });
  return page;
}

/** Save a screenshot to test/e2e/.artifacts/<name>.png and return its path. */
export async function screenshot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? true, animations: 'disabled' });
  return path;
}
