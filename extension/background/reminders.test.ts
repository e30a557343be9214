// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * Reminders in the background with `fakeBrowser` and a fixed clock: one notification per reminder
 * id across repeated checks, alarms and service-worker restarts; quiet hours defer; per-kind
 * switches; the badge; the survey outbox against the real service app (cached, offline "sent");
 * a click leads to the right session and tab.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { item, person, sess, uid } from '../../shared/followup/fixtures';
import type { ActionItem, Session } from '../../shared/schemas/records';
import { entryKey, newEntry } from '../../shared/sync/engine';
import { KEYS, recordKey, writeKey } from '../store/storage';
import type { Fetch } from './api';
import {
  DEFAULT_REMINDER_SETTINGS,
  FOLLOWUP_KEYS,
  type NotifiedLog,
  type OutboxCache,
  type ReminderSettings,
  type ReminderState,
} from './followup-state';
import {
  ALARM_REMINDERS,
  ALARM_REMINDERS_SAFETY,
  CHANGE_DEBOUNCE_MS,
  checkReminders,
  LOG_KEEP_MS,
  markSurveySent,
  openFromNotification,
  pruneLog,
  type ReminderDeps,
  refreshOutbox,
  registerReminders,
} from './reminders';
import { memorySecrets } from './secrets';
import { BASE, inProcessService } from './service.fixtures';
import { TOKEN } from './sync';

const NOW = new Date('2026-03-11T10:00:00Z'); // a Wednesday; 18:00 in Shanghai
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const ago = (hours: number) => iso(NOW.getTime() - hours * H);

const noFetch: Fetch = async () => {
  throw new TypeError('Failed to fetch');
};

function deps(over: Partial<ReminderDeps> = {}): ReminderDeps {
  return { fetch: noFetch, secrets: memorySecrets(), now: () => NOW, timeZone: () => 'UTC', ...over };
}

async function put(type: 'session' | 'actionItem', data: Session | ActionItem) {
  await fakeBrowser.storage.local.set({
    [recordKey(entryKey(type, data.id))]: newEntry(type, data as never),
  });
}

async function settings(s: Partial<ReminderSettings>) {
  await writeKey(FOLLOWUP_KEYS.prefs, { ...DEFAULT_REMINDER_SETTINGS, quietHours: null, ...s });
}

type Shown = [id: string, options: { type: string; title: string; message: string }];
/** The (id, options) pairs given to `notifications.create`. */
const calls = (spy: { mock: { calls: unknown[] } }) => spy.mock.calls as unknown as Shown[];

const readLog = async () =>
  (await fakeBrowser.storage.local.get(FOLLOWUP_KEYS.notified))[FOLLOWUP_KEYS.notified] as NotifiedLog;
const readState = async () =>
  (await fakeBrowser.storage.local.get(FOLLOWUP_KEYS.state))[FOLLOWUP_KEYS.state] as ReminderState;

/** A talk that ended 30 hours ago, not recorded (record, overdue), and a support item overdue. */
async function seed() {
  await writeKey(KEYS.people, { server: [person('e1', 'Alex Chen')], local: [] });
  await put('session', sess(1, { status: 'held', startedAt: ago(31), endedAt: ago(30) }));
  await put(
    'actionItem',
    item(1, uid(1), { owner: 'manager', dueOn: '2026-03-09', title: 'Book the course' }),
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('background reminders', () => {
  it('notifies each reminder once, however often it checks', async () => {
    await seed();
    await settings({});
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const d = deps();
    const first = await checkReminders(d);
    expect(first.reminders.map((r) => r.kind).sort()).toEqual(['action-due', 'record']);
    expect(first.shown).toHaveLength(2);
    expect(create).toHaveBeenCalledTimes(2);
    const recordId = first.reminders.find((r) => r.kind === 'record')!.id;
    const [, options] = calls(create).find((c) => c[0] === recordId)!;
    expect(options).toMatchObject({ type: 'basic', title: 'Tandem · Record' });
    expect(options.message).toContain('Alex Chen');

    // Again, and many at once: nothing new.
    const again = await Promise.all([checkReminders(d), checkReminders(d), checkReminders(d)]);
    expect(again.flatMap((r) => r.shown)).toEqual([]);
    expect(create).toHaveBeenCalledTimes(2);
    const log = await readLog();
    expect(Object.keys(log.ids).sort()).toEqual(first.reminders.map((r) => r.id).sort());
    expect(log.ids[recordId]!.target).toMatchObject({ tab: 'record', sessionId: uid(1) });
  });

  it('survives service-worker restarts and alarms without repeating a notification', async () => {
    await seed();
    await settings({});
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const first = registerReminders(deps());
    await first.check();
    expect(create).toHaveBeenCalledTimes(2);
    const alarms = (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
    expect(alarms).toEqual([ALARM_REMINDERS, ALARM_REMINDERS_SAFETY]);

    // The worker stops: listeners go, storage stays. A new one starts and the alarms fire.
    first.stop();
    const second = registerReminders(deps({ now: () => new Date(NOW.getTime() + 5 * 60_000) }));
    await second.check();
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM_REMINDERS, scheduledTime: Date.now() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM_REMINDERS_SAFETY, scheduledTime: Date.now() });
    await second.check();
    expect(create).toHaveBeenCalledTimes(2);
    expect((await readState()).lastShown).toEqual([]);

    // Something new (a rescheduled due date is a new reminder id): that one, once.
    await put(
      'actionItem',
      item(1, uid(1), { owner: 'manager', dueOn: '2026-03-10', title: 'Book the course' }),
    );
    await second.check();
    await second.check();
    expect(create).toHaveBeenCalledTimes(3);
    second.stop();
  });

  it('a check follows local edits (debounced)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await settings({});
      const create = vi.spyOn(fakeBrowser.notifications, 'create');
      const r = registerReminders(deps());
      await r.check();
      expect(create).not.toHaveBeenCalled();
      await seed();
      await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS + 10);
      await r.check();
      expect(create).toHaveBeenCalledTimes(2);
      r.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds notifications back in quiet hours and sets the alarm to their end', async () => {
    await seed();
    await settings({ quietHours: { start: '21:00', end: '08:00' } });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    // 23:30 in Shanghai: quiet until 08:00 local, which is 00:00 UTC.
    const late = new Date('2026-03-11T15:30:00Z');
    const d = deps({ now: () => late, timeZone: () => 'Asia/Shanghai' });
    const r = await checkReminders(d);
    expect(r.reminders).toHaveLength(2);
    expect(r.shown).toEqual([]);
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2'); // the badge is silent: it counts
    // Local midnight comes first (a new day may change things), still quiet; then 08:00 local.
    expect(r.nextCheckAt).toBe('2026-03-11T16:00:00.000Z');
    const midnight = await checkReminders({ ...d, now: () => new Date('2026-03-11T16:00:00Z') });
    expect(midnight.shown).toEqual([]);
    expect(midnight.nextCheckAt).toBe('2026-03-12T00:00:00.000Z');
    expect((await fakeBrowser.alarms.get(ALARM_REMINDERS))?.scheduledTime).toBe(
      Date.parse('2026-03-12T00:00:00Z'),
    );

    const morning = new Date('2026-03-12T00:00:00Z');
    const after = await checkReminders({ ...d, now: () => morning });
    expect(after.shown).toHaveLength(2);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('leaves out kinds switched off, from notifications and the badge', async () => {
    await seed();
    await settings({ kinds: { ...DEFAULT_REMINDER_SETTINGS.kinds, record: false } });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const r = await checkReminders(deps());
    expect(r.reminders.map((x) => x.kind)).toEqual(['action-due']);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    // Switched back on: the record reminder comes, once.
    await settings({});
    await checkReminders(deps());
    await checkReminders(deps());
    expect(create).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

    // All off: no badge, no notification.
    await settings({ enabled: false });
    await put('session', sess(2, { status: 'held', startedAt: ago(3), endedAt: ago(2) }));
    await checkReminders(deps());
    expect(create).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('counts due and overdue reminders on the badge, red when something is overdue', async () => {
    await settings({});
    await checkReminders(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    // A talk that ended 2 hours ago: due within 24 h, not overdue.
    await writeKey(KEYS.people, {
      server: [],
      local: [{ id: 'e1', name: 'Alex Chen', email: 'a@x.example' }],
    });
    await put('session', sess(1, { status: 'held', startedAt: ago(3), endedAt: ago(2) }));
    await checkReminders(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([45, 87, 200, 255]);
    await put('actionItem', item(1, uid(1), { dueOn: '2026-03-01' }));
    await checkReminders(deps());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([197, 34, 31, 255]);
    expect(await readState()).toMatchObject({ count: 2, overdue: 1 });
  });

  it('shows a few at once and sums up the rest', async () => {
    await settings({});
    await writeKey(KEYS.people, { server: [person('e1', 'Alex Chen')], local: [] });
    await put('session', sess(1, { status: 'held', startedAt: ago(31), endedAt: ago(30) }));
    for (let n = 1; n <= 5; n++) await put('actionItem', item(n, uid(1), { dueOn: `2026-03-0${n}` }));
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const r = await checkReminders(deps());
    expect(r.reminders).toHaveLength(6);
    expect(create).toHaveBeenCalledTimes(3);
    const summary = r.shown.find((id) => id.startsWith('summary:'))!;
    expect(calls(create).find((c) => c[0] === summary)![1]).toMatchObject({
      message: '4 more things to follow up. Open Follow-up to see them.',
    });
    await checkReminders(deps());
    expect(create).toHaveBeenCalledTimes(3);
  });

  it('writes notifications in the chosen language', async () => {
    await seed();
    await settings({});
    await writeKey('tandem:locale', 'zh-CN');
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await checkReminders(deps());
    const titles = calls(create)
      .map((c) => c[1].title)
      .sort();
    expect(titles).toEqual(['Tandem · 行动项', 'Tandem · 记录']);
  });

  it('takes over the first version’s list and preferences, and forgets old ids', async () => {
    await seed();
    await writeKey(KEYS.reminded, ['record:old-format-id']);
    await writeKey('tandem:prefs', { recordReminderHours: 0, dueReminders: true, prepareReminders: true });
    const r = await checkReminders(deps());
    expect(r.reminders.map((x) => x.kind)).toEqual(['action-due']); // record was switched off before
    const log = await readLog();
    expect(log.ids['record:old-format-id']).toBeDefined();

    const now = NOW.getTime();
    const pruned = pruneLog(
      {
        ids: {
          active: { at: iso(now - 2 * LOG_KEEP_MS) },
          gone: { at: iso(now - LOG_KEEP_MS - 1) },
          recent: { at: iso(now - 1_000) },
        },
      },
      new Set(['active']),
      now,
    );
    expect(Object.keys(pruned.ids).sort()).toEqual(['active', 'recent']);
  });

  it('a click stores where to go and opens the panel page', async () => {
    await seed();
    await settings({});
    const r = await checkReminders(deps());
    const rec = r.reminders.find((x) => x.kind === 'record')!;
    const due = r.reminders.find((x) => x.kind === 'action-due')!;
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openFromNotification(rec.id, deps())).toBe('tab');
    const target = (await fakeBrowser.storage.local.get(FOLLOWUP_KEYS.panelTarget))[
      FOLLOWUP_KEYS.panelTarget
    ];
    expect(target).toMatchObject({ tab: 'record', sessionId: uid(1), at: NOW.toISOString() });
    expect(tabs).toHaveBeenCalledWith({ url: expect.stringMatching(/\/sidepanel\.html$/) });
    expect(await fakeBrowser.notifications.getAll()).not.toHaveProperty(rec.id);

    await openFromNotification(due.id, deps());
    const t2 = (await fakeBrowser.storage.local.get(FOLLOWUP_KEYS.panelTarget))[FOLLOWUP_KEYS.panelTarget];
    expect(t2).toMatchObject({ tab: 'followUp', sessionId: uid(1), focus: due.subject.id });
  });
});

// ---------------------------------------------------------------------------------------------
// The survey outbox, against the real service app in process

describe('survey outbox in the background', () => {
  it('fetches due links, caches them for offline, and marks one sent (also offline)', async () => {
    const svc = await inProcessService(() => NOW);
    const secrets = memorySecrets();
    await secrets.set(TOKEN, svc.manager);
    await writeKey(KEYS.connection, {
      url: BASE,
      user: { id: 'm', name: 'Mei', email: 'mei@example.com', role: 'manager' },
    });
    await settings({});
    // A talk recorded, which ended 8 days ago: both surveys are due.
    const emp = await svc.call('POST', '/api/v1/employees', svc.manager, {
      id: 'e1',
      name: 'Alex Chen',
      email: 'alex@example.com',
    });
    expect(emp.status).toBeLessThan(300);
    const s = sess(1, {
      kind: 'review',
      status: 'recorded',
      startedAt: ago(8 * 24 + 1),
      endedAt: ago(8 * 24),
      recordedAt: ago(8 * 24 - 1),
    });
    const sync = await svc.call('POST', '/api/v1/sync', svc.manager, {
      push: { sessions: [{ ...s, baseVersion: 0 }] },
    });
    expect(sync.body.results[0].status).toBe('applied');
    await put('session', { ...s, version: 1 });
    await writeKey(KEYS.people, {
      server: [person('e1', 'Alex Chen', { managerEmail: 'mei@example.com' })],
      local: [],
    });

    const d = deps({ fetch: svc.fetchFn, secrets });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const r = await checkReminders(d);
    const cache = (await fakeBrowser.storage.local.get(FOLLOWUP_KEYS.outbox))[
      FOLLOWUP_KEYS.outbox
    ] as OutboxCache;
    expect(cache.items.map((i) => i.kind).sort()).toEqual(['employee', 'manager']);
    expect(cache.items[0]!.message.en).toContain(cache.items[0]!.url);
    const surveys = r.reminders.filter((x) => x.kind === 'survey');
    expect(surveys).toHaveLength(2);
    expect(create).toHaveBeenCalledTimes(2);

    // Offline: the cached copy still gives the reminders; nothing is notified again.
    svc.setDown(true);
    const offline = await checkReminders(d, { refreshOutbox: true });
    expect(offline.reminders.filter((x) => x.kind === 'survey')).toHaveLength(2);
    expect(create).toHaveBeenCalledTimes(2);

    // Marked sent while offline: hidden at once, sent to the service when it is back.
    const employeeSurvey = cache.items.find((i) => i.kind === 'employee')!;
    expect(await markSurveySent(d, employeeSurvey.surveyId)).toEqual({ ok: true, queued: true });
    const hidden = await checkReminders(d);
    expect(hidden.reminders.filter((x) => x.kind === 'survey')).toHaveLength(1);

    svc.setDown(false);
    const back = await refreshOutbox(d, { force: true });
    expect(back!.pendingSent).toEqual([]);
    expect(back!.items.map((i) => i.kind)).toEqual(['manager']);
    const outbox = await svc.call('GET', '/api/v1/surveys/outbox', svc.manager);
    expect(outbox.body.items.map((i: any) => i.kind)).toEqual(['manager']);

    // Online: marked sent at once.
    const mgr = back!.items[0]!;
    expect(await markSurveySent(d, mgr.surveyId)).toEqual({ ok: true });
    expect((await svc.call('GET', '/api/v1/surveys/outbox', svc.manager)).body.items).toEqual([]);
    const after = await checkReminders(d);
    expect(after.reminders.filter((x) => x.kind === 'survey')).toEqual([]);
  });

  it('has no outbox in solo mode', async () => {
    await settings({});
    expect(await refreshOutbox(deps())).toBeNull();
    expect(await markSurveySent(deps(), 'x')).toEqual({ ok: false, error: 'not connected' });
  });
});
