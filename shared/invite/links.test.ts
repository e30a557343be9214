import { describe, expect, it } from 'vitest';
import {
  findMeetingUrl,
  findUrls,
  meetingId,
  meetingProvider,
  normalizeMeetingUrl,
  unwrapRedirect,
} from './links';

describe('meetingProvider', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'google-meet'],
    ['https://meet.google.com/abc-defg-hij?authuser=1&hs=122', 'google-meet'],
    ['https://us06web.zoom.us/j/85012345678?pwd=abc.1', 'zoom'],
    ['https://zoom.us/my/alex.wong', 'zoom'],
    ['https://app.zoom.us/wc/85012345678/join?fromPWA=1', 'zoom'],
    ['https://zoom.com.cn/j/85012345678', 'zoom'],
    ['https://company.zoom.us/s/85012345678', 'zoom'],
    [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d',
      'teams',
    ],
    ['https://teams.live.com/meet/9876543210?p=AbCd', 'teams'],
    ['https://teams.microsoft.com/meet/24566778899?p=Jf8Ka2Lm', 'teams'],
    ['https://meeting.tencent.com/dm/Rk3vT9qLmW2x', 'tencent-meeting'],
    ['https://meeting.tencent.com/p/1234567890', 'tencent-meeting'],
    ['https://voovmeeting.com/dm/Rk3vT9qLmW2x', 'voov'],
    ['https://vc.feishu.cn/j/512345678', 'feishu'],
    ['https://vc.larksuite.com/j/512345678', 'lark'],
    ['https://meeting.dingtalk.com/j/8ZkQ2mXyP4r', 'dingtalk'],
    ['https://meeting.work.weixin.qq.com/l/Qw3ErT5yUi', 'wecom'],
    ['https://example.webex.com/meet/alex.wong', 'webex'],
    // A SafeLinks wrapper is looked through.
    [
      'https://apac01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fvc.feishu.cn%2Fj%2F512345678&data=05&reserved=0',
      'feishu',
    ],
  ])('%s → %s', (url, provider) => {
    expect(meetingProvider(url)).toBe(provider);
  });

  it.each([
    'https://meet.google.com/',
    'https://meet.google.com/landing',
    'https://zoom.us/pricing',
    'https://teams.microsoft.com/meetingOptions/?organizerId=a',
    'https://meeting.tencent.com/',
    'https://www.feishu.cn/hc/zh-CN',
    'https://docs.google.com/document/d/1abc/edit',
    'https://example.com/j/123',
    'not a url',
    'ftp://meet.google.com/abc-defg-hij',
    '',
  ])('%s is not a join link', (url) => {
    expect(meetingProvider(url)).toBeNull();
  });
});

describe('unwrapRedirect', () => {
  it('unwraps Outlook SafeLinks and Google redirects, nested', () => {
    const teams = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0';
    const safe = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(teams)}&data=05%7C02&reserved=0`;
    expect(unwrapRedirect(safe)).toBe(teams);
    const google = `https://www.google.com/url?q=${encodeURIComponent(safe)}&sa=D&source=calendar`;
    expect(unwrapRedirect(google)).toBe(teams);
    expect(unwrapRedirect('https://example.com/?url=https://x.example')).toBe(
      'https://example.com/?url=https://x.example',
    );
  });
});

describe('findMeetingUrl', () => {
  it('prefers a join link over other links, whatever their order', () => {
    const text =
      'Agenda: https://docs.google.com/document/d/1abc/edit\nJoin: https://meet.google.com/abc-defg-hij';
    expect(findMeetingUrl(text)).toBe('https://meet.google.com/abc-defg-hij');
  });

  it('stops at Chinese punctuation and characters, and trims trailing punctuation', () => {
    expect(findMeetingUrl('点击链接入会：https://meeting.tencent.com/dm/AbC123，会议密码：1234')).toBe(
      'https://meeting.tencent.com/dm/AbC123',
    );
    expect(findMeetingUrl('入会链接https://vc.feishu.cn/j/512345678会议ID：512')).toBe(
      'https://vc.feishu.cn/j/512345678',
    );
    expect(findMeetingUrl('Join here: https://zoom.us/j/85012345678.')).toBe('https://zoom.us/j/85012345678');
    expect(findMeetingUrl('(https://zoom.us/j/85012345678)')).toBe('https://zoom.us/j/85012345678');
    expect(findMeetingUrl('Click here to join<https://teams.live.com/meet/9876543210?p=AbCd>')).toBe(
      'https://teams.live.com/meet/9876543210?p=AbCd',
    );
  });

  it('finds a known host written without a scheme', () => {
    expect(findMeetingUrl('Join with Google Meet\nmeet.google.com/pqr-stuv-wxy\n')).toBe(
      'https://meet.google.com/pqr-stuv-wxy',
    );
  });

  it('unwraps SafeLinks', () => {
    const text =
      'Click here to join the meeting<https://apac01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fteams.microsoft.com%2Fl%2Fmeetup-join%2F19%253ameeting_X%2540thread.v2%2F0&data=05&reserved=0>';
    expect(findMeetingUrl(text)).toBe(
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0',
    );
  });

  it('falls back to a link that looks like a join link, and to any link only when asked', () => {
    expect(findMeetingUrl('https://example.com/a then https://video.example.org/join/abcd-1234')).toBe(
      'https://video.example.org/join/abcd-1234',
    );
    expect(findMeetingUrl('see https://example.com/wiki/page')).toBeUndefined();
    expect(findMeetingUrl('see https://example.com/wiki/page', { anyUrl: true })).toBe(
      'https://example.com/wiki/page',
    );
    expect(findMeetingUrl('no links here')).toBeUndefined();
    expect(findMeetingUrl('')).toBeUndefined();
  });

  it('lists every link in order', () => {
    expect(findUrls('a https://x.example/1 b https://y.example/2, c')).toEqual([
      'https://x.example/1',
      'https://y.example/2',
    ]);
  });
});

describe('normalizeMeetingUrl', () => {
  it('gives one key for every way of writing the same Zoom meeting', () => {
    const key = 'https://zoom.us/j/85012345678';
    for (const url of [
      'https://us06web.zoom.us/j/85012345678?pwd=aBcDeFgHiJkLmNoPqRsT.1',
      'https://US06WEB.ZOOM.US/j/85012345678/',
      'http://zoom.us/j/85012345678?utm_source=mail',
      'https://app.zoom.us/wc/85012345678/join?fromPWA=1&pwd=x',
      'https://zoom.us/wc/join/85012345678',
      'https://company.zoom.us/s/85012345678#success',
    ]) {
      expect(normalizeMeetingUrl(url)).toBe(key);
    }
    expect(normalizeMeetingUrl('https://zoom.us/my/Alex.Wong?pwd=1')).toBe('https://zoom.us/my/alex.wong');
  });

  it('keeps the Meet code and drops Meet’s tracking parameters', () => {
    expect(normalizeMeetingUrl('https://MEET.google.com/ABC-defg-hij?authuser=1&hs=122&pli=1')).toBe(
      'https://meet.google.com/abc-defg-hij',
    );
    expect(meetingId('https://meet.google.com/abc-defg-hij?hs=1')).toBe('abc-defg-hij');
  });

  it('matches a Teams link however it is encoded or wrapped', () => {
    const a =
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZTk4%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d';
    const b = 'https://teams.microsoft.com/l/meetup-join/19:meeting_NjQ2ZTk4@thread.v2/0';
    const c = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(a)}&data=1`;
    expect(normalizeMeetingUrl(a)).toBe(
      'https://teams.microsoft.com/l/meetup-join/19:meeting_NjQ2ZTk4@thread.v2/0',
    );
    expect(normalizeMeetingUrl(b)).toBe(normalizeMeetingUrl(a));
    expect(normalizeMeetingUrl(c)).toBe(normalizeMeetingUrl(a));
    expect(normalizeMeetingUrl('https://teams.live.com/meet/9876543210?p=AbCd')).toBe(
      'https://teams.live.com/meet/9876543210',
    );
  });

  it('keeps the case of codes that are case-sensitive', () => {
    expect(normalizeMeetingUrl('https://Meeting.Tencent.com/dm/Rk3vT9qLmW2x?from=3')).toBe(
      'https://meeting.tencent.com/dm/Rk3vT9qLmW2x',
    );
    expect(normalizeMeetingUrl('https://vc.feishu.cn/j/512345678/?from=calendar')).toBe(
      'https://vc.feishu.cn/j/512345678',
    );
  });

  it('for other links: lowercases the host, drops tracking parameters, the fragment and a trailing slash, sorts the rest', () => {
    expect(normalizeMeetingUrl('https://Video.Example.org/Join/AbC/?utm_source=x&b=2&a=1&fbclid=z#top')).toBe(
      'https://video.example.org/Join/AbC?a=1&b=2',
    );
    expect(normalizeMeetingUrl('  not a url ')).toBe('not a url');
  });
});
