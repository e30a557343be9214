/** Stage two, the conversation itself: steps 5–10, planned for 57 minutes of a 60-minute talk (the same plan as shared/logic/stage-plan.ts). */
import type { GuidePack } from '../schema';
import { l, ll } from './build';

export const conversationSteps: GuidePack['steps'] = [
  {
    number: 5,
    stage: 'conversation',
    title: l('开场，建立信任', 'Open and build trust'),
    summary: l(
      '让对方放下戒备：这不是审判，而是一起回顾、一起往前看。',
      'Help them lower their guard: this isn’t a trial, it’s a look back and a look ahead, together.',
    ),
    actions: ll(
      [
        '讲清目的：回顾这个周期，更重要的是一起想想接下来怎么做得更好',
        'State the purpose: look back at the cycle and, above all, work out together how to make the next one better',
      ],
      [
        '先具体地肯定和感谢一两件事，比如某次努力或担当',
        'Start by recognising one or two specific things, such as an effort they made or a responsibility they took on',
      ],
      ['简单说一下今天怎么安排时间', 'Outline how the time will run'],
    ),
    tips: ll(
      [
        '直接说一句“今天不是来挑毛病的”，比任何暗示都管用。',
        'Saying plainly “I’m not here to pick faults” works better than hinting at it.',
      ],
      [
        '开场控制在五分钟内，寒暄太久反而让人更紧张。',
        'Keep the opening short. A long warm-up makes people more nervous, not less.',
      ],
    ),
    doneWhen: l(
      '已经说明了面谈目的，并具体肯定了至少一件事。',
      'You’ve stated the purpose and recognised at least one specific thing.',
    ),
    minutes: 5,
  },
  {
    number: 6,
    stage: 'conversation',
    title: l('请员工先自评', 'Self-assessment first'),
    summary: l(
      '让员工先说，你后说。先听清 TA 怎么看自己，再给出你的反馈。',
      'They speak first, you speak second. Hear how they see their own cycle before you give your view.',
    ),
    actions: ll(
      [
        '请对方讲讲这个周期做得最好的几件事，以及留下遗憾的地方',
        'Ask about the things that went best this cycle, and the ones they regret',
      ],
      [
        '问一句：“如果给自己打分，你会打几分？为什么？”',
        'Ask: “If you scored yourself, what would you give, and why?”',
      ],
      [
        '边听边记，留意 TA 的自我评价和你的评价差在哪里',
        'Listen and take notes, marking where their view and yours differ',
      ],
    ),
    tips: ll(
      [
        '这一步有三个用处：看清双方认知的差距，让对方有发言权、少些防御，也给后面的反馈找到落脚点。',
        'This step does three things: it shows where your views differ, gives them a voice so they feel less defensive, and gives your feedback something to build on.',
      ],
      [
        '忍住想打断和纠正的冲动，先问一句“还有吗？”',
        'Resist the urge to correct them. Ask “anything else?” before you respond.',
      ],
    ),
    doneWhen: l(
      '员工讲完了自己的看法，你记下了双方看法的主要差别。',
      'They’ve given their own view, and you’ve noted the main differences from yours.',
    ),
    minutes: 10,
  },
  {
    number: 7,
    stage: 'conversation',
    title: l('基于事实给反馈', 'Give fact-based feedback'),
    summary: l(
      '用 SBI 或 BEST 模型讲清具体的情境、行为和影响。只谈事实和行为，不评判人。',
      'Use SBI or BEST to describe the situation, the behaviour and its impact. Talk about facts and actions, never about character.',
    ),
    actions: ll(
      ['先讲做得好的，再讲需要改进的', 'Start with what went well, then move to what needs to change'],
      [
        '每条反馈都讲清情境、行为、影响（SBI），或者行为、影响、建议、下一步（BEST）',
        'Give each point as situation, behaviour, impact (SBI), or as behaviour, effect, suggestion, tomorrow (BEST)',
      ],
      ['每讲完一条，问问对方怎么看', 'After each point, ask how they see it'],
    ),
    tips: ll(
      [
        '别贴标签。“你不够主动”“你没有责任心”只会换来辩解。',
        'Avoid labels. “You lack initiative” or “you don’t take responsibility” only invites a defence.',
      ],
      [
        '说“在 X 项目里发生了……，结果……”，而不是“你这个人就是……”。',
        'Say “On project X, this happened, and the result was…” rather than “You always…”.',
      ],
    ),
    doneWhen: l(
      '每条主要反馈都有具体事实撑着，并且先讲了优点。',
      'Each main point of feedback rests on a specific fact, and strengths came first.',
    ),
    minutes: 15,
  },
  {
    number: 8,
    stage: 'conversation',
    title: l('一起分析原因', 'Find the causes together'),
    summary: l(
      '像剥洋葱一样一层层往下问：是认知、能力、资源和流程、意愿，还是协作出了问题？',
      'Peel back the layers together: is it understanding, skill, resources and process, motivation, or working with others?',
    ),
    actions: ll(
      [
        '用开放式问题请对方先说：“你觉得最大的难点在哪？”',
        'Open with a question and let them answer first: “Where do you think the biggest difficulty was?”',
      ],
      [
        '对照五类原因逐一排查，别急着下结论',
        'Go through the five kinds of cause one by one before drawing conclusions',
      ],
      [
        '把双方都认同的原因记下来，并标上类别',
        'Write down the causes you both accept, each with its category',
      ],
    ),
    tips: ll(
      ['问题背后往往是几种原因叠在一起。', 'Problems usually have more than one cause.'],
      [
        '可以问：“用 0 到 10 分表示你对这个目标的投入程度，你会打几分？是什么在影响它？”',
        'Try: “From 0 to 10, how committed are you to this goal? What’s pulling that number down?”',
      ],
    ),
    doneWhen: l(
      '至少找到一个双方都认同的原因，并归入了某一类。',
      'At least one cause you both agree on is written down and has a category.',
    ),
    minutes: 10,
  },
  {
    number: 9,
    stage: 'conversation',
    title: l('一起制定改进和发展计划', 'Build the plan together'),
    summary: l(
      '用 GROW 来对话，用 SMART 来落笔：先定两三个关键目标，再把它们变成写下来的具体行动。',
      'Talk it through with GROW and write it down with SMART: agree two or three key goals, then turn them into concrete, written actions.',
    ),
    actions: ll(
      [
        'Goal 目标：定下下一周期最关键的 2–3 个目标',
        'Goal: agree the two or three goals that matter most next cycle',
      ],
      ['Reality 现状：确认现在的差距在哪里', 'Reality: establish where the gap is today'],
      [
        'Options 选项：一起列出可行的办法，比如培训、辅导、调整分工、引入工具',
        'Options: brainstorm ways forward, such as training, coaching, a change in duties or a new tool',
      ],
      [
        'Will 行动：用 SMART 把选定的办法写成行动项，写清谁来做、何时完成、怎么算完成',
        'Will: turn the chosen options into SMART action items with an owner, a due date and a measure',
      ],
    ),
    tips: ll(
      [
        '不写“加强沟通”，而写“每周一给项目组发进度邮件，周三前逐个电话确认风险”。',
        'Not “communicate better”, but “send the project team a progress email every Monday and call each person about risks by Wednesday”.',
      ],
      [
        '你答应提供的支持也要写成行动项，负责人是你自己。',
        'Support you promise is an action item too, and you are its owner.',
      ],
    ),
    doneWhen: l(
      '每个行动项都有负责人、截止日期和衡量方式。',
      'Every action item has an owner, a due date and a measure.',
    ),
    minutes: 12,
  },
  {
    number: 10,
    stage: 'conversation',
    title: l('总结共识，确认承诺', 'Recap and commit'),
    summary: l(
      '请员工用自己的话复述今天的共识和接下来要做的事，最后表达你的信任和支持。',
      'Ask them to sum up, in their own words, what you agreed and what they’ll do next. Close with trust and support.',
    ),
    actions: ll(
      [
        '请对方总结：“今天我们在哪些地方达成了共识？接下来你准备做的三件事是什么？”',
        'Ask them to sum up: “What did we agree today, and what are the three things you’ll do next?”',
      ],
      ['补上或纠正复述里遗漏的地方', 'Fill in or correct anything missing from the recap'],
      [
        '真诚地肯定 TA 的优势和努力，并说清你会怎么支持',
        'Sincerely recognise their strengths and effort, and say how you’ll support them',
      ],
    ),
    tips: ll(
      ['复述既能检查理解，也能加深承诺。', 'A recap checks understanding and strengthens commitment.'],
      [
        '哪怕谈话内容有些沉重，也尽量让对方带着希望离开。',
        'Even after a hard conversation, let them leave with some hope.',
      ],
    ),
    doneWhen: l(
      '员工复述了共识和行动项，你确认无误。',
      'They’ve recapped the agreement and the actions, and you’ve confirmed it’s right.',
    ),
    minutes: 5,
  },
];
