import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIcs } from './ics';
import { parseInviteText, type TextResult } from './text';
import { type InviteInfo, InviteInfoSchema } from './types';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/invites/${name}`, import.meta.url), 'utf8');

const NOW = new Date('2026-11-26T02:00:00Z'); // Thursday 26 Nov 2026, 10:00 in Beijing

function ok(r: TextResult): InviteInfo & { zoneFrom?: string } {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`);
  expect(InviteInfoSchema.safeParse(r.invite).error).toBeUndefined();
  return { ...r.invite, ...(r.timeZoneFrom ? { zoneFrom: r.timeZoneFrom } : {}) };
}

const parse = (text: string, timeZone?: string) =>
  ok(parseInviteText(text, { now: NOW, ...(timeZone ? { timeZone } : {}) }));

describe('parseInviteText: what each product puts on the clipboard', () => {
  it.each([
    {
      file: 'tencent-meeting.zh.txt',
      title: '李四 2026 年度绩效面谈',
      start: '2026-12-01T06:00:00Z',
      end: '2026-12-01T07:00:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'text',
      meetingUrl: 'https://meeting.tencent.com/dm/Rk3vT9qLmW2x',
      organizer: '张三',
    },
    {
      file: 'voov-meeting.en.txt',
      title: 'Li Si – year-end performance review',
      start: '2026-12-01T06:00:00Z',
      end: '2026-12-01T07:00:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'text',
      meetingUrl: 'https://voovmeeting.com/dm/Rk3vT9qLmW2x',
      organizer: 'Zhang San',
    },
    {
      file: 'feishu-meeting.zh.txt',
      title: '周敏 Q1 目标设定',
      start: '2027-01-05T02:00:00Z',
      end: '2027-01-05T02:50:00Z',
      timeZone: '+08:00',
      zoneFrom: 'offset',
      meetingUrl: 'https://vc.feishu.cn/j/512345678',
      organizer: '赵磊',
    },
    {
      file: 'feishu-calendar.zh.txt',
      title: '周敏 绩效辅导',
      start: '2026-11-24T08:00:00Z',
      end: '2026-11-24T08:45:00Z',
      timeZone: '+08:00',
      zoneFrom: 'offset',
      meetingUrl: 'https://vc.feishu.cn/j/598761234',
      organizer: '赵磊',
    },
    {
      file: 'lark-meeting.en.txt',
      title: 'Zhou Min – Q1 goal setting',
      start: '2027-01-05T02:00:00Z',
      end: '2027-01-05T02:50:00Z',
      timeZone: '+08:00',
      zoneFrom: 'offset',
      meetingUrl: 'https://vc.larksuite.com/j/512345678',
      organizer: 'Zhao Lei',
    },
    {
      file: 'dingtalk-meeting.zh.txt',
      title: '孙悦年度述职与绩效反馈',
      start: '2026-12-03T06:00:00Z',
      end: '2026-12-03T07:00:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'default',
      meetingUrl: 'https://meeting.dingtalk.com/j/8ZkQ2mXyP4r',
      organizer: '钱峰',
    },
    {
      file: 'dingtalk-meeting.en.txt',
      title: 'Sun Yue – annual review and feedback',
      start: '2026-12-03T06:00:00Z',
      end: '2026-12-03T07:00:00Z',
      timeZone: '+08:00',
      zoneFrom: 'offset',
      meetingUrl: 'https://meeting.dingtalk.com/j/8ZkQ2mXyP4r',
      organizer: 'Qian Feng',
    },
    {
      file: 'wecom-meeting.zh.txt',
      title: '郑爽 季度辅导 1on1',
      start: '2026-12-02T11:30:00Z',
      end: '2026-12-02T12:15:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'text',
      meetingUrl: 'https://meeting.work.weixin.qq.com/l/Qw3ErT5yUi',
      organizer: '吴刚',
    },
    {
      file: 'wecom-schedule.zh.txt',
      title: '郑爽 年终绩效面谈',
      start: '2026-12-08T06:00:00Z',
      end: '2026-12-08T07:00:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'default',
      meetingUrl: undefined,
      organizer: '吴刚',
    },
    {
      file: 'outlook.en.txt',
      title: 'Year-end performance review – Li Si',
      start: '2026-12-01T06:00:00Z',
      end: '2026-12-01T07:00:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'text',
      meetingUrl:
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZTk4YjQtYjQ1Ni00ZGM5%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d',
      organizer: 'Zhang San',
    },
    {
      file: 'outlook.zh.txt',
      title: '李四 年终绩效面谈',
      start: '2026-12-01T06:00:00Z',
      end: '2026-12-01T07:00:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'text',
      meetingUrl:
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZTk4YjQtYjQ1Ni00ZGM5%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d',
      organizer: '张三',
    },
    {
      // Outlook labels the zone by its standard offset; in July New York is on daylight time.
      file: 'outlook-eastern-summer.en.txt',
      title: 'Mid-year check-in – Sam Carter',
      start: '2026-07-10T14:00:00Z',
      end: '2026-07-10T14:45:00Z',
      timeZone: 'America/New_York',
      zoneFrom: 'text',
      meetingUrl: 'https://teams.microsoft.com/meet/24566778899?p=Jf8Ka2Lm',
      organizer: 'Dana Miller',
    },
    {
      file: 'google-calendar.en.txt',
      title: 'Performance review: Li Si',
      start: '2026-12-01T06:00:00Z',
      end: '2026-12-01T07:00:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'text',
      meetingUrl: 'https://meet.google.com/abc-defg-hij',
      organizer: 'Zhang San',
    },
    {
      file: 'google-calendar.zh.txt',
      title: '李四 年度绩效面谈',
      start: '2026-12-01T06:00:00Z',
      end: '2026-12-01T07:00:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'text',
      meetingUrl: 'https://meet.google.com/abc-defg-hij',
      organizer: undefined,
    },
    {
      file: 'google-invitation-email.en.txt',
      title: 'Li Si | 2027 goals and development plan',
      start: '2027-01-05T02:00:00Z',
      end: '2027-01-05T02:50:00Z',
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'text',
      meetingUrl: 'https://meet.google.com/pqr-stuv-wxy',
      organizer: 'Zhang San',
    },
    {
      file: 'zoom.en.txt',
      title: '1:1 coaching – Priya Nair',
      start: '2026-12-02T01:30:00Z',
      end: undefined,
      timeZone: 'Asia/Shanghai',
      zoneFrom: 'text',
      meetingUrl: 'https://us06web.zoom.us/j/85012345678?pwd=aBcDeFgHiJkLmNoPqRsT.1',
      organizer: 'Alex Wong',
    },
  ])('$file', ({ file, organizer, ...expected }) => {
    const invite = parse(fixture(file));
    expect(invite.source).toBe('text');
    expect({
      title: invite.title,
      start: invite.start,
      end: invite.end,
      timeZone: invite.timeZone,
      zoneFrom: invite.zoneFrom,
      meetingUrl: invite.meetingUrl,
    }).toEqual(expected);
    expect(invite.organizer?.name).toBe(organizer);
    expect(invite.description).toBeTruthy();
  });

  it('reads attendees: name–address pairs, attendee lines, Google’s guest list and organizer tags', () => {
    expect(parse(fixture('outlook.en.txt')).attendees).toEqual([
      { name: 'Zhang San', email: 'zhang.san@example.com', organizer: true },
      { name: 'Li Si', email: 'li.si@example.com' },
    ]);
    expect(parse(fixture('feishu-calendar.zh.txt')).attendees).toEqual([
      { name: '赵磊', organizer: true },
      { name: '周敏' },
    ]);
    expect(parse(fixture('google-calendar.en.txt')).attendees).toEqual([
      { name: 'Zhang San', email: 'zhang.san@example.com', organizer: true },
      { name: 'Li Si', email: 'li.si@example.com' },
    ]);
    const email = parse(fixture('google-invitation-email.en.txt'));
    expect(email.organizer).toEqual({ name: 'Zhang San', email: 'zhang.san@example.com' });
    expect(email.attendees.map((a) => a.email ?? a.name)).toEqual([
      'zhang.san@example.com',
      'Li Si',
      'li.si@example.com',
    ]);
    expect(parse(fixture('outlook-eastern-summer.en.txt')).attendees.map((a) => a.email)).toEqual([
      'dana.miller@example.com',
      'sam.carter@example.com',
    ]);
  });

  it('a repeating Tencent meeting gives the next instance in its date range', () => {
    const invite = parse(fixture('tencent-meeting-weekly.zh.txt'));
    // Every two weeks from Tue 3 Nov: 3 Nov and 17 Nov are past at NOW, 1 Dec is next.
    expect(invite.start).toBe('2026-12-01T02:00:00Z');
    expect(invite.end).toBe('2026-12-01T02:45:00Z');
    expect(invite.recurrence).toEqual({
      rule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=20261229',
      instanceStart: '2026-12-01T02:00:00Z',
    });
    const late = ok(
      parseInviteText(fixture('tencent-meeting-weekly.zh.txt'), { now: new Date('2027-02-01T00:00:00Z') }),
    );
    expect(late.start).toBe('2026-11-03T02:00:00Z');
  });
});

describe('parseInviteText: dates, times and zones', () => {
  it.each([
    // [text, expected start, expected end]
    ['会议时间：12月1日 周二 14:00–15:00', '2026-12-01T06:00:00Z', '2026-12-01T07:00:00Z'],
    ['会议时间：2026-12-01 14:00-15:00', '2026-12-01T06:00:00Z', '2026-12-01T07:00:00Z'],
    ['会议时间：2026.12.01 14:00 ~ 15:00', '2026-12-01T06:00:00Z', '2026-12-01T07:00:00Z'],
    ['时间：２０２６年１２月１日 １４：００－１５：００', '2026-12-01T06:00:00Z', '2026-12-01T07:00:00Z'],
    ['时间：2026年12月1日 下午2点半至3点半', '2026-12-01T06:30:00Z', '2026-12-01T07:30:00Z'],
    ['时间：2026年12月1日 14点-15点30分', '2026-12-01T06:00:00Z', '2026-12-01T07:30:00Z'],
    ['时间：2026年12月2日 02:00 下午 北京，上海', '2026-12-02T06:00:00Z', undefined],
    ['时间：2026年12月2日 中午12:30-1:15', '2026-12-02T04:30:00Z', '2026-12-02T05:15:00Z'],
    [
      'When: Tuesday, December 1, 2026 2:00 PM-3:00 PM (UTC+08:00) Beijing',
      '2026-12-01T06:00:00Z',
      '2026-12-01T07:00:00Z',
    ],
    ['Time: Dec 1, 2026 2 – 3pm (GMT+08:00)', '2026-12-01T06:00:00Z', '2026-12-01T07:00:00Z'],
    ['Time: 1 December 2026 11:30 – 12:30pm (GMT+8)', '2026-12-01T03:30:00Z', '2026-12-01T04:30:00Z'],
    ['Time: 12/1/2026 10am to 10:45am (UTC+8)', '2026-12-01T02:00:00Z', '2026-12-01T02:45:00Z'],
    ['Time: 2026-12-01 23:30-00:15 (GMT+08:00)', '2026-12-01T15:30:00Z', '2026-12-01T16:15:00Z'],
    ['Time: 2026/12/01 23:00 - 2026/12/02 00:30 (GMT+08:00)', '2026-12-01T15:00:00Z', '2026-12-01T16:30:00Z'],
    ['Time: 2026-12-01 14:00-15:00 UTC-5', '2026-12-01T19:00:00Z', '2026-12-01T20:00:00Z'],
    ['Time: 2026-12-01 14:00-15:00 (UTC)', '2026-12-01T14:00:00Z', '2026-12-01T15:00:00Z'],
    [
      'Meeting time: Dec 1 2pm - 3pm\nTime zone: America/New_York',
      '2026-12-01T19:00:00Z',
      '2026-12-01T20:00:00Z',
    ],
    ['会议时间：明天 15:00-16:00', '2026-11-27T07:00:00Z', '2026-11-27T08:00:00Z'],
    ['Time: tomorrow 3pm-4pm (GMT+8)', '2026-11-27T07:00:00Z', '2026-11-27T08:00:00Z'],
  ])('%j', (text, start, end) => {
    const invite = parse(text);
    expect(invite.start).toBe(start);
    expect(invite.end).toBe(end);
  });

  it('a date without a year is the one nearest ahead (back to 60 days ago)', () => {
    expect(parse('会议时间：1月5日 10:00-10:30').start).toBe('2027-01-05T02:00:00Z');
    expect(parse('会议时间：11月20日 10:00-10:30').start).toBe('2026-11-20T02:00:00Z');
    expect(parse('Time: Sep 1 10:00-10:30 (GMT+8)').start).toBe('2027-09-01T02:00:00Z');
  });

  it('without a zone in the text: opts.timeZone, else Asia/Shanghai for Chinese text, else UTC', () => {
    const zh = parseInviteText('会议主题：辅导\n会议时间：2026/12/01 14:00-15:00', { now: NOW });
    expect(zh.ok && [zh.invite.start, zh.invite.timeZone, zh.timeZoneFrom]).toEqual([
      '2026-12-01T06:00:00Z',
      'Asia/Shanghai',
      'default',
    ]);
    const option = parseInviteText('会议主题：辅导\n会议时间：2026/12/01 14:00-15:00', {
      now: NOW,
      timeZone: 'America/New_York',
    });
    expect(option.ok && [option.invite.start, option.invite.timeZone, option.timeZoneFrom]).toEqual([
      '2026-12-01T19:00:00Z',
      'America/New_York',
      'option',
    ]);
    const en = parseInviteText('Subject: Coaching\nWhen: 2026-12-01 2:00 PM - 3:00 PM', { now: NOW });
    expect(en.ok && [en.invite.start, en.invite.timeZone, en.timeZoneFrom]).toEqual([
      '2026-12-01T14:00:00Z',
      'UTC',
      'default',
    ]);
    const bogus = parseInviteText('Subject: Coaching\nWhen: 2026-12-01 2:00 PM - 3:00 PM', {
      now: NOW,
      timeZone: 'Nowhere/Land',
    });
    expect(bogus.ok && bogus.timeZoneFrom).toBe('default');
  });

  it('a zone named in the text wins over its printed offset (DST)', () => {
    const winter = parse(
      'When: Friday, December 4, 2026 10:00 AM-10:45 AM (UTC-05:00) Eastern Time (US & Canada).',
    );
    expect(winter.start).toBe('2026-12-04T15:00:00Z');
    const summer = parse(
      'When: Friday, July 10, 2026 10:00 AM-10:45 AM (UTC-05:00) Eastern Time (US & Canada).',
    );
    expect(summer.start).toBe('2026-07-10T14:00:00Z');
  });

  it('a date without a time is an all-day event', () => {
    const invite = parse('日程：年终考核日\n日期：2026年12月15日（全天）');
    expect(invite).toMatchObject({
      allDay: true,
      start: '2026-12-15T00:00:00Z',
      end: '2026-12-16T00:00:00Z',
    });
    expect(invite.timeZone).toBeUndefined();
  });

  it('labels with the value on the next line, and start/end on separate lines', () => {
    expect(parse('会议主题：\n李四 绩效面谈\n会议时间：\n2026/12/01 14:00-15:00').title).toBe(
      '李四 绩效面谈',
    );
    const split = parse('Subject: Review\nStart: 2026-12-01 14:00 (GMT+8)\nEnd: 2026-12-01 15:00 (GMT+8)');
    expect([split.start, split.end]).toEqual(['2026-12-01T06:00:00Z', '2026-12-01T07:00:00Z']);
  });

  it('a meeting link with no time is still an invite; the agenda will ask for the time', () => {
    const invite = parse('Join: https://meet.google.com/abc-defg-hij');
    expect(invite.meetingUrl).toBe('https://meet.google.com/abc-defg-hij');
    expect(invite.start).toBeUndefined();
  });
});

describe('parseInviteText: junk gives a clear error, never an exception', () => {
  it.each([
    ['empty', '', 'empty'],
    ['blank', '   \n\t ', 'empty'],
    ['binary', '\u0000\u0001\u0002\u0003\u0004\u0005binary', 'binary'],
    ['a word', 'hello', 'not-an-invite'],
    ['chat', '今天天气不错，我们晚点再聊吧', 'not-an-invite'],
    ['30 Feb', '会议时间：2026/02/30 14:00-15:00', 'bad-date'],
    ['100 001 characters', 'x'.repeat(100_001), 'too-long'],
  ])('%s → %s', (_label, text, code) => {
    const r = parseInviteText(text, { now: NOW });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message['zh-CN']).not.toBe('');
    expect(r.error.message.en).not.toBe('');
  });

  it('survives bad options', () => {
    const r = parseInviteText('会议时间：2026/12/01 14:00-15:00', {
      now: new Date(Number.NaN),
      timeZone: '',
    });
    expect(r.ok).toBe(true);
    expect(parseInviteText(undefined as unknown as string, { now: NOW }).ok).toBe(false);
  });

  it('property: never throws on arbitrary strings, and what it returns is valid', () => {
    const pieces = fc.constantFrom(
      '会议时间：',
      '2026/12/01 ',
      '12月1日 ',
      '14:00-15:00',
      ' (GMT+08:00) ',
      'When: ',
      'Dec 1, 2026 ',
      '2pm – 3pm',
      'https://meet.google.com/abc-defg-hij',
      'Li Si <li.si@example.com>',
      '\n',
      '邀请您参加腾讯会议',
      '下午',
      '每周',
      '全天',
      ':',
    );
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 4_102_444_800_000 }), (s, now) => {
        const r = parseInviteText(s, { now: new Date(now) });
        if (r.ok) expect(InviteInfoSchema.safeParse(r.invite).error).toBeUndefined();
        else expect(r.error.message.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseInviteText and parseIcs on pathological input', () => {
  // These once took minutes (regex backtracking); they must finish like any other input.
  const wrap = (line: string) =>
    `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261201T000000Z\r\n${line}\r\nEND:VEVENT\r\nEND:VCALENDAR`;
  it.each([
    ['a long run of spaces', `会议时间：${' '.repeat(90_000)}x`],
    ['one long word', 'x'.repeat(90_000)],
    ['one long number', '1'.repeat(90_000)],
    ['dots', 'a.'.repeat(45_000)],
    ['a label then spaces', `Invitation: ${' '.repeat(90_000)}`],
    ['dashes', `参与者：${'-'.repeat(90_000)}`],
  ])('text: %s', (_label, input) => {
    const r = parseInviteText(input, { now: NOW });
    expect(typeof r.ok).toBe('boolean');
  });
  it.each([
    ['unclosed anchors', wrap(`X-ALT-DESC;FMTTYPE=text/html:${'<a href=x'.repeat(50_000)}`)],
    ['unclosed tags', wrap(`DESCRIPTION:${'<p'.repeat(200_000)}`)],
    ['unclosed style blocks', wrap(`X-ALT-DESC;FMTTYPE=text/html:${'<style'.repeat(100_000)}`)],
    ['a secondly rule from 1970', wrap('RRULE:FREQ=SECONDLY').replace('20261201', '19700101')],
  ])('ics: %s', (_label, input) => {
    const r = parseIcs(input, { now: NOW });
    expect(r.ok).toBe(true);
  });
});
