/** What makes a conversation fail (pitfalls and the panel's nudges), how effectiveness is judged, and the survey. */
import type { GuidePack } from '../schema';
import { l, ll } from './build';

export const pitfalls: GuidePack['pitfalls'] = [
  {
    id: 'goingThroughMotions',
    name: l('走过场', 'Going through the motions'),
    description: l(
      '临近截止被 HR 催着赶工，对员工做了什么只有个模糊印象；员工也早就认定“领导忙，不会真听我说”。双方都在交差，信任和投入一点点流失。',
      'Rushed at the deadline with only a vague picture of the person’s work, while they assume you’re too busy to really listen. Both sides tick a box, and trust and effort quietly drain away.',
    ),
    nudge: l(
      '这次面谈有点赶。留足时间、带上准备好的事实，才谈得出结果。',
      'This one looks rushed. Give it proper time and bring your facts so it counts.',
    ),
  },
  {
    id: 'onlyFaults',
    name: l('只谈缺点，不谈优点', 'Only faults'),
    description: l(
      '担心表扬会让人骄傲，于是整场都在挑毛病。员工觉得自己的努力从来没被看见，计划写得再漂亮也没有动力去做。',
      'Worried that praise will go to their head, you spend the whole talk on faults. They feel their effort was never seen, and even a good plan loses its pull.',
    ),
    nudge: l(
      '目前只记了问题。先讲一两个具体的亮点，再谈改进。',
      'So far only problems are noted. Name one or two specific things that went well before moving to what should change.',
    ),
  },
  {
    id: 'notListening',
    name: l('不倾听，只宣判', 'Not listening'),
    description: l(
      '一句“情况我都了解了，你先听我说”，就把对方的难处全压了下去。对方表面接受、心里抗拒，还可能在外面说“这里没人听人说话”。',
      '“I know the situation, just listen to me” shuts down everything they were struggling with. They nod along, resist inside, and may tell others that nobody here listens.',
    ),
    nudge: l(
      '员工自评还没记下来。先停一停，问一个开放式问题，听 TA 说完。',
      'Their side isn’t noted yet. Pause, ask an open question, and hear the answer out.',
    ),
  },
  {
    id: 'supportNotDelivered',
    name: l('答应的支持没兑现', 'Promised support not delivered'),
    description: l(
      '面谈时答应帮忙协调、减负或安排培训，事后因为太忙就没了下文。对方从“有希望”变成“被敷衍”，下次再定什么计划都很难相信。',
      'You offered to coordinate, lighten the load or arrange training, then got busy and it never happened. Hope turns into feeling brushed off, and the next plan is hard to believe.',
    ),
    nudge: l(
      '你答应的一项支持到期了还没完成。兑现它，或者主动跟对方说明情况。',
      'A support commitment of yours is due and not done. Deliver it, or tell them where it stands.',
    ),
  },
];

export const nudges: GuidePack['nudges'] = {
  noStrengths: l(
    '还没写下任何亮点。给反馈之前，先肯定一件具体做得好的事。',
    'No strengths noted yet. Before feedback, recognise one specific thing that went well.',
  ),
  noFacts: l(
    '这条反馈还缺一个具体事实：在什么场合、做了什么、带来了什么影响？',
    'This feedback needs a concrete fact: when was it, what happened, and what was the effect?',
  ),
  shortTalk: l(
    '这次面谈不到 30 分钟。谈得太短，往往来不及听对方说，也来不及定计划。',
    'This talk ran under 30 minutes. Short talks rarely leave room to listen and to plan.',
  ),
  actionItemIncomplete: l(
    '这个行动项还缺负责人、截止日期或衡量方式，补齐了才是能执行的计划。',
    'This action item is missing an owner, a due date or a measure. Fill them in so someone can act on it.',
  ),
  notRecorded24h: l(
    '面谈结束已经 24 小时，还没有记录。趁还记得，花五分钟写下共识和行动项。',
    'It’s been 24 hours since the talk and nothing is recorded. Take five minutes to note the agreements and action items while you still remember them.',
  ),
};

export const dimensions: GuidePack['dimensions'] = [
  {
    id: 'consensus',
    name: l('共识', 'Consensus'),
    question: l('双方对这个周期的绩效看法一致吗？', 'Do you both see this cycle’s performance the same way?'),
    measures: ll(
      [
        '面谈后问卷里“结果公平合理”的认同度',
        'Agreement with “the result is fair” in the survey after the talk',
      ],
      ['申诉率', 'Appeal rate'],
      ['绩效总结面谈中达成共识的比例', 'Share of review conversations that end in agreement'],
    ),
  },
  {
    id: 'development',
    name: l('发展', 'Development'),
    question: l(
      '有没有形成具体、清晰、有时限的改进或发展计划，而且真的在执行？',
      'Is there a specific, clear, time-bound plan to improve or grow, and is it being carried out?',
    ),
    measures: ll(
      ['有 SMART 行动项的面谈占比', 'Share of talks that end with SMART action items'],
      ['行动项按时完成的比例', 'Share of action items done on time'],
      [
        '承诺的培训、辅导等支持有没有兑现',
        'Whether promised support such as training or coaching was delivered',
      ],
    ),
  },
  {
    id: 'motivation',
    name: l('激励', 'Motivation'),
    question: l(
      '谈完之后，员工感到被尊重、被理解、被支持，还是被打击？',
      'After the talk, do people feel respected, understood and supported, or knocked down?',
    ),
    measures: ll(
      ['面谈后的净推荐值（NPS）', 'Net promoter score (NPS) after the talk'],
      ['“我感到被尊重和支持”的认同度', 'Agreement with “I felt respected and supported”'],
    ),
  },
  {
    id: 'performance',
    name: l('绩效', 'Performance'),
    question: l('下一个周期的绩效真的变好了吗？', 'Is performance actually better in the next cycle?'),
    measures: ll(
      ['下一周期评分相对本周期的变化', 'Change in rating from this cycle to the next'],
      ['低绩效员工有没有往上走', 'Whether low performers are moving up'],
      ['高绩效员工有没有保持或更进一步', 'Whether high performers hold steady or rise further'],
      ['行动项完成度和绩效变化的关系', 'How action item completion relates to the change in performance'],
    ),
  },
];

export const survey: GuidePack['survey'] = {
  employee: [
    {
      id: 'fair',
      scale: '1-5',
      text: l('这次面谈的结果是公平合理的。', 'The outcome of this conversation was fair.'),
    },
    {
      id: 'clarity',
      scale: '1-5',
      text: l('这次面谈让我更清楚自己的优势和不足。', 'I understand my strengths and gaps better now.'),
    },
    {
      id: 'plan',
      scale: '1-5',
      text: l('我们定下了清晰、可行的计划。', 'We agreed a clear plan that I can act on.'),
    },
    {
      id: 'respected',
      scale: '1-5',
      text: l('面谈中我感到被尊重、被支持。', 'I felt respected and supported.'),
    },
    {
      id: 'nps',
      scale: '0-10',
      text: l(
        '你有多大可能向同事推荐这样的绩效面谈？',
        'How likely are you to recommend a conversation like this to a colleague?',
      ),
    },
  ],
  manager: [
    {
      id: 'consensus',
      scale: '1-5',
      text: l('我们对结果和下一步达成了共识。', 'We reached agreement on the outcome and the next steps.'),
    },
    {
      id: 'plan',
      scale: '1-5',
      text: l('我们定下了清晰、可行的计划。', 'We made a clear, workable plan.'),
    },
    {
      id: 'prepared',
      scale: '1-5',
      text: l('面谈之前我做了充分的准备。', 'I was well prepared for this conversation.'),
    },
  ],
  comment: l('还有什么想说的吗？（选填）', 'Anything else you’d like to add? (optional)'),
  scaleLabels: { low: l('非常不同意', 'Strongly disagree'), high: l('非常同意', 'Strongly agree') },
  npsLabels: { low: l('完全不可能', 'Not at all likely'), high: l('非常可能', 'Extremely likely') },
  intro: l(
    '关于最近这次绩效面谈，只有几个问题，一分钟左右就能答完。你的回答会帮助我们把面谈做得更好。',
    'A few quick questions about your recent performance conversation; it takes about a minute. Your answers help make these conversations better.',
  ),
  privacy: l(
    '回答是匿名的。所有回答会合并统计，任何人都看不到单份答卷；回答人数不到最低人数的小组，结果不会显示。',
    'Your answers are anonymous. They are pooled with everyone else’s and never shown one by one, and results stay hidden for any group with fewer answers than the minimum.',
  ),
};
