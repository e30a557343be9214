/**
 * The listening meter end to end (issue 18) in Debian's Chromium with fake media: the microphone
 * is a WAV of espeak-ng speech then silence (`--use-file-for-fake-audio-capture`), the other side
 * is the meeting fixture page playing another WAV through an `<audio>` element, as Meet does. Both
 * are made here with known durations, so the measured shares can be checked against the truth.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, requireE2e } from './available';
import {
  type Browser,
  buildExtension,
  extensionId,
  FIXTURES_DIR,
  type FixtureServer,
  launchBrowser,
  openSidePanel,
  screenshot,
  startFixtureServer,
  TIMEOUT,
} from './harness';
import { newTalk, selectTab } from './panel';

requireE2e();

/** One loop of both files: the manager talks first and long, then the employee answers. */
const LOOP = 24;
const MIC = { speech: 12, after: 12 };
const REMOTE = { before: 14, speech: 8, after: 2 };
const TRUTH = {
  manager: MIC.speech / LOOP,
  other: REMOTE.speech / LOOP,
  silence: 1 - MIC.speech / LOOP - REMOTE.speech / LOOP,
};

const SENTENCE = 'we shipped the onboarding guide this quarter and the team used it with every new hire, ';

/** espeak-ng speech cut to `speech` seconds, with silence before and after, as 48 kHz mono WAV. */
function speechWav(out: string, voice: string, speech: number, before: number, after: number): void {
  const raw = `${out}.raw.wav`;
  execFileSync('espeak-ng', ['-v', voice, '-s', '165', '-w', raw, SENTENCE.repeat(5)]);
  execFileSync('sox', [
    raw,
    '-r',
    '48000',
    '-c',
    '1',
    '-b',
    '16',
    out,
    'trim',
    '0',
    String(speech),
    'pad',
    String(before),
    String(after),
  ]);
  const seconds = Number(execFileSync('soxi', ['-D', out]).toString());
  expect(seconds).toBeCloseTo(before + speech + after, 2);
}

const hasTools = (() => {
  try {
    execFileSync('espeak-ng', ['--version']);
    execFileSync('sox', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!E2E.run)('listening meter in Chromium with fake media', { timeout: 180_000 }, () => {
  let dir: string;
  let server: FixtureServer;
  let browser: Browser;
  let id: string;

  beforeAll(async () => {
    if (!hasTools) throw new Error('espeak-ng and sox are needed (apt-get install -y espeak-ng sox)');
    dir = await mkdtemp(join(tmpdir(), 'tandem-listening-'));
    // A private copy of the Meet fixtures, with the far end's WAV beside the call page.
    await cp(join(FIXTURES_DIR, 'meet.google.com'), join(dir, 'meet.google.com'), { recursive: true });
    const mic = join(dir, 'mic.wav');
    speechWav(mic, 'en', MIC.speech, 0, MIC.after);
    speechWav(
      join(dir, 'meet.google.com', 'lst-mtrx-qwe', 'remote.wav'),
      'en-us',
      REMOTE.speech,
      REMOTE.before,
      REMOTE.after,
    );
    const extensionPath = await buildExtension();
    server = await startFixtureServer({ root: dir, hosts: ['meet.google.com'] });
    browser = await launchBrowser({
      extensionPath,
      hosts: server.hosts,
      port: server.port,
      extraArgs: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${mic}`,
        // The fixture page starts its audio without a click (a real call has had one: "Join").
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    id = await extensionId(browser.context);
  }, TIMEOUT.build);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('measures who talks within 10 points of the truth and nudges in step 6', async () => {
    const call = await browser.context.newPage();
    await call.goto(server.url('meet.google.com', '/lst-mtrx-qwe/'));
    const panel: Page = await openSidePanel(browser.context, id);
    await newTalk(panel, 'Li Lei', 'li.lei@example.com');
    await selectTab(panel, 'talk');
    await panel.locator('[data-step-dot="6"]').click();
    await panel.locator('[data-step="6"][data-current="true"]').waitFor();

    // Off by default, with the plain sentence on what happens.
    const toggle = panel.getByTestId('listening-toggle');
    expect(await toggle.isChecked()).toBe(false);
    expect(await panel.getByTestId('listening-promise').textContent()).toMatch(
      /Nothing is recorded, stored or sent/,
    );
    await toggle.check();
    const meter = panel.getByTestId('listening-meter');
    await meter.waitFor();
    // The meeting page connects and hears its <audio> element; then the far end starts playing.
    await expect.poll(() => meter.getAttribute('data-pages'), { timeout: 30_000 }).toBe('1');
    await call.evaluate(() => (document.getElementById('remote') as HTMLAudioElement).play());
    await expect
      .poll(() => panel.getByTestId('listening-call').getAttribute('data-heard'), { timeout: 30_000 })
      .toBe('true');

    // The manager talked first and long: the step-6 nudge appears.
    const nudge = panel.locator('[data-testid="listening-nudge"][data-nudge="step6"]');
    await nudge.waitFor({ timeout: 60_000 });
    expect(await nudge.textContent()).toContain('Let them speak first');

    // One whole loop of both files: the shares against the truth.
    await expect
      .poll(async () => Number(await meter.getAttribute('data-seconds')), { timeout: 90_000, interval: 100 })
      .toBeGreaterThanOrEqual(LOOP);
    const got = await meter.evaluate((el) => ({
      manager: Number(el.getAttribute('data-manager')),
      other: Number(el.getAttribute('data-other')),
      silence: Number(el.getAttribute('data-silence')),
      seconds: Number(el.getAttribute('data-seconds')),
    }));
    console.log(`listening e2e: truth ${JSON.stringify(TRUTH)} measured ${JSON.stringify(got)}`);
    expect(Math.abs(got.manager - TRUTH.manager)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(got.other - TRUTH.other)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(got.silence - TRUTH.silence)).toBeLessThanOrEqual(0.1);
    await screenshot(panel, 'listening-meter-en', { fullPage: false });

    // Dismissed, it stays gone; switched off, the shares stay with the session.
    await nudge.getByTestId('listening-dismiss').click();
    await nudge.waitFor({ state: 'detached' });
    await toggle.uncheck();
    await meter.waitFor({ state: 'detached' });
    const sessionId = await panel.getByTestId('sidepanel').getAttribute('data-session');
    const stored = await panel.evaluate(async (sid) => {
      const ext = globalThis as unknown as {
        chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } };
      };
      const all = await ext.chrome.storage.local.get(null);
      return JSON.stringify(
        Object.entries(all)
          .filter(([k]) => k.includes(sid!))
          .map(([, v]) => v),
      );
    }, sessionId);
    expect(stored).toMatch(/"managerShare":0\.\d+/);
    expect(stored).toMatch(/"employeeSpokeFirst":false/);
    // The meter told the meeting pages to stop listening, and the call's port closed.
    const live = await panel.evaluate(async () => {
      const ext = globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, { on?: boolean }>> } } };
      };
      return (await ext.chrome.storage.local.get('tandem:listening:live'))['tandem:listening:live']?.on;
    });
    expect(live).toBe(false);
  });
});
