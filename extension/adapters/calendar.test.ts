import { describe, expect, it } from 'vitest';
import { InviteInfoSchema } from '../../shared/invite/types';
import { toInvite } from './calendar';

const REF = new Date(2026, 2, 9, 12);
const local = (y: number, m: number, d: number, h = 0, mi = 0) =>
  new Date(y, m - 1, d, h, mi).toISOString().replace('.000Z', 'Z');

describe('toInvite', () => {
  it('turns what a calendar page shows into a valid InviteInfo', () => {
    const invite = toInvite(
      'outlook',
      {
        uid: ' AAMk123 ',
        title: '  Performance   review – Chen Jing ',
        when: 'Tue 3/10/2026 2:00 PM - 3:00 PM',
        attendees: [
          { name: 'Zhao Min', email: 'Zhao.Min@Contoso.com', organizer: true },
          { name: 'Chen Jing', email: 'chen.jing@contoso.com' },
          { name: 'Chen Jing (again)', email: 'CHEN.JING@contoso.com' },
          { name: 'Room 4', email: 'not an email' },
          { name: '', email: '' },
        ],
        description: 'Line one\n\n\n\nLine two',
        location: 'Microsoft Teams Meeting',
        links: [
          'https://aka.ms/JoinTeamsMeeting',
          'https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fteams.microsoft.com%2Fl%2Fmeetup-join%2F19%253ameeting_X%2540thread.v2%2F0&data=1',
          'javascript:alert(1)',
          null,
        ],
      },
      REF,
    );
    expect(invite).toEqual({
      source: 'outlook',
      uid: 'AAMk123',
      title: 'Performance review – Chen Jing',
      start: local(2026, 3, 10, 14),
      end: local(2026, 3, 10, 15),
      attendees: [
        { name: 'Zhao Min', email: 'zhao.min@contoso.com', organizer: true },
        { name: 'Chen Jing', email: 'chen.jing@contoso.com' },
        { name: 'Room 4' },
      ],
      organizer: { name: 'Zhao Min', email: 'zhao.min@contoso.com' },
      description: 'Line one\n\nLine two',
      location: 'Microsoft Teams Meeting',
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0',
    });
    expect(InviteInfoSchema.safeParse(invite).success).toBe(true);
  });

  it('finds the join link in the description when no link element has one', () => {
    const invite = toInvite('google-calendar', {
      title: '绩效辅导',
      description: '腾讯会议：https://meeting.tencent.com/dm/x4Lk9qTzWm2P\n会议号：123',
      links: ['https://docs.example.com/notes'],
    });
    expect(invite.meetingUrl).toBe('https://meeting.tencent.com/dm/x4Lk9qTzWm2P');
  });

  it('prefers the conference block over other links', () => {
    const invite = toInvite('google-calendar', {
      links: ['https://meet.google.com/abc-defg-hij', 'https://zoom.us/j/123456789'],
      description: 'Backup: https://zoom.us/j/987654321',
    });
    expect(invite.meetingUrl).toBe('https://meet.google.com/abc-defg-hij');
  });

  it('leaves out what cannot be read, and stays valid', () => {
    const invite = toInvite('feishu', {
      title: '',
      when: 'sometime soon',
      attendees: [],
      links: ['ftp://x'],
    });
    expect(invite).toEqual({ source: 'feishu', attendees: [] });
    expect(InviteInfoSchema.safeParse(invite).success).toBe(true);
  });

  it('cuts over-long text to the schema limits', () => {
    const invite = toInvite('google-calendar', {
      title: 'T'.repeat(5_000),
      description: 'D'.repeat(60_000),
      attendees: Array.from({ length: 1_200 }, (_, i) => ({ name: `P${i}`, email: `p${i}@example.com` })),
    });
    expect(invite.title).toHaveLength(1_000);
    expect(invite.description).toHaveLength(50_000);
    expect(invite.attendees).toHaveLength(1_000);
    expect(InviteInfoSchema.safeParse(invite).success).toBe(true);
  });
});
