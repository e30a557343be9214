/**
 * Extension budgets (DESIGN §7): the gzipped size of each content script (≤ 10 KB) and of the
 * side panel's first-load JS (≤ 60 KB), and the side panel's first render in headless Chromium
 * (≤ 150 ms), with a static page's first paint in the same browser as the baseline.
 * Sizes have no natural baseline, so their baseline is the budget itself and the ratio is the
 * share of the budget used.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension, extensionId, launchBrowser, runDir, startFixtureServer } from '../e2e/harness';
import type { BenchEntry } from './entry';

const KB = 1024;

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** The scripts the side panel page loads before it can render: its entry and module preloads. */
function panelInitialScripts(ext: string): string[] {
  const html = readFileSync(path.join(ext, 'sidepanel.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)];
  return [...new Set(refs.map((m) => path.join(ext, m[1]!.replace(/^\//, ''))))];
}

function sizeEntry(
  name: string,
  bytes: number,
  budget: number,
  detail?: Record<string, unknown>,
): BenchEntry {
  return {
    name,
    value: bytes / KB,
    unit: 'KB gzipped',
    baseline: budget / KB,
    ratio: bytes / budget,
    budget: 1,
    ok: bytes <= budget,
    ...(detail ? { detail } : {}),
  };
}

async function firstPaint(page: import('playwright-core').Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
  return page.evaluate(`new Promise((resolve) => {
    const done = (e) => e && resolve(e.startTime);
    const found = performance.getEntriesByName('first-contentful-paint')[0];
    if (found) return done(found);
    new PerformanceObserver((list, obs) => {
      const e = list.getEntriesByName('first-contentful-paint')[0];
      if (e) { obs.disconnect(); done(e); }
    }).observe({ type: 'paint', buffered: true });
  })`) as Promise<number>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function runUiBench(runs = 7): Promise<BenchEntry[]> {
  const ext = await buildExtension();
  const out: BenchEntry[] = [];

  const csDir = path.join(ext, 'content-scripts');
  const scripts = (() => {
    try {
      return readdirSync(csDir).filter((f) => f.endsWith('.js'));
    } catch {
      return [];
    }
  })();
  for (const f of scripts) {
    out.push(sizeEntry(`content script ${f.replace(/\.js$/, '')}`, gz(path.join(csDir, f)), 10 * KB));
  }

  const initial = panelInitialScripts(ext);
  const panelBytes = initial.reduce((sum, f) => sum + gz(f), 0);
  out.push(
    sizeEntry('side panel first-load JS', panelBytes, 60 * KB, {
      files: initial.map((f) => path.relative(ext, f)),
    }),
  );

  const server = await startFixtureServer({ hosts: ['bench.tandem.test'] });
  const browser = await launchBrowser({ extensionPath: ext, hosts: server.hosts, port: server.port });
  try {
    const id = await extensionId(browser.context);
    const page = await browser.context.newPage();
    const panel: number[] = [];
    const baseline: number[] = [];
    // One warm-up each, then interleaved runs so that machine load hits both alike.
    await firstPaint(page, `chrome-extension://${id}/sidepanel.html`);
    await firstPaint(page, server.url('bench.tandem.test'));
    for (let i = 0; i < runs; i++) {
      panel.push(await firstPaint(page, `chrome-extension://${id}/sidepanel.html`));
      baseline.push(await firstPaint(page, server.url('bench.tandem.test')));
    }
    const value = median(panel);
    const base = median(baseline);
    out.push({
      name: 'side panel first render (first contentful paint)',
      value,
      unit: 'ms',
      baseline: base,
      ratio: value / base,
      budget: 150,
      ok: value <= 150,
      detail: { budgetOn: 'value', runs: panel, baselineRuns: baseline },
    });
  } finally {
    await browser.close();
    await server.close();
    rmSync(runDir(), { recursive: true, force: true });
  }
  return out;
}
