/**
 * The Firefox side of the browser test harness: Debian's firefox-esr driven over WebDriver BiDi
 * (puppeteer-core), with the store package (`wxt zip -b firefox`) installed permanently into a
 * profile that can be closed and opened again.
 *
 * Firefox has no `--host-resolver-rules`: a proxy auto-config sends the site hosts to a small
 * CONNECT proxy that tunnels every connection to the HTTPS fixture server (harness.ts), and
 * everything else (the sync service on 127.0.0.1) goes direct. The fixture certificate is made
 * at run time, so the session accepts insecure certificates.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH } from './available';
import { ARTIFACTS_DIR, buildExtension, TIMEOUT } from './harness';

export interface FirefoxPackage {
  /** The unpacked build (for reading its manifest). */
  dir: string;
  /** The store package, `.output/<name>-<version>-firefox.zip`. */
  xpi: string;
  geckoId: string;
}

/** Build the Firefox package once per run (harness.ts `buildExtension('firefox')`). */
export async function buildFirefoxPackage(): Promise<FirefoxPackage> {
  const dir = await buildExtension('firefox');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (typeof geckoId !== 'string')
    throw new Error('firefox manifest has no browser_specific_settings.gecko.id');
  return { dir, xpi: `${dir}.zip`, geckoId };
}

export interface SiteProxy {
  port: number;
  /** `data:` proxy auto-config: the site hosts through this proxy, the rest direct. */
  pac: string;
  close(): Promise<void>;
}

/** An HTTP CONNECT proxy that tunnels every connection for `hosts` to the fixture server's port. */
export async function startSiteProxy(hosts: readonly string[], fixturePort: number): Promise<SiteProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!hosts.includes(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(fixturePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as { port: number };
  const pacScript = `function FindProxyForURL(url, host) { return ${JSON.stringify(hosts)}.indexOf(host) >= 0 ? "PROXY 127.0.0.1:${port}" : "DIRECT"; }`;
  return {
    port,
    pac: `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pacScript)}`,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

export interface FirefoxProfile {
  dir: string;
  /** The extension's internal UUID in this profile (`moz-extension://<uuid>/`), fixed by a pref. */
  uuid: string;
}

export async function newProfile(): Promise<FirefoxProfile> {
  return { dir: await mkdtemp(join(tmpdir(), 'tandem-firefox-')), uuid: randomUUID() };
}

export interface LaunchFirefoxOptions {
  pkg: FirefoxPackage;
  profile: FirefoxProfile;
  /** `en` or `zh-CN`: the language pages (and the extension) see as `navigator.language`. */
  locale?: string;
  proxy?: SiteProxy;
  /** Install the package (the first launch of a profile); later launches find it installed. */
  install?: boolean;
}

export interface Firefox {
  browser: Browser;
  origin: string;
  /** Open an extension page in a tab and wait for `selector`. */
  extensionPage(path: string, selector: string): Promise<Page>;
  close(): Promise<void>;
}

/** firefox-esr with the profile (and the add-on, installed permanently when `install`). */
export async function launchFirefox(opts: LaunchFirefoxOptions): Promise<Firefox> {
  const locale = opts.locale ?? 'en';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: opts.profile.dir,
    acceptInsecureCerts: true,
    defaultViewport: { width: 380, height: 900 },
    timeout: TIMEOUT.launch,
    protocolTimeout: TIMEOUT.launch,
    // WebDriver BiDi refuses to navigate a tab to moz-extension:// pages without it (test only).
    args: ['--remote-allow-system-access'],
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [opts.pkg.geckoId]: opts.profile.uuid }),
      // The package is not signed by Mozilla; ESR builds may install unsigned add-ons with this.
      'xpinstall.signatures.required': false,
      // Optional permissions are granted without the doorhanger nobody can click headless.
      'extensions.webextOptionalPermissionPrompts': false,
      // Notifications in Firefox's own alert window: headless has no desktop notification service.
      'alerts.useSystemBackend': false,
      'intl.accept_languages': locale === 'en' ? 'en-US, en' : `${locale}, en`,
      ...(opts.proxy
        ? { 'network.proxy.type': 2, 'network.proxy.autoconfig_url': opts.proxy.pac }
        : { 'network.proxy.type': 0 }),
    },
  });
  try {
    if (opts.install) {
      // BiDi webExtension.install with Firefox's `moz:permanent`: a real install that stays across
      // restarts (puppeteer's installExtension() installs a temporary add-on, gone at exit).
      await (
        browser as unknown as { connection: { send(m: string, p: unknown): Promise<unknown> } }
      ).connection.send('webExtension.install', {
        extensionData: { type: 'archivePath', path: opts.pkg.xpi },
        'moz:permanent': true,
      });
    }
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
  const origin = `moz-extension://${opts.profile.uuid}`;
  return {
    browser,
    origin,
    async extensionPage(path, selector) {
      const page = await browser.newPage();
      page.setDefaultTimeout(TIMEOUT.action);
      // The load of an extension page moves the tab to the extension process, and BiDi never
      // reports the navigation as finished: wait for the page's own content instead.
      // Evaluations that race the document swap fail with protocol errors: retry them until then.
      void page.goto(`${origin}/${path}`, { timeout: TIMEOUT.action }).catch(() => {});
      const deadline = Date.now() + TIMEOUT.action;
      let last: unknown = null;
      while (Date.now() < deadline) {
        try {
          if (page.url().startsWith(origin) || (await page.evaluate(() => location.origin)) === origin) {
            if (await page.$(selector)) return page;
          }
        } catch (e) {
          last = e;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${path}: ${selector} did not appear (${String(last)})`);
    },
    close: () => browser.close().catch(() => {}),
  };
}

export async function removeProfile(profile: FirefoxProfile): Promise<void> {
  await rm(profile.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

/** Save a screenshot to test/e2e/.artifacts/<name>.png (full page) and return its path. */
export async function firefoxScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
