/** Stage one, before the conversation: steps 1–4. */
import type { GuidePack } from '../schema';
import { l, ll } from './build';

export const prepareSteps: GuidePack['steps'] = [
  {
    number: 1,
    stage: 'prepare',
    title: l('明确这次面谈的主任务', 'Set the main goal'),
    summary: l(
      '时间点不同、对象不同，面谈要解决的事也不同。先用一句话写下：这次最想和对方一起弄清或达成什么。',
      'Each conversation has its own job, depending on the moment and the person. Write down in one sentence what you most want to work out or agree on together.',
    ),
    actions: ll(
      [
        '判断这次是哪一种：年度总结和发展规划、针对低绩效的改进辅导，还是和关键人才聊发展与去留',
        'Decide what this talk is for: a year-end review and development plan, a focused improvement talk with someone who is struggling, or a career and retention talk with key talent',
      ],
      [
        '补全这句话：“这次面谈，我最想和 TA 一起弄清 / 达成的是……”',
        'Complete the sentence: “In this conversation, what I most want us to work out or agree on is…”',
      ],
      ['按这个主任务来定提纲的重点和时间分配', 'Let that goal decide the outline and where the time goes'],
    ),
    tips: ll(
      [
        '主任务也是会后判断“这次谈得成不成”的标尺。',
        'The main goal is also how you’ll judge afterwards whether the talk worked.',
      ],
      [
        '一次只抓一件最重要的事，别什么都想谈。',
        'Pick the one thing that matters most rather than trying to cover everything.',
      ],
    ),
    doneWhen: l('主任务已经写成一句话。', 'The main goal is written down in one sentence.'),
  },
  {
    number: 2,
    stage: 'prepare',
    title: l('收集事实和数据', 'Gather facts and data'),
    summary: l(
      '别凭感觉，也别翻旧账。带着具体的行为和成果进场，而不是抽象的评价。',
      'Leave gut feeling and old grudges at the door. Come with specific behaviours and results, not labels.',
    ),
    actions: ll(
      ['整理关键指标（OKR / KPI）的完成情况', 'Pull the results against key objectives (OKRs or KPIs)'],
      [
        '找出关键项目的里程碑和交付成果，以及客户评价、同事反馈等记录',
        'Collect project milestones and deliverables, plus customer feedback and comments from peers',
      ],
      [
        '从自己的日常记录里挑出两三个做得好的实例，和一两个需要改进的行为',
        'From your own notes, pick two or three concrete examples of good work and one or two behaviours to improve',
      ],
    ),
    tips: ll(
      [
        '说具体的事：“你在 X 项目里提前一周交付，还主动协调了 Y 部门的资源”，比“你今年表现不错”有说服力得多。',
        'Name the specific thing: “You delivered project X a week early and lined up help from team Y yourself” lands far better than “good year”.',
      ],
      [
        '把整个周期的记录都翻一遍，别只记得最近的一两件事。',
        'Look across the whole cycle, not just the last few weeks.',
      ],
    ),
    doneWhen: l(
      '准备谈的每个优点和差距，都至少有一条具体事实撑着。',
      'Every strength and gap you plan to raise has at least one concrete fact behind it.',
    ),
  },
  {
    number: 3,
    stage: 'prepare',
    title: l('梳理议题和提纲', 'Outline topics and questions'),
    summary: l(
      '用“四块拼图”搭起结构：亮点、差距、原因、下一步的目标和支持，再写 4–6 个关键问题。',
      'Build the talk from the four pieces (strengths, gaps, causes, next goals and support) and write four to six key questions.',
    ),
    actions: ll(
      ['四块拼图每块写几条要点', 'Jot a few points under each of the four pieces'],
      ['写下 4–6 个开放式问题', 'Write four to six open questions'],
      ['想好哪些话题一定要谈到，哪些可以放到以后', 'Decide which topics must be covered and which can wait'],
    ),
    tips: ll(
      [
        '好问题听起来像这样：“这个周期你最自豪的三件事是什么？”“如果重来一次，你会怎么做？”',
        'Good questions sound like: “What are the three things you’re proudest of this cycle?” or “If you could do it again, what would you change?”',
      ],
      [
        '提纲一页纸就够了，面谈时拿来对照，不是照着念。',
        'One page is enough. It’s a map to glance at, not a script to read out.',
      ],
    ),
    doneWhen: l(
      '四块拼图都有内容，并且写好了至少 4 个问题。',
      'All four pieces have content and at least four questions are written.',
    ),
  },
  {
    number: 4,
    stage: 'prepare',
    title: l('提前预约，准备场地', 'Book the time and the room'),
    summary: l(
      '提前 3–5 天发邀请，留出 45–60 分钟不被打断的时间，请对方先做自评，再找一个安静、私密的地方。',
      'Send the invite three to five days ahead, block 45–60 uninterrupted minutes, ask for a short self-assessment, and choose a quiet, private place.',
    ),
    actions: ll(
      [
        '提前 3–5 天发出日历邀请，写明这次以回顾和发展为主',
        'Send the calendar invite three to five days ahead and say the focus is looking back and growing',
      ],
      [
        '请对方提前做一份简短的自评，并带上相关材料，比如项目清单、个人反思',
        'Ask for a short self-assessment beforehand, plus anything useful such as a project list or their own reflections',
      ],
      [
        '订一间安静私密的会议室或线上会议室，留足 45–60 分钟',
        'Book a quiet, private room or video room with 45–60 minutes free',
      ],
      ['开始前关掉手机和电脑的消息提醒', 'Silence phone and desktop notifications before you start'],
    ),
    tips: ll(
      [
        '关掉提醒，等于告诉对方：这段时间只属于这次谈话。',
        'Silencing notifications tells them this time belongs to them.',
      ],
      [
        '时间别排得太紧。谈到一半被下一个会打断，前面的铺垫就白费了。',
        'Don’t squeeze it in: being cut off by the next meeting undoes the trust you’ve built.',
      ],
    ),
    doneWhen: l(
      '邀请提前 3–5 天发出，写明了目的并请对方自评，时长 45–60 分钟，地点私密。',
      'The invite went out three to five days ahead, states the purpose, asks for a self-assessment, and books 45–60 minutes somewhere private.',
    ),
  },
];
