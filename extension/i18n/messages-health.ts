/**
 * Strings for site health (options page), "Use this page" (Prepare tab) and the organisation's
 * content pack note. Merged into `messages.ts`.
 */
export const healthMessages = {
  'usePage.title': { 'zh-CN': '从当前日历页面读取', en: 'Read the calendar page' },
  'usePage.intro': {
    'zh-CN': '没有看到“用 Tandem 准备”按钮？打开那次会议的详情（或在页面上选中会议的文字），再点下面的按钮。',
    en: 'No "Prepare with Tandem" button? Open the event on the page (or select its text there), then press the button below.',
  },
  'usePage.button': { 'zh-CN': '使用此页面', en: 'Use this page' },
  'usePage.reading': { 'zh-CN': '正在读取…', en: 'Reading…' },
  'usePage.nothing': {
    'zh-CN': '这个页面上没有找到打开的会议。请先打开会议详情，或选中会议的文字后再试。',
    en: 'No open event was found on that page. Open the event first, or select its text, and try again.',
  },
  'usePage.noTab': {
    'zh-CN': '没有找到打开的日历页面（Google 日历、Outlook、飞书日历）。',
    en: 'No calendar page (Google Calendar, Outlook, Feishu calendar) is open.',
  },
  'usePage.unreachable': {
    'zh-CN': '无法读取该页面。请刷新日历页面后再试。',
    en: 'That page could not be read. Reload the calendar page and try again.',
  },

  'health.title': { 'zh-CN': '网站适配状况', en: 'Site health' },
  'health.intro': {
    'zh-CN':
      'Tandem 在每个网站上最近一次成功读取和最近一次没读到的步骤。只记录网站和步骤名，不记录页面内容，也不会发送到任何地方。',
    en: 'When Tandem last read each site successfully and the step it last missed. Only site names and step names are kept, no page content, and nothing is sent anywhere.',
  },
  'health.empty': { 'zh-CN': '还没有网站记录。', en: 'No site has reported yet.' },
  'health.site': { 'zh-CN': '网站', en: 'Site' },
  'health.kind': { 'zh-CN': '类型', en: 'Kind' },
  'health.kind.calendar': { 'zh-CN': '日历', en: 'Calendar' },
  'health.kind.meeting': { 'zh-CN': '会议', en: 'Meeting' },
  'health.lastOk': { 'zh-CN': '最近成功', en: 'Last success' },
  'health.lastMiss': { 'zh-CN': '最近失败', en: 'Last failure' },
  'health.step': { 'zh-CN': '没读到的步骤', en: 'Step missed' },
  'health.never': { 'zh-CN': '从未', en: 'never' },
  'health.none': { 'zh-CN': '—', en: '—' },
  'health.failing': { 'zh-CN': '当前失败', en: 'failing now' },
  'health.copy': { 'zh-CN': '复制报告', en: 'Copy report' },
  'health.copied': { 'zh-CN': '已复制，可以粘贴到问题反馈里。', en: 'Copied: paste it into a bug report.' },
  'health.copyFailed': {
    'zh-CN': '无法写入剪贴板，请手动选中下面的文字复制。',
    en: 'The clipboard refused: select the text below and copy it.',
  },
  'health.step.anchor': { 'zh-CN': '定位', en: 'anchor' },
  'health.legend': {
    'zh-CN': '“定位”指打开的会议详情或通话中的控制栏。',
    en: '"Anchor" is the open event, or the call controls during a call.',
  },
  'health.step.title': { 'zh-CN': '标题', en: 'title' },
  'health.step.time': { 'zh-CN': '时间', en: 'time' },
  'health.step.attendees': { 'zh-CN': '参会人', en: 'attendees' },
  'health.step.meeting-link': { 'zh-CN': '会议链接', en: 'meeting link' },

  'pack.org': { 'zh-CN': '使用组织的面谈内容（{when}）', en: "Using your organisation's content ({when})" },
  'pack.invalid': {
    'zh-CN': '组织最新的面谈内容未通过校验，已忽略；继续使用上一份可用的内容。',
    en: "Your organisation's latest content did not pass validation and was ignored; the last good one is still in use.",
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;
