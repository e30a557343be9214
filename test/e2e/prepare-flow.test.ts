// biome-ignore-all lint/suspicious/noExplicitAny: records read back from extension storage are untyped here
/**
 * The Prepare flow in Chromium, with the real service: "Prepare with Tandem" on the Google
 * Calendar fixture becomes a session (employee, kind, time, link) once the side panel opens;
 * pasted Tencent Meeting text and `.ics` files (dropped or chosen) give agendas too, junk a clear
 * message; joining and leaving the call on the Meet fixture gives the session's start and end; the
 * next talk with the same employee shows "since last time" and the one-pager. Screenshots of
 * Prepare in en and zh-CN go to test/e2e/.artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeMeetingUrl } from '../../shared/invite/links';
import { extensionWorker, localIso, settle, stored, written } from './adapters.support';
import { E2E, requireE2e } from './available';
import {
  ARTIFACTS_DIR,
  type Browser,
  buildExtension,
  extensionId,
  FIXTURES_DIR,
  type FixtureServer,
  launchBrowser,
  screenshot,
  startFixtureServer,
  TIMEOUT,
} from './harness';
import { connect, openPanel, selectTab, waitForSyncState } from './panel';
import { type Service, startService } from './service';

requireE2e();

const CALENDAR = 'https://calendar.google.com/calendar/u/0/r/week/2026/3/10/';
const MEET = 'https://meet.google.com/abc-defg-hij';
const invites = (f: string) => readFileSync(join(FIXTURES_DIR, 'invites', f), 'utf8');

const ROSTER = [
  { id: 'e-li-lei', name: 'Li Lei', email: 'li.lei@example.com', department: 'Platform' },
  { id: 'e-li-si', name: '李四', email: 'li.si@example.com', department: 'Platform' },
  { id: 'e-sun-yue', name: '孙悦', email: 'sun.yue@example.cn', department: 'Design' },
].map((e) => ({ ...e, managerEmail: 'wang.fang@example.com', status: 'active' }));

async function sessions(worker: Worker): Promise<any[]> {
  return worker.evaluate(async () => {
    const all = await (globalThis as any).chrome.storage.local.get(null);
    return Object.entries(all)
      .filter(([k, v]) => k.startsWith('tandem:rec:session:') && !(v as any).deleted)
      .map(([, v]) => v);
  });
}

const ofEmployee = async (worker: Worker, employeeId: string) =>
  (await sessions(worker)).filter((e) => e.data.employeeId === employeeId);

async function currentSession(page: Page): Promise<string> {
  const id = await page.getByTestId('sidepanel').getAttribute('data-session');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

async function setLocale(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.evaluate((l) => (globalThis as any).chrome.storage.local.set({ 'tandem:locale': l }), locale);
  await expect.poll(() => page.getByTestId('sidepanel').getAttribute('data-locale')).toBe(locale);
}

/** Add an action item in the Record tab and fill it in (found by its id: the list is not in creation order). */
async function addItem(page: Page, button: string, title: string, due: string, measure: string) {
  const before = await page
    .getByTestId('action-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
  await page.getByTestId(button).click();
  await expect.poll(() => page.getByTestId('action-item').count()).toBe(before.length + 1);
  const ids = await page
    .getByTestId('action-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
  const added = ids.find((x) => !before.includes(x))!;
  const item = page.locator(`[data-testid="action-item"][data-item="${added}"]`);
  await item.getByTestId('item-title').fill(title);
  await item.getByTestId('item-due').fill(due);
  await item.getByTestId('item-measure').fill(measure);
}

const pad = (n: number) => String(n).padStart(2, '0');
const localInput = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

describe.skipIf(!E2E.run)('Prepare flow in Chromium', { timeout: 240_000 }, () => {
  let server: FixtureServer;
  let service: Service;
  let browser: Browser;
  let worker: Worker;
  let id: string;
  let panel: Page;
  /** The Li Lei session made from the calendar invite. */
  let liLei = '';

  beforeAll(async () => {
    const [s, ext, svc] = await Promise.all([
      startFixtureServer(),
      buildExtension(),
      startService({ cycles: false }),
    ]);
    server = s;
    service = svc;
    browser = await launchBrowser({
      extensionPath: ext,
      hosts: server.hosts,
      port: server.port,
      locale: 'en',
    });
    worker = await extensionWorker(browser.context);
    id = await extensionId(browser.context);

    const hr = service.hrToken;
    expect((await service.call('PUT', '/api/v1/employees', hr, ROSTER)).status).toBeLessThan(300);
    for (const [cid, name, startsOn, endsOn] of [
      ['2025H2', '2025 H2', '2025-07-01', '2025-12-31'],
      ['2026H1', '2026 H1', '2026-01-01', '2026-06-30'],
      ['2026H2', '2026 H2', '2026-07-01', '2026-12-31'],
    ] as const) {
      expect(
        (await service.call('PUT', `/api/v1/cycles/${cid}`, hr, { name, startsOn, endsOn })).status,
      ).toBeLessThan(300);
    }
    const rated = await service.call('PUT', '/api/v1/ratings', hr, [
      { employeeId: 'e-li-lei', cycleId: '2025H2', rating: 3 },
      { employeeId: 'e-li-lei', cycleId: '2026H1', rating: 3.5 },
    ]);
    expect(rated.status).toBeLessThan(300);
    const token = await service.createManager('Wang Fang', 'wang.fang@example.com');
    await connect(browser.context, id, service.url, token);
  }, TIMEOUT.build);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await service?.dispose();
  });

  it('"Prepare with Tandem" on Google Calendar: the panel makes the session from the invite', async () => {
    // The roster and cycles arrive with the first sync.
    const first = await openPanel(browser.context, id);
    await waitForSyncState(first, 'synced');
    await first.close();

    const cal = await browser.context.newPage();
    await cal.goto(CALENDAR);
    await cal.waitForFunction(() => 'fixture' in window);
    await cal.evaluate("window.fixture.open('e1')");
    await cal.locator('tandem-calendar').click();
    await expect
      .poll(async () => (await written<any>(worker, 'tandem:pendingInvite')).some((v) => v.invite.title))
      .toBe(true);

    panel = await openPanel(browser.context, id);
    const card = panel.getByTestId('invite-review');
    await card.waitFor();
    // "Mid-year review": coaching or review? The panel asks rather than guesses, coaching first.
    expect(await card.getAttribute('data-state')).toBe('asking');
    expect(await panel.locator('[data-testid="choose-kind"] input[value="coaching"]').isChecked()).toBe(true);
    await screenshot(panel, 'prepare-invite-chooser-en', { fullPage: false });
    await panel.getByTestId('invite-create').click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('done');
    expect(await panel.getByTestId('review-employee').textContent()).toBe('Li Lei');
    expect(await panel.locator('[data-testid="invite-booking"] li').count()).toBe(3);
    expect(
      await panel.locator('[data-testid="invite-booking"] [data-check="self"]').getAttribute('class'),
    ).toBe('ok');

    await expect.poll(async () => (await ofEmployee(worker, 'e-li-lei')).length).toBe(1);
    const [s] = await ofEmployee(worker, 'e-li-lei');
    expect(s.data).toMatchObject({
      kind: 'coaching',
      cycleId: '2026H1',
      status: 'scheduled',
      scheduledAt: localIso(2026, 3, 10, 14),
    });
    expect(normalizeMeetingUrl(s.data.meetingUrl)).toBe(MEET);
    expect(s.local).toMatchObject({ plannedMinutes: 60, selfAssessmentAsked: true });
    liLei = s.id;
    expect(await currentSession(panel)).toBe(liLei);
    // Consumed: the pending invite is gone.
    await expect.poll(() => stored(worker, 'tandem:pendingInvite')).toBeUndefined();

    // The same event again opens the same session.
    await cal.locator('tandem-calendar').click();
    await panel.getByTestId('invite-create').click();
    await expect.poll(() => panel.getByTestId('invite-outcome').getAttribute('data-outcome')).toBe('opened');
    expect(await ofEmployee(worker, 'e-li-lei')).toHaveLength(1);
    await cal.close();
  });

  it('pasted Tencent Meeting text and .ics files give agendas; junk gives a clear message', async () => {
    await panel.getByTestId('invite-review-close').click();
    const importer = panel.getByTestId('invite-import');
    if ((await importer.getAttribute('open')) === null) await importer.locator('summary').click();

    // Junk: the parser's message, no exception.
    await panel.getByTestId('invite-paste').fill('hello world, nothing here');
    await panel.getByTestId('invite-read').click();
    await expect
      .poll(() => panel.getByTestId('invite-error').textContent())
      .toContain('No meeting details found');

    await panel.getByTestId('invite-paste').fill(invites('tencent-meeting.zh.txt'));
    await panel.getByTestId('invite-read').click();
    await expect.poll(() => panel.getByTestId('invite-outcome').getAttribute('data-outcome')).toBe('created');
    expect(await panel.getByTestId('invite-error').count()).toBe(0);
    await expect.poll(async () => (await ofEmployee(worker, 'e-li-si')).length).toBe(1);
    const [liSi] = await ofEmployee(worker, 'e-li-si');
    expect(liSi.data).toMatchObject({
      kind: 'review',
      cycleId: '2026H2',
      scheduledAt: '2026-12-01T06:00:00Z',
      meetingUrl: 'https://meeting.tencent.com/dm/Rk3vT9qLmW2x',
      status: 'scheduled',
    });
    expect(await currentSession(panel)).toBe(liSi.id);

    // Dropped .ics (UTC times, link in LOCATION): a new talk with 孙悦.
    await panel.evaluate(
      ({ text }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'invite.ics', { type: 'text/calendar' }));
        const zone = document.querySelector('[data-testid="ics-drop"]')!;
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { text: invites('tencent-location.ics') },
    );
    await expect.poll(async () => (await ofEmployee(worker, 'e-sun-yue')).length).toBe(1);
    const [sun] = await ofEmployee(worker, 'e-sun-yue');
    expect(sun.data).toMatchObject({
      kind: 'review',
      scheduledAt: '2026-12-03T06:00:00Z',
      meetingUrl: 'https://meeting.tencent.com/dm/Xy7Kp2LmQ9aB',
    });

    // A chosen .ics (Google export, Asia/Shanghai) for the same talk with 李四: it opens that talk
    // and moves it to the Meet link the new invite carries.
    await panel.getByTestId('invite-review-close').click();
    await panel
      .getByTestId('ics-file')
      .setInputFiles(join(FIXTURES_DIR, 'invites', 'google-meet-shanghai.ics'));
    await expect.poll(() => panel.getByTestId('invite-outcome').getAttribute('data-outcome')).toBe('opened');
    await expect
      .poll(async () => normalizeMeetingUrl((await ofEmployee(worker, 'e-li-si'))[0].data.meetingUrl))
      .toBe(MEET);
    const again = await ofEmployee(worker, 'e-li-si');
    expect(again).toHaveLength(1);
    expect(again[0].data).toMatchObject({ scheduledAt: '2026-12-01T06:00:00Z', meetingUrl: MEET });
    expect(again[0].local).toMatchObject({ selfAssessmentAsked: true });

    // A file that is not an invite.
    await panel.getByTestId('invite-review-close').click();
    await panel.getByTestId('ics-file').setInputFiles({
      name: 'photo.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]),
    });
    await expect
      .poll(() => panel.getByTestId('invite-error').textContent())
      .toContain('not a calendar invite');
  });

  it('joining and leaving the call on the Meet fixture gives the session its start and end', async () => {
    // The talk with Li Lei was moved to now (the manager rescheduled it in step 4).
    await panel.getByTestId('session-picker').selectOption(liLei);
    await panel.getByTestId('scheduled-at').fill(localInput(new Date(Date.now() + 5 * 60_000)));
    await settle(panel, 600);

    const meet = await browser.context.newPage();
    await meet.goto(`${MEET}/`);
    await meet.waitForFunction(() => 'fixture' in window);
    // The launcher asks for the panel: it selects the talk with this link and goes to Talk.
    await panel.getByTestId('session-picker').selectOption({ index: 0 });
    await meet.locator('tandem-launcher').click();
    await expect.poll(() => currentSession(panel)).toBe(liLei);
    await expect.poll(() => panel.locator('[role="tabpanel"]').getAttribute('data-panel')).toBe('talk');

    await meet.evaluate('window.fixture.join()');
    const session = async () => (await stored<any>(worker, `tandem:rec:session:${liLei}`))?.data;
    await expect.poll(async () => (await session())?.startedAt, { timeout: 15_000 }).toBeTruthy();
    expect((await session()).status).toBe('held');
    expect((await session()).endedAt ?? null).toBeNull();
    await panel.getByTestId('timer-from-call').waitFor();
    await meet.waitForTimeout(1_200);
    await meet.evaluate('window.fixture.leave()');
    await expect.poll(async () => (await session())?.endedAt, { timeout: 15_000 }).toBeTruthy();
    const s = await session();
    const [call] = ((await stored<any[]>(worker, 'tandem:calls')) ?? []).filter((c) => c.meetingUrl === MEET);
    expect(s.startedAt).toBe(call.joinedAt);
    expect(s.endedAt).toBe(call.leftAt);
    expect(await panel.getByTestId('timer').textContent()).toBeTruthy();
    expect(await panel.getByTestId('timer-from-call').textContent()).toContain('ended');
    await meet.close();
  });

  it('the next talk with Li Lei carries over open items and questions; the one-pager shows the record', async () => {
    // Record the talk: two action items (one a support commitment), key points, consensus.
    await selectTab(panel, 'record');
    await panel.locator('[data-testid="consensus"] input[value="partial"]').check();
    await panel.getByTestId('note-keyPoints').fill('Migration shipped on time\nStatus updates went quiet');
    await addItem(panel, 'add-item', 'Send a weekly status note', day(-3), 'Four notes in a row');
    await addItem(panel, 'add-support', 'Book the design-review training', day(10), 'Seat confirmed');
    await selectTab(panel, 'prepare');
    await panel.getByTestId('question-text').fill('What got in the way of the weekly updates?');
    await panel.getByTestId('question-add').click();
    await settle(panel, 800);

    // The next talk with the same person.
    await panel.getByTestId('new-session').click();
    await panel.getByTestId('employee-picker').selectOption('e-li-lei');
    await panel.locator('[data-testid="kind"] input[value="coaching"]').check();
    await panel.getByTestId('create-session').click();
    const next = await currentSession(panel);
    expect(next).not.toBe(liLei);

    const since = panel.getByTestId('since-last-time');
    await since.waitFor();
    await expect.poll(() => since.getByTestId('carry-item').count()).toBe(2);
    // Support commitments first.
    expect(await since.getByTestId('carry-item').first().getAttribute('data-owner')).toBe('manager');
    expect(await since.getByTestId('carry-question').textContent()).toContain('weekly updates');

    // One click puts last time's question into this agenda.
    await since.getByTestId('carry-question').click();
    await expect.poll(() => panel.getByTestId('question-count').textContent()).toContain('1');
    await expect.poll(() => since.getByTestId('carry-question').count()).toBe(0);

    // A check-in on the commitment; the overdue employee item stays open for the talk.
    const support = since.getByTestId('carry-item').first();
    await support.getByTestId('carry-update').click();
    await support.getByTestId('carry-checkin-text').fill('Asked HR for a seat');
    await support.getByTestId('carry-checkin-add').click();
    await expect.poll(() => support.locator('.checkins li').count()).toBe(1);

    // The one-pager: from the service once the talk has synced (ratings come from there).
    await waitForSyncState(panel, 'synced');
    const one = panel.getByTestId('one-pager');
    await expect.poll(() => one.getAttribute('data-source'), { timeout: 30_000 }).toBe('service');
    await expect
      .poll(() => one.getByTestId('one-talks').locator('li.talk').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await one.getByTestId('one-ratings').locator('li').count()).toBe(2);
    expect(await one.getByTestId('one-support').textContent()).toContain('design-review training');
    expect(await one.getByTestId('one-talks').textContent()).toContain('Migration shipped on time');

    for (const lang of ['en', 'zh-CN'] as const) {
      await setLocale(panel, lang);
      await settle(panel, 400);
      await screenshot(panel, `prepare-since-last-time-${lang}`);
      await panel.evaluate(() => window.scrollTo(0, 0));
      await since.screenshot({ path: join(ARTIFACTS_DIR, `prepare-since-block-${lang}.png`) });
      await one.screenshot({ path: join(ARTIFACTS_DIR, `prepare-one-pager-${lang}.png`) });
    }
    expect(await since.textContent()).toContain('上次以来');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.evaluate(() => window.scrollTo(0, 0));
    await since.screenshot({ path: join(ARTIFACTS_DIR, 'prepare-since-block-zh-CN-dark.png') });
    await one.screenshot({ path: join(ARTIFACTS_DIR, 'prepare-one-pager-zh-CN-dark.png') });
    await panel.emulateMedia({ colorScheme: 'light' });
    await setLocale(panel, 'en');

    // Ticking an item done takes it out of "since last time".
    await since.getByTestId('carry-item').last().getByTestId('carry-done').click();
    await expect.poll(() => since.getByTestId('carry-item').count()).toBe(1);
  });

  it('offline, the one-pager comes from this browser, with the ratings last fetched', async () => {
    await service.stop();
    try {
      await panel.reload();
      await panel.getByTestId('sidepanel').waitFor();
      const one = panel.getByTestId('one-pager');
      await expect.poll(() => one.getAttribute('data-source'), { timeout: 30_000 }).toBe('local');
      expect(await one.getByTestId('one-ratings').locator('li').count()).toBe(2);
      expect(await one.getByTestId('one-talks').textContent()).toContain('Migration shipped on time');
      await screenshot(panel, 'prepare-one-pager-offline-en');
    } finally {
      await service.start();
    }
  });
});
