/**
 * Meeting join links: find one in free text, name its provider, and reduce it to a key that matches
 * the same meeting however the link was written (for finding a session from a meeting page).
 *
 * Pure string work, no dependencies: safe in a content script.
 */

export const MEETING_PROVIDERS = [
  'google-meet',
  'zoom',
  'teams',
  'tencent-meeting',
  'voov',
  'feishu',
  'lark',
  'dingtalk',
  'wecom',
  'webex',
] as const;
export type MeetingProvider = (typeof MEETING_PROVIDERS)[number];

type Rule = { provider: MeetingProvider; host: RegExp; path: RegExp };

/** Host and path of each provider's join links. The path test keeps e.g. zoom.us's marketing pages out. */
const RULES: Rule[] = [
  {
    provider: 'google-meet',
    host: /^meet\.google\.com$/,
    path: /^\/(?:_meet\/)?(?:[a-z]{3}-[a-z]{4}-[a-z]{3}|lookup\/[\w-]+)(?:\/|$)/i,
  },
  {
    provider: 'zoom',
    host: /(?:^|\.)(?:zoom\.us|zoom\.com|zoom\.com\.cn|zoom\.de|zoomgov\.com)$/,
    path: /^\/(?:j|my|s|w|wc|webinar\/register|meeting\/register)\/[\w.-]+/i,
  },
  {
    provider: 'teams',
    host: /^(?:teams\.microsoft\.com|teams\.microsoft\.us|gov\.teams\.microsoft\.us|teams\.live\.com|teams\.cloud\.microsoft)$/,
    path: /^\/(?:l\/meetup-join\/.+|meet\/\d+)/i,
  },
  {
    provider: 'tencent-meeting',
    host: /^meeting\.tencent\.com$/,
    path: /^\/(?:dm|p|s|j|w|l|v2\/s|crm)\/[\w-]+/i,
  },
  { provider: 'voov', host: /^(?:www\.)?voovmeeting\.com$/, path: /^\/(?:dm|p|s|j|w|l)\/[\w-]+/i },
  { provider: 'feishu', host: /^vc\.feishu\.cn$/, path: /^\/(?:j|s)\/[\w-]+/i },
  { provider: 'lark', host: /^vc\.larksuite\.com$/, path: /^\/(?:j|s)\/[\w-]+/i },
  { provider: 'dingtalk', host: /^meeting\.dingtalk\.com$/, path: /^\/(?:j|s)\/[\w-]+/i },
  { provider: 'wecom', host: /^meeting\.work\.weixin\.qq\.com$/, path: /^\/[\w-]+/ },
  {
    provider: 'webex',
    host: /(?:^|\.)webex\.com(?:\.cn)?$/,
    path: /^\/(?:meet\/|join\/|[\w-]+\/j\.php|[\w-]+\/url\.php|wbxmjs\/joinservice)/i,
  },
];

function parseUrl(url: string): URL | undefined {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The link a redirector points at: Outlook SafeLinks (`*.safelinks.protection.outlook.com/?url=`),
 * Google's `www.google.com/url?q=`, Teams' `statics.teams.cdn.office.net/evergreen-assets/safelinks/`.
 * Unwraps nested redirectors; anything else comes back unchanged.
 */
export function unwrapRedirect(url: string): string {
  let current = url.trim();
  for (let i = 0; i < 4; i++) {
    const u = parseUrl(current);
    if (!u) return current;
    const host = u.hostname.toLowerCase();
    let target: string | null = null;
    if (/(?:^|\.)safelinks\.protection\.(?:outlook\.com|office365\.us|outlook\.cn)$/.test(host)) {
      target = u.searchParams.get('url');
    } else if (/^(?:www\.)?google\.[a-z.]+$/.test(host) && u.pathname === '/url') {
      target = u.searchParams.get('q') ?? u.searchParams.get('url');
    } else if (host === 'statics.teams.cdn.office.net' && /safelinks/i.test(u.pathname)) {
      target = u.searchParams.get('url');
    }
    if (!target || !parseUrl(target)) return current;
    current = target;
  }
  return current;
}

/** The provider of a join link (after unwrapping redirectors), or null when it is not a known one. */
export function meetingProvider(url: string): MeetingProvider | null {
  const u = parseUrl(unwrapRedirect(url));
  if (!u) return null;
  const host = u.hostname.toLowerCase();
  const path = u.pathname;
  for (const rule of RULES) {
    if (rule.host.test(host) && rule.path.test(path)) return rule.provider;
  }
  return null;
}

/** Query parameters that only track where a click came from: dropped when normalising. */
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  '_hsenc',
  '_hsmi',
  'spm',
  'ref',
  'ref_src',
  'share_source',
  'share_from',
  'from',
  'source',
  'usp',
  'authuser',
  'hs',
  'pli',
  'ijlm',
  'sdkversion',
  'sdk',
  'lang',
  'language',
  'uname',
  'omn',
  'anchor',
  'launch',
  'web',
  'directdl',
  'suppressprompt',
]);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING.has(n);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The meeting's own id inside a join link, when the provider has one: a Meet code, a Zoom meeting
 * number or personal link name, a Teams thread id or meeting number, a Tencent / Feishu / DingTalk
 * code. Undefined for unknown links.
 */
export function meetingId(url: string): string | undefined {
  const u = parseUrl(unwrapRedirect(url));
  if (!u) return undefined;
  const provider = meetingProvider(u.href);
  const segs = u.pathname.split('/').filter((s) => s !== '');
  switch (provider) {
    case 'google-meet': {
      const code = segs.find((s) => /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/i.test(s));
      return code?.toLowerCase();
    }
    case 'zoom': {
      const digits = segs.find((s) => /^\d{9,12}$/.test(s));
      if (digits) return digits;
      if (segs[0]?.toLowerCase() === 'my' && segs[1]) return `my/${segs[1].toLowerCase()}`;
      return undefined;
    }
    case 'teams': {
      if (segs[0]?.toLowerCase() === 'meet' && segs[1]) return segs[1];
      const i = segs.findIndex((s) => s.toLowerCase() === 'meetup-join');
      const thread = i >= 0 ? segs[i + 1] : undefined;
      return thread ? safeDecode(thread) : undefined;
    }
    case 'tencent-meeting':
    case 'voov':
    case 'feishu':
    case 'lark':
    case 'dingtalk':
    case 'wecom':
      return segs.length > 0 ? segs[segs.length - 1] : undefined;
    default:
      return undefined;
  }
}

/**
 * A key for matching a session by its link: two links to the same meeting give the same string.
 *
 * - Redirectors (SafeLinks) are unwrapped; the scheme becomes `https`; the host is lowercased;
 *   the fragment, tracking parameters (`utm_*`, `fbclid`, Meet's `authuser`/`hs`, …) and a trailing
 *   slash are dropped; the remaining parameters are sorted.
 * - Known providers keep only what identifies the meeting: `https://meet.google.com/abc-defg-hij`,
 *   `https://zoom.us/j/85012345678` (any Zoom subdomain, `/j/`, `/s/`, `/w/` and the web client's
 *   `/wc/<id>/join`; the password is dropped), Teams `…/l/meetup-join/<thread>/<n>` without its
 *   `context`, Tencent / VooV / Feishu / Lark / DingTalk host and path without the query.
 * - Case is kept in paths where codes are case-sensitive (Tencent `/dm/` codes).
 *
 * The result is for comparison only; keep the original link for opening. Not a URL → the trimmed input.
 */
export function normalizeMeetingUrl(url: string): string {
  const unwrapped = unwrapRedirect(url);
  const u = parseUrl(unwrapped);
  if (!u) return url.trim();
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  const provider = meetingProvider(u.href);
  const id = meetingId(u.href);
  if (provider === 'google-meet' && id) return `https://meet.google.com/${id}`;
  if (provider === 'zoom' && id) return `https://zoom.us/${id.startsWith('my/') ? id : `j/${id}`}`;
  const segs = u.pathname.split('/').filter((s) => s !== '');
  if (provider === 'teams') {
    if (segs[0]?.toLowerCase() === 'meet' && id) return `https://${host}/meet/${id}`;
    if (id) {
      const i = segs.findIndex((s) => s.toLowerCase() === 'meetup-join');
      const rest = segs.slice(i + 2).map(safeDecode);
      return `https://teams.microsoft.com/l/meetup-join/${[id, ...rest].join('/')}`;
    }
  }
  if (provider && provider !== 'wecom' && provider !== 'webex') {
    return `https://${host}/${segs.join('/')}`;
  }
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !isTracking(k))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const port = u.port && !(u.port === '443' || u.port === '80') ? `:${u.port}` : '';
  const path = u.pathname.replace(/\/+$/, '');
  return `https://${host}${port}${path}${query}`;
}

/** Characters that end a URL in running text: spaces, brackets, quotes, CJK punctuation and full-width forms. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201f\u2026]+/gi;

/** Known join-link hosts written without a scheme (`meeting.tencent.com/dm/…`). */
const BARE_HOST =
  /(?<![\w./@-])((?:[a-z0-9-]+\.)*(?:meet\.google\.com|zoom\.us|zoom\.com\.cn|teams\.microsoft\.com|teams\.live\.com|meeting\.tencent\.com|voovmeeting\.com|vc\.feishu\.cn|vc\.larksuite\.com|meeting\.dingtalk\.com|meeting\.work\.weixin\.qq\.com)\/[^\s<>"'`\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201f\u2026]+)/gi;

function trimUrl(raw: string): string {
  let s = raw;
  for (;;) {
    const last = s.slice(-1);
    if (/[.,;:!?*]/.test(last)) {
      s = s.slice(0, -1);
      continue;
    }
    if (last === ')' && !s.includes('(')) {
      s = s.slice(0, -1);
      continue;
    }
    if (last === ']' && !s.includes('[')) {
      s = s.slice(0, -1);
      continue;
    }
    if (last === '}' && !s.includes('{')) {
      s = s.slice(0, -1);
      continue;
    }
    return s;
  }
}

/** Every http(s) link in `text` in order, unwrapped from redirectors, trailing punctuation trimmed. */
export function findUrls(text: string): string[] {
  if (typeof text !== 'string' || text === '') return [];
  const found: { at: number; url: string }[] = [];
  const source = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const m of source.matchAll(URL_IN_TEXT)) {
    const url = trimUrl(m[0]);
    if (parseUrl(url)) found.push({ at: m.index ?? 0, url: unwrapRedirect(url) });
  }
  const masked = source.replace(URL_IN_TEXT, (m) => ' '.repeat(m.length));
  for (const m of masked.matchAll(BARE_HOST)) {
    const url = `https://${trimUrl(m[1] ?? '')}`;
    if (parseUrl(url)) found.push({ at: m.index ?? 0, url });
  }
  found.sort((a, b) => a.at - b.at);
  return found.map((f) => f.url);
}

/** Does an unknown link still look like a join link (`/join`, `/meet/`, a `meeting` host)? */
function looksLikeMeeting(url: string): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  return (
    /(?:^|[.-])(?:meet|meeting|meetings|conf|conference|vc|video)[.-]/i.test(`${u.hostname}.`) ||
    /\/(?:j|join|meet|meeting|conf)\/[\w-]{4,}/i.test(u.pathname)
  );
}

/**
 * The join link in free text: the first link of a known provider; else the first link that looks
 * like a join link (`…/join/…`, a `meeting.` host); with `anyUrl`, else the first link at all.
 * Undefined when there is none.
 */
export function findMeetingUrl(text: string, opts: { anyUrl?: boolean } = {}): string | undefined {
  const urls = findUrls(text);
  return (
    urls.find((u) => meetingProvider(u) !== null) ??
    urls.find(looksLikeMeeting) ??
    (opts.anyUrl ? urls[0] : undefined)
  );
}
