/**
 * Strings of the listening meter (issue 18). Kept out of i18n/messages.ts so that they load with
 * the Talk tab, not with the side panel's first screen.
 */
import type { Locale } from '../../i18n';

const M = {
  title: { 'zh-CN': '倾听平衡', en: 'Listening balance' },
  promise: {
    'zh-CN': '声音只在这台电脑的内存里分析，每秒几次；不录音、不保存、不上传，只把说话占比记在这次面谈里。',
    en: 'The sound is analysed on this computer, in memory, a few times a second. Nothing is recorded, stored or sent; only the speaking shares are kept with this talk.',
  },
  switch: { 'zh-CN': '在这次面谈中开启', en: 'Turn on for this talk' },
  remembered: {
    'zh-CN': '你的选择会记住，下次面谈沿用。',
    en: 'Your choice is remembered for your next talks.',
  },
  starting: { 'zh-CN': '正在打开麦克风……', en: 'Opening the microphone…' },
  you: { 'zh-CN': '你', en: 'You' },
  them: { 'zh-CN': '对方', en: 'Them' },
  silence: { 'zh-CN': '安静', en: 'Silence' },
  meterLabel: {
    'zh-CN': '说话占比：你 {m}%，对方 {o}%，安静 {s}%',
    en: 'Speaking time: you {m}%, them {o}%, silence {s}%',
  },
  speakingNow: { 'zh-CN': '正在说', en: 'speaking' },
  longest: { 'zh-CN': '你最长的一段独白：{t}', en: 'Your longest monologue: {t}' },
  over: { 'zh-CN': '已听 {t}', en: 'Heard {t}' },
  callHeard: { 'zh-CN': '已听到会议声音（{n} 路）。', en: 'Hearing the call ({n} {what}).' },
  callMissing: {
    'zh-CN':
      '还没听到会议页面的声音，所以“对方”暂时算不出来。请在 Google Meet 或 Teams 网页里开会；Zoom 网页版的声音读不到，这时只统计你的麦克风。',
    en: 'The meeting page’s sound is not reaching the meter yet, so “them” cannot be counted. Hold the call in Google Meet or Teams on the web; Zoom’s web client does not expose its sound, so there only your microphone counts.',
  },
  firefox: {
    'zh-CN':
      '在 Firefox 里，只有以媒体流播放声音的会议页面（如 Google Meet）能听到对方；其他网站只统计你的麦克风。',
    en: 'In Firefox the other side is heard only on meeting pages that play it as a media stream (such as Google Meet); elsewhere only your microphone counts.',
  },
  'problem.mic-denied': {
    'zh-CN': '没有麦克风权限。请在浏览器里允许 Tandem 使用麦克风，然后再开启。',
    en: 'The microphone was not allowed. Allow Tandem to use it in the browser, then turn this on again.',
  },
  'problem.mic-missing': { 'zh-CN': '没有找到麦克风。', en: 'No microphone was found.' },
  'problem.failed': { 'zh-CN': '倾听平衡没能启动。', en: 'The listening balance could not start.' },
  'nudge.step6': {
    'zh-CN': '先让对方说：问问 TA 怎么看自己这个周期。',
    en: 'Let them speak first: ask how they see their cycle.',
  },
  'nudge.overall': { 'zh-CN': '问一个开放式问题，然后等一等。', en: 'Ask an open question and wait.' },
  'nudge.monologue': {
    'zh-CN': '你已经连续说了两分钟以上。停一下，听听对方怎么想。',
    en: 'You have been talking for over two minutes. Pause and hear what they think.',
  },
  dismiss: { 'zh-CN': '知道了', en: 'Dismiss' },
  dismissLabel: { 'zh-CN': '关闭这条提示', en: 'Dismiss this hint' },
  saved: { 'zh-CN': '占比已记在这次面谈里。', en: 'The shares are kept with this talk.' },
} satisfies Record<string, Record<Locale, string>>;

export type ListeningKey = keyof typeof M;

export function lt(key: ListeningKey, lang: Locale, vars?: Record<string, string | number>): string {
  const text: string = M[key][lang];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}
