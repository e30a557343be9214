/** The three kinds of conversation across a cycle, and the three stages of each conversation. */
import type { GuidePack } from '../schema';
import { l, ll } from './build';

export const kinds: GuidePack['kinds'] = [
  {
    id: 'plan',
    name: l('绩效计划面谈', 'Planning conversation'),
    purpose: l(
      '周期一开始就把目标对齐：要做什么、做到什么程度、为什么重要。',
      'Agree at the start of the cycle on what matters, what good looks like, and why.',
    ),
    timing: l('周期开始时', 'At the start of the cycle'),
    focus: ll(
      ['确认关键目标，以及每个目标怎么衡量', 'Confirm the key goals and how each one will be measured'],
      [
        '讲清权重和评价逻辑，让对方分得清主次',
        'Explain the weighting and how results will be judged, so priorities are clear',
      ],
      ['约好周期中多久沟通一次', 'Agree how often you will check in during the cycle'],
    ),
  },
  {
    id: 'coaching',
    name: l('绩效辅导面谈', 'Coaching check-in'),
    purpose: l(
      '周期过半时看进展、找偏差：做得好的及时肯定，有问题的马上调整，别把账都攒到期末。',
      'Mid-cycle: look at progress and catch drift early. Recognise what works and fix what doesn’t, instead of saving it all for the year-end.',
    ),
    timing: l('周期中途', 'Mid-cycle'),
    focus: ll(
      ['回顾阶段进展，找出风险和偏差', 'Review progress so far and spot risks and drift'],
      ['做得好的当场肯定，有问题的当场纠偏', 'Recognise good work now and correct course now'],
      [
        '聊聊资源和跨部门协作，让对方知道不是一个人在扛',
        'Talk about resources and help from other teams, so they know they are not on their own',
      ],
    ),
  },
  {
    id: 'review',
    name: l('绩效总结面谈', 'Review conversation'),
    purpose: l(
      '周期结束时讲清结果和依据，一起复盘得失，再定下一个周期的改进和发展计划。',
      'At the end of the cycle: explain the result and the evidence behind it, learn from what went well and badly, and set the plan for the next cycle.',
    ),
    timing: l('周期结束时', 'At the end of the cycle'),
    focus: ll(
      ['说明结果背后的事实和评价逻辑', 'Show the facts and the reasoning behind the result'],
      ['一起总结成功的经验和失败的教训', 'Draw out lessons from successes and setbacks together'],
      ['制定下一周期的改进和发展计划', 'Set the improvement and development plan for the next cycle'],
    ),
  },
];

export const stages: GuidePack['stages'] = [
  {
    id: 'prepare',
    name: l('面谈前：准备', 'Before: prepare'),
    steps: [1, 2, 3, 4],
    summary: l(
      '不做准备就去面谈，等于在冒险。先想清目标，备好事实，列好提纲，约好时间。',
      'Walking in unprepared is a risk. Settle the goal, gather the facts, outline the talk and book the time.',
    ),
  },
  {
    id: 'conversation',
    name: l('面谈中：对话', 'During: talk'),
    steps: [5, 6, 7, 8, 9, 10],
    summary: l(
      '有了结构，才能既有温度又有力度：先建立信任，先听后说，就事论事，一起找原因，一起定计划，最后确认共识。',
      'Structure lets you be both kind and clear: build trust, listen first, stick to facts, find causes together, plan together, and confirm what you agreed.',
    ),
  },
  {
    id: 'followUp',
    name: l('面谈后：跟进', 'After: follow up'),
    steps: [11, 12],
    summary: l(
      '谈得再好，没人跟进也会落空。24 小时内写下来，在日常一对一里盯住每个行动项。',
      'Even a good talk fades without follow-up. Write it down within 24 hours and keep every action item alive in your 1:1s.',
    ),
  },
];
