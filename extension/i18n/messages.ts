/**
 * UI strings of the extension (not the method's content, which lives in shared/content).
 * Every key carries both languages; `{name}` placeholders are filled by `t(key, vars)`.
 */
export const messages = {
  'app.name': { 'zh-CN': 'Tandem', en: 'Tandem' },
  'app.tagline': { 'zh-CN': '绩效面谈助手', en: 'Performance conversations' },

  'lang.label': { 'zh-CN': '界面语言', en: 'Language' },
  'lang.auto': { 'zh-CN': '自动', en: 'Auto' },
  'lang.autoHint': { 'zh-CN': '界面语言：自动跟随浏览器', en: 'Language: follows the browser' },
  'lang.zh-CN': { 'zh-CN': '中文', en: '中文' },
  'lang.en': { 'zh-CN': 'English', en: 'English' },

  'tabs.label': { 'zh-CN': '面谈阶段', en: 'Conversation phases' },
  'tab.prepare': { 'zh-CN': '准备', en: 'Prepare' },
  'tab.talk': { 'zh-CN': '面谈', en: 'Talk' },
  'tab.record': { 'zh-CN': '记录', en: 'Record' },
  'tab.followUp': { 'zh-CN': '跟进', en: 'Follow-up' },

  'tab.prepare.intro': {
    'zh-CN': '面谈前：明确主要任务，收集事实和数据，列好话题和问题，提前 3–5 天预约。',
    en: 'Before the talk: settle the main task, gather facts and data, list topics and questions, book 3–5 days ahead.',
  },
  'tab.talk.intro': {
    'zh-CN': '面谈中：按步骤推进，先听员工自评，再基于事实反馈，一起分析原因、制定计划。',
    en: 'During the talk: go step by step. Hear the self-assessment first, give feedback on facts, find causes and plan together.',
  },
  'tab.record.intro': {
    'zh-CN': '面谈后 24 小时内：记录要点和行动项，每项都要有负责人、截止日期和衡量标准。',
    en: 'Within 24 hours: record the key points and action items, each with an owner, a due date and a measure.',
  },
  'tab.followUp.intro': {
    'zh-CN': '之后：在一对一中跟进行动项，兑现承诺的支持，1–2 周后收集反馈。',
    en: 'Afterwards: follow the action items up in 1:1s, deliver the promised support, ask for feedback after 1–2 weeks.',
  },

  'steps.heading': { 'zh-CN': '12 个步骤', en: 'The 12 steps' },
  'steps.stageCount': { 'zh-CN': '{count} 步', en: '{count} steps' },
  'steps.step': { 'zh-CN': '第 {n} 步：', en: 'Step {n}: ' },
  'steps.current': { 'zh-CN': '当前', en: 'Current' },
  'steps.makeCurrent': { 'zh-CN': '设为当前步骤：{title}', en: 'Make current: {title}' },
  'steps.actions': { 'zh-CN': '要做的事', en: 'What to do' },
  'steps.tips': { 'zh-CN': '提示', en: 'Tips' },
  'steps.doneWhen': { 'zh-CN': '完成标志：', en: 'Done when: ' },
  'steps.minutes': { 'zh-CN': '约 {n} 分钟', en: 'about {n} min' },

  'stage.prepare': { 'zh-CN': '准备', en: 'Prepare' },
  'stage.conversation': { 'zh-CN': '面谈', en: 'Conversation' },
  'stage.followUp': { 'zh-CN': '跟进', en: 'Follow-up' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type MessageKey = keyof typeof messages;
