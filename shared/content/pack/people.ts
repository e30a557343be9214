/** Employee types on the performance × willingness matrix, and the principles for hard conversations. */
import type { GuidePack } from '../schema';
import { l, ll } from './build';

export const employeeTypes: GuidePack['employeeTypes'] = [
  {
    id: 'mature',
    name: l('成熟型', 'Mature'),
    performance: 'high',
    willingness: 'high',
    focus: l(
      '聊发展空间、更有挑战的机会和更大的授权。',
      'Explore room to grow, stretch opportunities and more autonomy.',
    ),
    tone: l('充分认可，一起共创。', 'Strong recognition, and shaping what comes next together.'),
    risk: l(
      '别泼冷水，也别把 TA 当救火队员，什么难事都往上压。',
      'Don’t dampen their drive, and don’t wear them out by handing them every fire to fight.',
    ),
    openings: ll(
      [
        '这个周期你的成绩大家有目共睹，今天我更想听听你接下来想往哪儿走。',
        'Your results this cycle speak for themselves. Today I’d most like to hear where you want to go next.',
      ],
      [
        '你已经做得很好了。我想和你一起看看，下一步什么样的挑战会让你更来劲。',
        'You’ve done really well. Let’s look together at what kind of challenge would excite you next.',
      ],
    ),
  },
  {
    id: 'wavering',
    name: l('挑战型', 'Wavering'),
    performance: 'high',
    willingness: 'low',
    focus: l(
      '弄清楚意愿为什么变了，重新建立共识和公平感。',
      'Understand why their drive has changed, and rebuild agreement and a sense of fairness.',
    ),
    tone: l('多倾听，把事情说清楚，再重新约定。', 'Listen, clarify, then recommit.'),
    risk: l('别简单地给 TA 贴上“闹情绪”的标签。', 'Don’t write it off as them “just being emotional”.'),
    openings: ll(
      [
        '你的成绩一直很稳。不过最近我感觉你好像有些心事，今天想先听听你怎么想。',
        'Your results have been solid, but lately I sense something is on your mind. I’d like to hear you out first.',
      ],
      [
        '你给团队的贡献我一直看在眼里。最近有没有哪些事让你觉得不顺，或者不太公平？',
        'I see what you bring to the team. Has anything felt frustrating or unfair lately?',
      ],
    ),
  },
  {
    id: 'confused',
    name: l('迷茫型', 'Confused'),
    performance: 'low',
    willingness: 'high',
    focus: l(
      '讲清标准，补上能力，让 TA 多体验几次把事做成的感觉。',
      'Make the standard clear, close skill gaps, and help them feel some early wins.',
    ),
    tone: l('教练式引导，加上手把手的具体辅导。', 'Coach with questions, and back it with hands-on help.'),
    risk: l(
      '千万别一句“你其实不适合做这个”就下了结论。',
      'Never shut it down with “maybe this just isn’t for you”.',
    ),
    openings: ll(
      [
        '我看得出你一直很努力。今天我们一起把“做到什么样才算好”理清楚，再看看我能怎么帮你。',
        'I can see how hard you’ve been working. Today let’s get clear on what good looks like, and how I can help you get there.',
      ],
      [
        '这个周期不少事没按预期走，但你的态度我很认可。我们一起找找卡在了哪儿。',
        'Quite a few things didn’t go to plan this cycle, but I value your attitude. Let’s work out together where things got stuck.',
      ],
    ),
  },
  {
    id: 'disengaged',
    name: l('赖皮型', 'Disengaged'),
    performance: 'low',
    willingness: 'low',
    focus: l(
      '把问题界定清楚，把责任分清楚，必要时谈去留或调岗。',
      'Define the problem, make responsibilities clear, and if needed discuss whether the role is the right fit.',
    ),
    tone: l('冷静、坚定，把话摊开来说。', 'Calm, firm and candid.'),
    risk: l(
      '别陷入情绪化的争吵，也别一味迁就。',
      'Don’t get drawn into a heated argument, and don’t simply give way.',
    ),
    openings: ll(
      [
        '今天我想和你坦诚地谈一谈。这个周期的结果和我们约定的差距比较大，我们先把事实摆出来。',
        'I want to talk openly today. This cycle’s results are well short of what we agreed, so let’s start by laying out the facts.',
      ],
      [
        '我希望今天能把问题说清楚，也把接下来的路说清楚。我先讲讲我看到的情况，然后听你说。',
        'I’d like us to leave today clear about the problem and clear about the way forward. I’ll share what I’ve seen, then I want to hear from you.',
      ],
    ),
  },
];

export const principles: GuidePack['principles'] = [
  {
    id: 'emotionsFirst',
    title: l('先处理情绪，再处理内容', 'Feelings before content'),
    text: l(
      '告诉对方不好的结果时，放慢语速，给 TA 一点消化的时间。沉默、委屈都很正常，别急着要求对方“理性一点”。可以说：“我能理解你现在不太舒服，我们先一起把事实和经过再过一遍，好吗？”',
      'When you share a disappointing result, slow down and give them time to take it in. Silence or hurt are normal; don’t ask them to “be rational”. Try: “I can see this is hard to hear. Shall we go through the facts together first?”',
    ),
  },
  {
    id: 'factsAndRules',
    title: l('守住事实和规则，不争论人品', 'Hold to facts and rules, not judgements of character'),
    text: l(
      '让数据、具体事例和事先约定的规则当“第三方裁判”。少说“你就是……”，多说“在 X 项目里发生了……，导致了……”。',
      'Let data, concrete examples and rules agreed in advance act as the referee. Say less of “you are…” and more of “on project X, this happened, and it led to…”.',
    ),
  },
  {
    id: 'knowTheLine',
    title: l('分清可以商量的和不能退让的', 'Know what is open and what is not'),
    text: l(
      '比如奖金比例可能有商量的余地，评级原则却不能轻易破例。谈之前先在心里划好这条线，免得在激烈的情绪里被带着走。',
      'The bonus split may have some room, for example, while the rating rules don’t bend. Draw that line before you start, so strong feelings don’t pull you across it.',
    ),
  },
  {
    id: 'leaveAWayForward',
    title: l('批评之后，留出路也留希望', 'After hard news, show a way forward'),
    text: l(
      '尤其是对还有意愿的人，要讲清楚：接下来在哪几件事上做到什么标准，下个周期就有机会扭转；组织能在培训、资源或导师上给出哪些具体支持。',
      'Especially with someone who still wants to do well, spell out which few things, done to what standard, would turn it around next cycle, and what concrete help with training, resources or mentoring is on offer.',
    ),
  },
  {
    id: 'notToWin',
    title: l('目的不是赢下争论', 'The aim is not to win'),
    text: l(
      '艰难的对话，是为了给一个更好的将来创造可能，而不是辩赢对方。',
      'A hard conversation is there to make a better future possible, not to win the argument.',
    ),
  },
];
