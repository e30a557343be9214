import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IcsResult, parseIcs } from './ics';
import { type InviteInfo, InviteInfoSchema } from './types';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/invites/${name}`, import.meta.url), 'utf8');

function events(result: IcsResult): InviteInfo[] {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message.en}`);
  for (const e of result.events) expect(InviteInfoSchema.safeParse(e).error).toBeUndefined();
  return result.events;
}

function only(result: IcsResult): InviteInfo {
  const list = events(result);
  expect(list).toHaveLength(1);
  return list[0]!;
}

const NOW = new Date('2026-11-26T02:00:00Z');

describe('parseIcs: providers and link encodings', () => {
  it('Google: VTIMEZONE Asia/Shanghai, X-GOOGLE-CONFERENCE, Chinese text, rooms left out', () => {
    const e = only(parseIcs(fixture('google-meet-shanghai.ics'), { now: NOW }));
    expect(e).toMatchObject({
      source: 'ics',
      uid: '5k2l9v0q8m1n3b4c6x7z@google.com',
      title: '李四 2026 年度绩效面谈',
      start: '2026-12-01T06:00:00Z',
      end: '2026-12-01T07:00:00Z',
      timeZone: 'Asia/Shanghai',
      location: '北京-3F-小会议室 (4)',
      meetingUrl: 'https://meet.google.com/abc-defg-hij',
      organizer: { name: '张三', email: 'zhang.san@example.com' },
    });
    expect(e.attendees).toEqual([
      { name: '张三', email: 'zhang.san@example.com', organizer: true },
      { name: '李四', email: 'li.si@example.com' },
    ]);
    expect(e.description).toContain('请提前准备 2026 年度自评');
    expect(e.description).toContain('明年的目标）, 面谈前一天发给我');
    expect(e.allDay).toBeUndefined();
    expect(e.recurrence).toBeUndefined();
  });

  it('Outlook: Windows TZID, X-MICROSOFT-SKYPETEAMSMEETINGURL wins over the description and the conf:sip link', () => {
    const e = only(parseIcs(fixture('outlook-teams.ics'), { now: NOW }));
    expect(e.start).toBe('2026-12-01T06:00:00Z');
    expect(e.end).toBe('2026-12-01T07:00:00Z');
    expect(e.timeZone).toBe('Asia/Shanghai');
    expect(e.title).toBe('Year-end performance review – Li Si');
    expect(e.location).toBe('Microsoft Teams Meeting');
    expect(e.meetingUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_NjQ2ZTk4YjQt/,
    );
    expect(e.description).toContain('self-assessment');
    expect(e.attendees.map((a) => a.email)).toEqual(['zhang.san@example.com', 'li.si@example.com']);
  });

  it('Outlook: the link only in X-ALT-DESC HTML behind SafeLinks; the description comes from the HTML', () => {
    const e = only(parseIcs(fixture('outlook-altdesc-safelinks.ics'), { now: NOW }));
    expect(e.meetingUrl).toBe(
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZDk3YWQ0NjItOGU0Zi00ZjE2%40thread.v2/0?context=%7b%22Tid%22%3a%22abc%22%7d',
    );
    expect(e.description).toContain('我们用 50 分钟对齐 Q1 的目标');
    expect(e.description).not.toMatch(/<p>|&amp;|<style|margin:0/);
    expect(e.title).toBe('陈晨 Q1 目标设定');
    expect(e.start).toBe('2027-01-05T02:00:00Z');
    expect(e.end).toBe('2027-01-05T02:50:00Z');
    expect(e.attendees.map((a) => a.name)).toEqual(['王经理', '陈晨', 'HRBP 刘敏']);
  });

  it('Feishu: TZID without a VTIMEZONE is resolved through Intl; the link comes from DESCRIPTION', () => {
    const e = only(parseIcs(fixture('feishu-description-link.ics'), { now: NOW }));
    expect(e.start).toBe('2026-11-24T08:00:00Z');
    expect(e.end).toBe('2026-11-24T08:45:00Z');
    expect(e.timeZone).toBe('Asia/Shanghai');
    expect(e.meetingUrl).toBe('https://vc.feishu.cn/j/512345678');
    expect(e.location).toBeUndefined();
  });

  it('Zoom: RFC 7986 CONFERENCE (the video one) before URL and LOCATION; floating times use opts.timeZone', () => {
    const inShanghai = only(
      parseIcs(fixture('zoom-conference-floating.ics'), { now: NOW, timeZone: 'Asia/Shanghai' }),
    );
    expect(inShanghai.meetingUrl).toBe('https://us06web.zoom.us/j/85012345678?pwd=aBcDeFgHiJkLmNoPqRsT.1');
    expect(inShanghai.start).toBe('2026-12-02T01:30:00Z');
    expect(inShanghai.end).toBe('2026-12-02T02:20:00Z');
    expect(inShanghai.timeZone).toBe('Asia/Shanghai');
    const inUtc = only(parseIcs(fixture('zoom-conference-floating.ics'), { now: NOW }));
    expect(inUtc.start).toBe('2026-12-02T09:30:00Z');
    expect(inUtc.timeZone).toBeUndefined();
  });

  it('Tencent Meeting: the link in LOCATION, UTC times', () => {
    const e = only(parseIcs(fixture('tencent-location.ics'), { now: NOW }));
    expect(e.meetingUrl).toBe('https://meeting.tencent.com/dm/Xy7Kp2LmQ9aB');
    expect(e.start).toBe('2026-12-03T06:00:00Z');
    expect(e.timeZone).toBe('UTC');
  });

  it('link priority: X-GOOGLE-CONFERENCE beats a Zoom link in LOCATION and DESCRIPTION', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:p1',
      'DTSTART:20261201T060000Z',
      'DTEND:20261201T070000Z',
      'LOCATION:https://zoom.us/j/85012345678',
      'DESCRIPTION:Backup: https://vc.feishu.cn/j/512345678',
      'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(only(parseIcs(ics)).meetingUrl).toBe('https://meet.google.com/abc-defg-hij');
    const withoutGoogle = ics.replace(/X-GOOGLE-CONFERENCE[^\r]*\r\n/, '');
    expect(only(parseIcs(withoutGoogle)).meetingUrl).toBe('https://zoom.us/j/85012345678');
    const descriptionOnly = withoutGoogle.replace(/LOCATION[^\r]*\r\n/, 'LOCATION:Room 301\r\n');
    expect(only(parseIcs(descriptionOnly)).meetingUrl).toBe('https://vc.feishu.cn/j/512345678');
  });
});

describe('parseIcs: time zones, all-day, recurrence', () => {
  const ny = fixture('new-york-dst-weekly.ics');

  it('a weekly series across the end of US daylight time keeps 10:00 local', () => {
    const before = events(parseIcs(ny, { now: new Date('2026-10-29T12:00:00Z') }))[0]!;
    expect(before.start).toBe('2026-10-30T14:00:00Z'); // 10:00 EDT
    expect(before.end).toBe('2026-10-30T14:45:00Z');
    const after = events(parseIcs(ny, { now: new Date('2026-10-31T12:00:00Z') }))[0]!;
    expect(after.start).toBe('2026-11-06T15:00:00Z'); // 10:00 EST, the week the clocks changed
    expect(after.end).toBe('2026-11-06T15:45:00Z');
    expect(after.timeZone).toBe('America/New_York');
    expect(after.recurrence).toEqual({
      rule: 'FREQ=WEEKLY;COUNT=10;BYDAY=FR',
      instanceStart: '2026-11-06T15:00:00Z',
    });
    expect(after.meetingUrl).toBe('https://meet.google.com/xyz-wxyz-xyz');
  });

  it('one-off events either side of the start of US daylight time', () => {
    const list = events(parseIcs(ny, { now: NOW }));
    expect(list.map((e) => e.uid)).toEqual([
      '0a1b2c3d4e5f6g7h8i9j@google.com',
      'mid-cycle-dst-2027@google.com',
      'after-dst-2027@google.com',
    ]);
    expect(list[1]!.start).toBe('2027-03-12T21:00:00Z'); // 16:00 EST
    expect(list[2]!.start).toBe('2027-03-19T20:00:00Z'); // 16:00 EDT
  });

  it('a finished series gives its first instance', () => {
    const e = events(parseIcs(ny, { now: new Date('2027-06-01T00:00:00Z') }))[0]!;
    expect(e.start).toBe('2026-10-16T14:00:00Z');
  });

  describe('weekly 1:1 with an EXDATE, a moved instance and a cancelled one', () => {
    const ics = fixture('weekly-1on1-exdate-override.ics');
    const at = (now: string) => only(parseIcs(ics, { now: new Date(now) }));

    it('before an instance: that instance', () => {
      expect(at('2026-11-10T01:00:00Z')).toMatchObject({
        start: '2026-11-10T02:00:00Z',
        end: '2026-11-10T02:30:00Z',
      });
    });

    it('during an instance: still that instance (the call is in progress)', () => {
      expect(at('2026-11-10T02:15:00Z').start).toBe('2026-11-10T02:00:00Z');
    });

    it('skips the EXDATE and takes the moved instance with its own details', () => {
      const e = at('2026-11-10T03:00:00Z');
      expect(e.start).toBe('2026-11-25T07:00:00Z');
      expect(e.end).toBe('2026-11-25T08:00:00Z');
      expect(e.title).toBe('张三 / 李四 每周 1:1（改期）');
      expect(e.description).toContain('本周改到周三下午');
      expect(e.recurrence).toEqual({
        rule: 'FREQ=WEEKLY;COUNT=8;BYDAY=TU',
        instanceStart: '2026-11-25T07:00:00Z',
        recurrenceId: '2026-11-24T02:00:00Z',
      });
      expect(e.meetingUrl).toBe('https://meet.google.com/kpt-rvab-qwe');
    });

    it('skips a cancelled instance', () => {
      expect(at('2026-11-26T02:00:00Z').start).toBe('2026-12-08T02:00:00Z');
    });

    it('after the series: the first instance', () => {
      expect(at('2027-03-01T00:00:00Z').start).toBe('2026-11-03T02:00:00Z');
    });
  });

  it('all-day events are dates at 00:00Z with an exclusive end', () => {
    const e = only(parseIcs(fixture('all-day.ics'), { now: NOW }));
    expect(e).toMatchObject({ allDay: true, start: '2026-12-15T00:00:00Z', end: '2026-12-16T00:00:00Z' });
    expect(e.timeZone).toBeUndefined();
    expect(e.title).toBe('年终绩效考核日（全天）');
  });

  it('METHOD:CANCEL and STATUS:CANCELLED mark the invite cancelled', () => {
    const ics = fixture('tencent-location.ics').replace('VERSION:2.0', 'VERSION:2.0\r\nMETHOD:CANCEL');
    expect(only(parseIcs(ics)).cancelled).toBe(true);
    const status = fixture('all-day.ics').replace('TRANSP:TRANSPARENT', 'STATUS:CANCELLED');
    expect(only(parseIcs(status)).cancelled).toBe(true);
    expect(only(parseIcs(fixture('all-day.ics'))).cancelled).toBeUndefined();
  });

  it('reads LF line endings and a BOM too', () => {
    const lf = `\uFEFF${fixture('google-meet-shanghai.ics').replace(/\r\n/g, '\n')}`;
    expect(only(parseIcs(lf, { now: NOW })).start).toBe('2026-12-01T06:00:00Z');
  });
});

describe('parseIcs: junk gives a clear error, never an exception', () => {
  const google = fixture('google-meet-shanghai.ics');
  it.each([
    ['', 'empty'],
    ['   \r\n ', 'empty'],
    ['\u0000\u0001PK\u0003\u0004binary', 'binary'],
    ['hello world', 'not-icalendar'],
    ['{"title": "review"}', 'not-icalendar'],
    ['<html><body>calendar</body></html>', 'not-icalendar'],
    [google.slice(0, Math.floor(google.length / 2)), 'truncated'],
    [google.replace('END:VEVENT\r\n', ''), 'truncated'],
    ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', 'no-events'],
    ['BEGIN:VCALENDAR\r\nthis is not a property\r\nEND:VCALENDAR', 'malformed'],
    ['BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:no start\r\nEND:VEVENT\r\nEND:VCALENDAR', 'malformed'],
    ['BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026120\r\nEND:VEVENT\r\nEND:VCALENDAR', 'malformed'],
  ])('%j → %s', (input, code) => {
    const r = parseIcs(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message['zh-CN']).not.toBe('');
    expect(r.error.message.en).not.toBe('');
  });

  it('a file over the size limit is refused before parsing', () => {
    const r = parseIcs(`BEGIN:VCALENDAR\r\n${'X-A:b\r\n'.repeat(800_000)}END:VCALENDAR`);
    expect(r.ok || r.error.code).toBe('too-large');
  });

  it('property: never throws on arbitrary strings, and what it returns is valid', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (s) => {
          const r = parseIcs(s);
          if (r.ok) for (const e of r.events) expect(InviteInfoSchema.safeParse(e).success).toBe(true);
          else expect(r.error.message.en.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ignores a conference value whose host is not a host name, and falls back to the description', () => {
    // Found by the property below: WHATWG URL parsing accepts `https:&//…` with host `&`.
    for (const bad of ['https:&//', 'https:0//', 'https:L//']) {
      const broken = google.replace('X-GOOGLE-CONFERENCE:https://', `X-GOOGLE-CONFERENCE:${bad}`);
      const r = parseIcs(broken, { now: NOW });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.events[0]?.meetingUrl).toBe('https://meet.google.com/abc-defg-hij');
      expect(InviteInfoSchema.safeParse(r.events[0]).success).toBe(true);
    }
  });

  it('property: never throws on a real invite cut or spliced anywhere', () => {
    const sources = [
      google,
      fixture('weekly-1on1-exdate-override.ics'),
      fixture('outlook-altdesc-safelinks.ics'),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 20 }),
        (src, a, b, insert) => {
          const i = a % src.length;
          const j = i + (b % (src.length - i));
          const mutated = src.slice(0, i) + insert + src.slice(j);
          const r = parseIcs(mutated, { now: NOW });
          if (r.ok) for (const e of r.events) expect(InviteInfoSchema.safeParse(e).success).toBe(true);
          else expect(r.error.code).toMatch(/^[a-z-]+$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
