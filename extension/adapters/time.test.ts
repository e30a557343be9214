import { describe, expect, it } from 'vitest';
import { dateFromPath, parseWhen, toInviteTimes, wallToIso } from './time';

/** Local wall time → ISO, the way the parser converts it (so the tests pass in any TZ). */
const local = (y: number, m: number, d: number, h = 0, mi = 0) =>
  new Date(y, m - 1, d, h, mi).toISOString().replace('.000Z', 'Z');

const REF = new Date(2026, 2, 9, 12); // Monday 9 March 2026, noon

function range(text: string, opts: { ref?: Date; dayFirst?: boolean } = {}) {
  const p = parseWhen(text, { ref: REF, ...opts });
  return p ? toInviteTimes(p) : undefined;
}

describe('parseWhen: Google Calendar', () => {
  it.each([
    ['Tuesday, March 10⋅2:00 – 3:00pm', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['Tuesday, March 10⋅11:30am – 12:30pm', local(2026, 3, 10, 11, 30), local(2026, 3, 10, 12, 30)],
    ['Tuesday, March 10⋅11:30 – 12:30pm', local(2026, 3, 10, 11, 30), local(2026, 3, 10, 12, 30)],
    ['Tuesday, March 10⋅2 – 3pm', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['Tuesday, March 10⋅10:30 – 10:45am', local(2026, 3, 10, 10, 30), local(2026, 3, 10, 10, 45)],
    ['Tuesday, March 10⋅11pm – 12:30am', local(2026, 3, 10, 23), local(2026, 3, 11, 0, 30)],
    ['Tuesday, March 10⋅14:00 – 15:00', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['March 10, 2026, 11:00pm – March 11, 2026, 1:00am', local(2026, 3, 10, 23), local(2026, 3, 11, 1)],
    ['Tuesday 10 March⋅14:00–15:00', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['3月10日星期二⋅下午2:00至3:00', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['3月10日星期二⋅上午11:00至下午12:30', local(2026, 3, 10, 11), local(2026, 3, 10, 12, 30)],
    ['3月10日星期二⋅上午11:00至12:30', local(2026, 3, 10, 11), local(2026, 3, 10, 12, 30)],
    ['2026年3月10日星期二⋅下午2点 – 3点半', local(2026, 3, 10, 14), local(2026, 3, 10, 15, 30)],
    ['3月10日星期二⋅晚上11点至3月11日凌晨1点', local(2026, 3, 10, 23), local(2026, 3, 11, 1)],
    ['3月10日 (星期二)⋅中午12:00 - 下午1:00', local(2026, 3, 10, 12), local(2026, 3, 10, 13)],
  ])('%s', (text, start, end) => {
    expect(range(text)).toEqual({ start, end });
  });

  it('reads all-day events as dates with an exclusive end', () => {
    expect(range('Tuesday, March 10')).toEqual({
      start: '2026-03-10T00:00:00Z',
      end: '2026-03-11T00:00:00Z',
      allDay: true,
    });
    expect(range('March 9 – 11, 2026')).toEqual({
      start: '2026-03-09T00:00:00Z',
      end: '2026-03-12T00:00:00Z',
      allDay: true,
    });
    expect(range('3月9日至11日')).toEqual({
      start: '2026-03-09T00:00:00Z',
      end: '2026-03-12T00:00:00Z',
      allDay: true,
    });
    expect(range('Monday, March 30 – Thursday, April 2')).toEqual({
      start: '2026-03-30T00:00:00Z',
      end: '2026-04-03T00:00:00Z',
      allDay: true,
    });
  });

  it('ignores a recurrence line under the time', () => {
    expect(range('Tuesday, March 10⋅2:00 – 3:00pm\nWeekly on Tuesday')).toEqual({
      start: local(2026, 3, 10, 14),
      end: local(2026, 3, 10, 15),
    });
    expect(range('3月10日星期二⋅下午2:00至3:00\n每周二')).toEqual({
      start: local(2026, 3, 10, 14),
      end: local(2026, 3, 10, 15),
    });
  });
});

describe('parseWhen: Outlook', () => {
  it.each([
    ['Tue 3/10/2026 2:00 PM - 3:00 PM', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['Tue 3/10/2026 2:00\u202fPM - 3:00\u202fPM', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['Tuesday, March 10, 2026 2:00 PM–3:00 PM', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['Tue 3/10 2:00 PM - 3:00 PM', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['2026/3/10 周二 14:00-15:00', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['Today 2:00 PM - 3:00 PM', local(2026, 3, 9, 14), local(2026, 3, 9, 15)],
    ['明天 14:00 - 15:00', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
  ])('%s', (text, start, end) => {
    expect(range(text)).toEqual({ start, end });
  });

  it('reads day-first numeric dates when asked, and when the first number cannot be a month', () => {
    expect(range('10/3/2026 14:00 - 15:00', { dayFirst: true })?.start).toBe(local(2026, 3, 10, 14));
    expect(range('25/3/2026 14:00 - 15:00')?.start).toBe(local(2026, 3, 25, 14));
  });
});

describe('parseWhen: Feishu / Lark', () => {
  it.each([
    ['3月10日 (周二) 14:00 - 15:00', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['3月10日（周二）14:00 - 15:00', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['2026年3月10日 周二 14：00 – 15：00', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
    ['Tue, Mar 10 14:00 - 15:00', local(2026, 3, 10, 14), local(2026, 3, 10, 15)],
  ])('%s', (text, start, end) => {
    expect(range(text)).toEqual({ start, end });
  });

  it('uses an offset written in the text', () => {
    expect(range('2026年3月10日 周二 14:00 - 15:00 (GMT+8)')).toEqual({
      start: '2026-03-10T06:00:00Z',
      end: '2026-03-10T07:00:00Z',
    });
    expect(range('Mar 10, 2026 9:00 AM - 10:00 AM (UTC-05:00) Eastern Time')).toEqual({
      start: '2026-03-10T14:00:00Z',
      end: '2026-03-10T15:00:00Z',
    });
  });
});

describe('parseWhen: years and junk', () => {
  it('takes the year nearest the page date', () => {
    const dec = new Date(2026, 11, 28, 12);
    expect(range('Friday, January 2⋅10:00 – 11:00am', { ref: dec })?.start).toBe(local(2027, 1, 2, 10));
    expect(range('Dec 30 – Jan 2', { ref: dec })).toEqual({
      start: '2026-12-30T00:00:00Z',
      end: '2027-01-03T00:00:00Z',
      allDay: true,
    });
  });

  it.each([
    '',
    'Weekly on Tuesday',
    'Room 5',
    '2:00 – 3:00pm',
    'February 30⋅2:00 – 3:00pm',
    '13/13/2026 10:00',
    'x'.repeat(10_000),
  ])('gives up on junk (#%#)', (text) => {
    expect(parseWhen(text, { ref: REF })).toBeUndefined();
  });

  it('never throws on odd input', () => {
    for (const t of ['–––', '99:99', '下午', '月日', '0/0/0000', '3月', ':::', 'GMT+99']) {
      expect(() => parseWhen(t, { ref: REF })).not.toThrow();
    }
    expect(parseWhen(undefined as unknown as string)).toBeUndefined();
  });
});

describe('wallToIso and dateFromPath', () => {
  it('converts with an offset', () => {
    expect(wallToIso({ y: 2026, m: 3, d: 10, h: 8, mi: 0 }, 480)).toBe('2026-03-10T00:00:00Z');
    expect(wallToIso({ y: 2026, m: 3, d: 10, h: 8, mi: 0 })).toBe(local(2026, 3, 10, 8));
  });

  it('reads the page date from calendar URLs', () => {
    expect(dateFromPath('/calendar/u/0/r/week/2026/3/10')?.getDate()).toBe(10);
    expect(dateFromPath('/calendar/view/day/2026/12/1')?.getMonth()).toBe(11);
    expect(dateFromPath('/calendar/week?date=2026-03-10')?.getFullYear()).toBe(2026);
    expect(dateFromPath('/calendar/r')).toBeUndefined();
    expect(dateFromPath('/r/week/2026/2/30')).toBeUndefined();
  });
});
