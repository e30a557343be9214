/**
 * UI strings of follow-up (issues 7 and 9): the Follow-up tab's to-do list, survey outbox and
 * weekly view, the reminder notifications, and the reminder options. Merged into `messages.ts`.
 */
export const followupMessages = {
  'fu.kind.record': { 'zh-CN': '记录', en: 'Record' },
  'fu.kind.action-due': { 'zh-CN': '行动项', en: 'Action item' },
  'fu.kind.prepare': { 'zh-CN': '准备', en: 'Prepare' },
  'fu.kind.invite': { 'zh-CN': '邀请', en: 'Invite' },
  'fu.kind.survey': { 'zh-CN': '问卷', en: 'Survey' },
  'fu.kind.coverage': { 'zh-CN': '覆盖', en: 'Coverage' },
  'fu.overdue': { 'zh-CN': '已逾期', en: 'Overdue' },
  'fu.open': { 'zh-CN': '打开', en: 'Open' },
  'fu.openFor': { 'zh-CN': '打开：{what}', en: 'Open: {what}' },
  'fu.showAll': { 'zh-CN': '全部显示（{n}）', en: 'Show all ({n})' },
  'fu.showFewer': { 'zh-CN': '收起', en: 'Show fewer' },

  'fu.todo.title': { 'zh-CN': '待办', en: 'What needs doing' },
  'fu.todo.count': { 'zh-CN': '{n} 件待办，{m} 件已逾期', en: '{n} to do, {m} overdue' },
  'fu.todo.none': { 'zh-CN': '眼下没有待办，做得好。', en: 'Nothing needs doing right now. Well done.' },

  'fu.surveys.title': { 'zh-CN': '待发送的问卷', en: 'Surveys to send' },
  'fu.surveys.intro': {
    'zh-CN': '面谈后 1–2 周发出。回答匿名、只看汇总。',
    en: 'Send 1–2 weeks after the talk. Answers are anonymous and only seen pooled.',
  },
  'fu.surveys.solo': {
    'zh-CN': '问卷需要连接团队服务。其他功能在本机都能用。',
    en: 'Surveys need the team service. Everything else works on this device.',
  },
  'fu.surveys.connect': { 'zh-CN': '去设置连接', en: 'Connect in settings' },
  'fu.surveys.none': { 'zh-CN': '现在没有要发送的问卷链接。', en: 'No survey links to send now.' },
  'fu.surveys.stale': {
    'zh-CN': '暂时连不上服务，显示的是 {when} 的列表。',
    en: 'The service is out of reach; this list is from {when}.',
  },
  'fu.surveys.forEmployee': { 'zh-CN': '发给 {name}', en: 'For {name}' },
  'fu.surveys.forYou': { 'zh-CN': '你自己的问卷', en: 'Your own survey' },
  'fu.surveys.dates': { 'zh-CN': '{from} 起可发 · {until} 截止', en: 'Due since {from} · closes {until}' },
  'fu.surveys.message': { 'zh-CN': '消息内容', en: 'Message' },
  'fu.surveys.copy': { 'zh-CN': '复制消息', en: 'Copy message' },
  'fu.surveys.copied': { 'zh-CN': '已复制消息和链接。', en: 'Message and link copied.' },
  'fu.surveys.copyFailed': {
    'zh-CN': '没能复制，请手动选中消息复制。',
    en: 'Could not copy; select the message and copy it by hand.',
  },
  'fu.surveys.sent': { 'zh-CN': '标记已发送', en: 'Mark sent' },
  'fu.surveys.markedSent': { 'zh-CN': '已标记为已发送。', en: 'Marked as sent.' },
  'fu.surveys.queued': {
    'zh-CN': '已标记为已发送，联网后同步到服务。',
    en: 'Marked as sent; the service hears about it when back online.',
  },
  'fu.surveys.failed': { 'zh-CN': '没能标记：{error}', en: 'Could not mark it: {error}' },
  'fu.surveys.openLink': { 'zh-CN': '打开问卷', en: 'Open survey' },

  'fu.week.title': { 'zh-CN': '本周', en: 'This week' },
  'fu.week.range': { 'zh-CN': '{from} – {to}', en: '{from} – {to}' },
  'fu.week.none': {
    'zh-CN': '还没有下属。在“准备”里添加第一位。',
    en: 'No reports yet. Add the first one in Prepare.',
  },
  'fu.week.last': { 'zh-CN': '上次面谈', en: 'Last talk' },
  'fu.week.next': { 'zh-CN': '下次面谈', en: 'Next talk' },
  'fu.week.items': { 'zh-CN': '行动项', en: 'Action items' },
  'fu.week.noTalk': { 'zh-CN': '还没有', en: 'None yet' },
  'fu.week.notBooked': { 'zh-CN': '未预约', en: 'Not booked' },
  'fu.week.itemCounts': {
    'zh-CN': '{open} 个进行中 · {overdue} 个逾期 · {week} 个本周到期',
    en: '{open} open · {overdue} overdue · {week} due this week',
  },
  'fu.week.support': { 'zh-CN': '其中 {n} 个是你承诺的支持', en: '{n} of them your support commitments' },
  'fu.week.consensus.agreed': { 'zh-CN': '达成共识', en: 'agreed' },
  'fu.week.consensus.partial': { 'zh-CN': '部分共识', en: 'partly agreed' },
  'fu.week.consensus.disagreed': { 'zh-CN': '未达成共识', en: 'not agreed' },

  'fu.items.title': { 'zh-CN': '行动项跟进', en: 'Action items' },
  'fu.checkIn.added': { 'zh-CN': '已记下。', en: 'Check-in added.' },

  'fu.notify.title': { 'zh-CN': 'Tandem · {kind}', en: 'Tandem · {kind}' },
  'fu.notify.more': {
    'zh-CN': '还有 {n} 件事需要跟进，打开“跟进”查看。',
    en: '{n} more things to follow up. Open Follow-up to see them.',
  },

  'opt.rem.enabled': {
    'zh-CN': '显示提醒（系统通知和图标上的数字）',
    en: 'Show reminders (notifications and the count on the icon)',
  },
  'opt.rem.kinds': { 'zh-CN': '提醒我这些事', en: 'Remind me about' },
  'opt.rem.kind.record': { 'zh-CN': '面谈结束后 24 小时内记录', en: 'Recording a talk within 24 hours' },
  'opt.rem.kind.action-due': {
    'zh-CN': '本周到期或已逾期的行动项',
    en: 'Action items due this week or overdue',
  },
  'opt.rem.kind.prepare': { 'zh-CN': '5 天内的面谈还没准备好', en: 'A talk in the next 5 days not prepared' },
  'opt.rem.kind.invite': { 'zh-CN': '提前 3 天发出面谈邀请', en: 'Sending the invite 3 days ahead' },
  'opt.rem.kind.survey': { 'zh-CN': '待发送的问卷链接', en: 'Survey links to send' },
  'opt.rem.kind.coverage': {
    'zh-CN': '本周期还缺某类面谈的下属',
    en: 'Reports missing a kind of talk this cycle',
  },
  'opt.rem.quiet': { 'zh-CN': '免打扰时段', en: 'Quiet hours' },
  'opt.rem.quietFrom': { 'zh-CN': '从', en: 'From' },
  'opt.rem.quietUntil': { 'zh-CN': '到', en: 'Until' },
  'opt.rem.quietHint': {
    'zh-CN': '这段时间不弹通知，等结束后再提醒。时区：{zone}。',
    en: 'No notifications then; they wait until it ends. Time zone: {zone}.',
  },
  'opt.rem.listHint': {
    'zh-CN': '关掉的类型不再通知，但“跟进”里仍会列出。',
    en: 'Kinds switched off are not notified, but Follow-up still lists them.',
  },
  'opt.rem.status': {
    'zh-CN': '现在有 {n} 件待办。下次检查：{when}。',
    en: '{n} things to do now. Next check: {when}.',
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;
