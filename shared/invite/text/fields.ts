/**
 * Labelled lines of pasted invite text (`会议主题：…`, `Subject: …`, `When: …`, Google's `Guests`
 * blocks) and the title picked from them or from the first lines. Part of `../text.ts`.
 */
import { findUrls } from '../links';
import { readWhen } from './dates';
import { EMAIL_IN_TEXT, INVITED } from './people';

// ---------------------------------------------------------------------------------------------
// Labelled lines

export type Field =
  | 'title'
  | 'when'
  | 'start'
  | 'end'
  | 'zone'
  | 'organizer'
  | 'sender'
  | 'attendees'
  | 'location';

const LABELS: Record<Field, string[]> = {
  title: [
    '会议主题',
    '主题',
    '会议名称',
    '会议标题',
    '日程主题',
    '日程标题',
    '日程名称',
    '日程',
    '标题',
    'subject',
    'topic',
    'meeting topic',
    'meeting subject',
    'meeting name',
    'title',
    'event',
    'event name',
  ],
  when: [
    '会议时间',
    '时间',
    '日程时间',
    '日期',
    '日期和时间',
    '日期时间',
    'when',
    'time',
    'meeting time',
    'date',
    'date and time',
    'date & time',
    'date/time',
  ],
  start: ['开始时间', '开始', 'start', 'starts', 'start time', 'begins'],
  end: ['结束时间', '结束', 'end', 'ends', 'end time'],
  zone: ['时区', 'time zone', 'timezone'],
  organizer: [
    '组织者',
    '组织人',
    '发起人',
    '会议发起人',
    '主持人',
    '创建人',
    'organizer',
    'organiser',
    'host',
  ],
  sender: ['发件人', 'from'],
  attendees: [
    '参与者',
    '参会人',
    '参会者',
    '参会人员',
    '与会者',
    '与会人',
    '参加人',
    '参加者',
    '必需与会者',
    '必选与会者',
    '可选与会者',
    '必选参与者',
    '可选参与者',
    '邀请对象',
    '受邀人',
    '被邀请人',
    '收件人',
    '抄送',
    'attendees',
    'required attendees',
    'optional attendees',
    'required',
    'optional',
    'guests',
    'participants',
    'invitees',
    'to',
    'cc',
  ],
  location: ['地点', '会议地点', '会议室', '位置', 'where', 'location', 'room'],
};

const LABEL_OF = new Map<string, Field>();
for (const [field, names] of Object.entries(LABELS) as [Field, string[]][]) {
  for (const n of names) LABEL_OF.set(n, field);
}

export type Line = { raw: string; norm: string; index: number };
export type Labelled = { field: Field; value: string; line: number };

/** `Label: value`, on a line already trimmed at the start (so no unbounded whitespace before the label). */
const LABEL_LINE = /^[#*•·-]?\s{0,3}([^:]{1,24}?)\s*:\s*(.*)$/;

/** A line that can be one person in a block under `Guests` / `Organizer`: a name or an address, not a sentence. */
function personLine(s: string): boolean {
  const t = s.trim();
  if (t === '' || isLabelLine(t)) return false;
  if (t.search(EMAIL_IN_TEXT) >= 0) return true;
  return t.length <= 40 && t.split(/\s+/).length <= 5 && !/[.!?。！？:]|https?:/.test(t);
}

/** Is this a `Label: value` line with a label we know (not just any text with a colon, like `(GMT+08:00)`)? */
export function isLabelLine(s: string): boolean {
  const m = LABEL_LINE.exec(s.trimStart());
  return !!m && LABEL_OF.has((m[1] ?? '').toLowerCase().replace(/\s+/g, ' ').trim());
}

export function labelledLines(lines: Line[]): Labelled[] {
  const out: Labelled[] = [];
  for (const line of lines) {
    // Google's invite emails put `Organizer` / `Guests` on a line of their own, people below.
    const header = LABEL_OF.get(line.norm.trim().toLowerCase());
    if (header === 'organizer' || header === 'attendees') {
      const block: string[] = [];
      for (const next of lines.slice(line.index + 1, line.index + 40)) {
        if (!personLine(next.norm)) break;
        block.push(next.norm.trim());
      }
      if (block.length > 0)
        out.push({ field: header, value: block.join(header === 'organizer' ? ' ' : '; '), line: line.index });
      continue;
    }
    const m = LABEL_LINE.exec(line.norm.trimStart());
    if (!m) continue;
    const label = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
    const field = LABEL_OF.get(label);
    if (!field) continue;
    let value = (m[2] ?? '').trim();
    // `时间：` with the value on the next line.
    if (value === '') {
      const next = lines[line.index + 1];
      if (next && !isLabelLine(next.norm)) value = next.norm.trim();
    }
    if (value !== '') out.push({ field, value, line: line.index });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const BOILERPLATE =
  /^(?:microsoft teams (?:meeting|会议)|google meet joining info|join (?:zoom meeting|with google meet|the meeting)|加入 ?zoom ?会议|点击链接|click (?:here|the link)|_{5,}|-{5,}|=+|\*+)/i;

export function pickTitle(lines: Line[], labelled: Labelled[]): string | undefined {
  const byLabel = labelled.find((l) => l.field === 'title')?.value;
  if (byLabel) return byLabel;
  for (const line of lines.slice(0, 6)) {
    const bracket = /^【(?:日程|会议|会议邀请|日程邀请)】\s*(.+)$/.exec(line.norm)?.[1];
    if (bracket) return bracket;
    const invitation = /^(?:updated\s+)?invitation:\s*(.+?)\s+@\s+/i.exec(line.norm.slice(0, 500))?.[1];
    if (invitation) return invitation;
  }
  const candidates = lines.filter((l) => l.norm.trim() !== '').slice(0, 2);
  for (const line of candidates) {
    const t = line.norm.trim();
    if (INVITED.test(t) || BOILERPLATE.test(t) || isLabelLine(t)) continue;
    if (findUrls(t).length > 0 || t.length > 200) continue;
    const w = readWhen(t);
    if (w.dates.length > 0 || w.times.length > 0) continue;
    return t;
  }
  return undefined;
}

export function stripQuotes(s: string): string {
  return s.replace(/^[「『“"《]+|[」』”"》]+$/g, '').trim();
}
