import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AdapterMessageSchema, checkSender, recordJoined, recordLeft } from '../background/adapters';
import { type CallRecord, STORAGE_KEYS } from './messages';

const ID = 'tandem-test-id';
const tab = (id: number) => ({ id, index: 0, windowId: 1 }) as never;

describe('checkSender', () => {
  it('accepts invites only from calendar pages and calls only from meeting pages', () => {
    const cal = { id: ID, tab: tab(3), url: 'https://calendar.google.com/calendar/u/0/r/week' };
    const meet = { id: ID, tab: tab(4), url: 'https://meet.google.com/abc-defg-hij' };
    expect(checkSender('invite/prepare', cal, ID)).toBe(3);
    expect(checkSender('call/joined', cal, ID)).toBeNull();
    expect(checkSender('call/joined', meet, ID)).toBe(4);
    expect(checkSender('launcher/open', meet, ID)).toBe(4);
    expect(checkSender('invite/prepare', meet, ID)).toBeNull();
    expect(
      checkSender('invite/prepare', { id: ID, tab: tab(5), url: 'https://team.feishu.cn/calendar/week' }, ID),
    ).toBe(5);
    expect(
      checkSender('call/left', { id: ID, tab: tab(6), url: 'https://app.zoom.us/wc/123/join' }, ID),
    ).toBe(6);
  });

  it('refuses other extensions, extension pages, unknown hosts and look-alike hosts', () => {
    const url = 'https://meet.google.com/abc-defg-hij';
    expect(checkSender('call/joined', { id: 'other', tab: tab(1), url }, ID)).toBeNull();
    expect(checkSender('call/joined', { id: ID, url }, ID)).toBeNull();
    expect(
      checkSender('call/joined', { id: ID, tab: tab(1), url: 'https://meet.google.com.evil.io/x' }, ID),
    ).toBeNull();
    expect(
      checkSender('call/joined', { id: ID, tab: tab(1), url: 'http://meet.google.com/x' }, ID),
    ).toBeNull();
    expect(
      checkSender('invite/prepare', { id: ID, tab: tab(1), url: 'https://example.com/' }, ID),
    ).toBeNull();
    expect(checkSender('call/joined', { id: ID, tab: tab(1) }, ID)).toBeNull();
  });
});

describe('AdapterMessageSchema', () => {
  it('accepts the messages the content scripts send and refuses anything else', () => {
    const at = '2026-03-10T06:00:00Z';
    expect(
      AdapterMessageSchema.safeParse({
        type: 'call/joined',
        meetingUrl: 'https://meet.google.com/abc-defg-hij',
        at,
      }).success,
    ).toBe(true);
    expect(
      AdapterMessageSchema.safeParse({ type: 'invite/prepare', invite: { source: 'outlook', attendees: [] } })
        .success,
    ).toBe(true);
    for (const bad of [
      { type: 'call/joined', meetingUrl: 'javascript:alert(1)', at },
      { type: 'call/joined', meetingUrl: 'https://meet.google.com/x', at: 'yesterday' },
      { type: 'call/left', meetingUrl: 'https://meet.google.com/x', at, extra: 1 },
      { type: 'invite/prepare', invite: { source: 'mail', attendees: [] } },
      { type: 'invite/prepare', invite: { source: 'outlook', attendees: [{ email: 'nope' }] } },
      { type: 'launcher/open', meetingUrl: 'x'.repeat(3000), at },
    ]) {
      expect(AdapterMessageSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('call records', () => {
  beforeEach(() => fakeBrowser.reset());
  const calls = async () =>
    ((await fakeBrowser.storage.local.get(STORAGE_KEYS.calls))[STORAGE_KEYS.calls] ?? []) as CallRecord[];
  const URL_A = 'https://meet.google.com/abc-defg-hij';

  it('records a start once and its end, never before the start', async () => {
    await recordJoined(7, URL_A, '2026-03-10T06:00:00Z', 'https://meet.google.com/abc-defg-hij');
    await recordJoined(7, URL_A, '2026-03-10T06:00:05Z', 'https://meet.google.com/abc-defg-hij');
    expect(await calls()).toHaveLength(1);
    await recordLeft(7, URL_A, '2026-03-10T05:00:00Z');
    const [call] = await calls();
    expect(call).toMatchObject({
      tabId: 7,
      meetingUrl: URL_A,
      joinedAt: '2026-03-10T06:00:00Z',
      leftAt: '2026-03-10T06:00:00Z',
    });
  });

  it('a new call in the same tab ends the previous one; a rejoin is a new record', async () => {
    await recordJoined(7, URL_A, '2026-03-10T06:00:00Z', '');
    await recordJoined(7, 'https://zoom.us/j/123456789', '2026-03-10T07:00:00Z', '');
    let all = await calls();
    expect(all).toHaveLength(2);
    expect(all[0]!.leftAt).toBe('2026-03-10T07:00:00Z');
    await recordLeft(7, 'https://zoom.us/j/123456789', '2026-03-10T07:45:00Z');
    await recordJoined(7, URL_A, '2026-03-10T08:00:00Z', '');
    all = await calls();
    expect(all).toHaveLength(3);
    expect(all[2]!.leftAt).toBeUndefined();
  });

  it('keeps the last 100 calls', async () => {
    for (let i = 0; i < 105; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString().replace('.000Z', 'Z');
      await recordJoined(i, URL_A, at, '');
    }
    const all = await calls();
    expect(all).toHaveLength(100);
    expect(all[0]!.tabId).toBe(5);
  });
});
