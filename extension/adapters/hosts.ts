/**
 * Where each content script runs. The Chrome manifest's host permissions come from these (WXT
 * derives them from `matches`); the background checks a message's sender against the same lists.
 */
export const MATCHES = {
  googleCalendar: ['https://calendar.google.com/*'],
  // The whole host: Outlook switches between mail and calendar without loading a page.
  outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  feishuCalendar: [
    'https://*.feishu.cn/calendar*',
    'https://*.feishu.cn/next/calendar*',
    'https://*.larksuite.com/calendar*',
    'https://*.larksuite.com/next/calendar*',
  ],
  googleMeet: ['https://meet.google.com/*'],
  zoom: ['https://*.zoom.us/wc/*'],
  teams: ['https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
  tencentMeeting: ['https://meeting.tencent.com/*', 'https://*.voovmeeting.com/*'],
  feishuMeeting: ['https://vc.feishu.cn/*', 'https://vc.larksuite.com/*'],
} as const;

/** Meet's home and landing pages are not calls. */
export const MEET_EXCLUDE = ['https://meet.google.com/', 'https://meet.google.com/landing*'];

export const CALENDAR_PATTERNS: readonly string[] = [
  ...MATCHES.googleCalendar,
  ...MATCHES.outlook,
  ...MATCHES.feishuCalendar,
];
export const MEETING_PATTERNS: readonly string[] = [
  ...MATCHES.googleMeet,
  ...MATCHES.zoom,
  ...MATCHES.teams,
  ...MATCHES.tencentMeeting,
  ...MATCHES.feishuMeeting,
];
