/** The tools the steps use: the four pieces (step 3), causes (step 8), SBI / BEST (step 7), GROW and SMART (step 9). */
import type { GuidePack } from '../schema';
import { l, ll } from './build';

export const agendaPieces: GuidePack['agendaPieces'] = [
  {
    id: 'strengths',
    name: l('亮点和优势', 'Strengths'),
    prompt: l('这个周期哪些地方做得好？亮点是什么？', 'What went well this cycle, and what stood out?'),
    questions: ll(
      ['这个周期你最自豪的三件事是什么？', 'What are the three things you’re proudest of this cycle?'],
      ['哪件事让你觉得自己成长最多？', 'Which piece of work made you grow the most?'],
    ),
  },
  {
    id: 'gaps',
    name: l('差距和改进点', 'Gaps'),
    prompt: l('哪些目标没达到？哪里还需要改进？', 'Which goals were missed, and what needs to improve?'),
    questions: ll(
      ['哪些目标没有达成？你怎么看？', 'Which goals didn’t you reach, and how do you see that?'],
      ['如果重来一次，你会做出哪些不同的选择？', 'If you could do it again, what would you do differently?'],
    ),
  },
  {
    id: 'causes',
    name: l('背后的原因', 'Causes'),
    prompt: l(
      '差距背后是什么原因：认知、能力、资源、意愿，还是协作？',
      'What lies behind the gaps: understanding, skill, resources, motivation or collaboration?',
    ),
    questions: ll(
      ['你觉得最大的困难出在哪里？', 'Where do you think the biggest difficulty was?'],
      [
        '当时缺了什么？如果有了，结果会不一样吗？',
        'What were you missing at the time that would have made a difference?',
      ],
    ),
  },
  {
    id: 'nextGoals',
    name: l('下一步目标和支持', 'Next goals and support'),
    prompt: l(
      '下一周期的目标和计划是什么？我能提供哪些支持？',
      'What are the goals and the plan for next cycle, and what support can I give?',
    ),
    questions: ll(
      ['下一阶段你希望在哪些方面有突破？', 'Where do you want to make a breakthrough next?'],
      ['要做到这些，你最需要我帮什么忙？', 'What do you most need from me to get there?'],
    ),
  },
];

export const causeCategories: GuidePack['causeCategories'] = [
  {
    id: 'understanding',
    name: l('认知', 'Understanding'),
    description: l(
      '不清楚标准是什么，或者对优先级的理解有偏差。',
      'Unclear on what good looks like, or working to the wrong priorities.',
    ),
    probingQuestions: ll(
      ['你理解的“做好”是什么样子？', 'What does “done well” look like to you here?'],
      ['当时这几件事，你是怎么排先后的？', 'How did you decide what came first?'],
    ),
  },
  {
    id: 'skill',
    name: l('能力', 'Skill'),
    description: l(
      '缺少某项技能或方法，还不知道该怎么做。',
      'Missing a skill or a method; not yet sure how to do it.',
    ),
    probingQuestions: ll(
      ['这项工作里，哪一部分你最没把握？', 'Which part of this work are you least sure about?'],
      [
        '如果有人带你做一遍，你最想学的是哪一块？',
        'If someone walked you through it once, which part would help most?',
      ],
    ),
  },
  {
    id: 'resources',
    name: l('资源和流程', 'Resources and process'),
    description: l(
      '人手不够、上游延误、系统不好用，被客观条件卡住了。',
      'Held back by conditions: too few people, upstream delays, tools that get in the way.',
    ),
    probingQuestions: ll(
      ['有哪些事你控制不了，却卡住了进度？', 'What was outside your control that held things up?'],
      ['流程里哪一步最耗时间？', 'Which step in the process costs the most time?'],
    ),
  },
  {
    id: 'motivation',
    name: l('意愿', 'Motivation'),
    description: l(
      '不认同目标、缺少成就感，或者长期觉得自己被忽视。',
      'Not bought into the goal, little sense of achievement, or feeling overlooked for a long time.',
    ),
    probingQuestions: ll(
      [
        '用 0 到 10 分表示你对这个目标的投入程度，你会打几分？',
        'From 0 to 10, how committed are you to this goal?',
      ],
      ['是什么在影响你的投入？', 'What is affecting how much you want to put in?'],
    ),
  },
  {
    id: 'collaboration',
    name: l('协作', 'Collaboration'),
    description: l(
      '和别人配合不顺：职责不清、信息不通，或者跨团队推不动。',
      'Working with others isn’t going smoothly: unclear roles, missing information, or work stuck between teams.',
    ),
    probingQuestions: ll(
      [
        '这件事需要谁配合？配合中卡在了哪里？',
        'Whose help does this need, and where did working together get stuck?',
      ],
      [
        '如果我出面协调，应该找谁、谈什么？',
        'If I stepped in to help, who should I talk to, and about what?',
      ],
    ),
  },
];

export const feedbackModels: GuidePack['feedbackModels'] = {
  sbi: {
    name: l('SBI 模型（情境—行为—影响）', 'SBI (Situation, Behaviour, Impact)'),
    parts: [
      {
        id: 'situation',
        label: l('情境', 'Situation'),
        hint: l('在什么时候、什么场合？', 'When and where did it happen?'),
        placeholder: l('上周五给客户演示 X 项目', 'the client demo of project X last Friday'),
      },
      {
        id: 'behavior',
        label: l('行为', 'Behaviour'),
        hint: l(
          '对方具体做了什么、说了什么？只写看得见、听得到的。',
          'What exactly did they do or say? Only what could be seen or heard.',
        ),
        placeholder: l(
          '你提前准备了三套方案，还主动回答了客户的技术问题',
          'you came with three options and took the client’s technical questions yourself',
        ),
      },
      {
        id: 'impact',
        label: l('影响', 'Impact'),
        hint: l(
          '这对结果、客户或团队带来了什么影响？',
          'What effect did it have on the result, the client or the team?',
        ),
        placeholder: l('客户当场确认了下一阶段的合作', 'the client agreed the next phase on the spot'),
      },
    ],
    template: l(
      '在{situation}时，我注意到{behavior}。带来的影响是：{impact}。',
      'At {situation}, I noticed that {behavior}. The impact was that {impact}.',
    ),
  },
  best: {
    name: l('BEST 反馈法（行为—影响—建议—明天）', 'BEST (Behaviour, Effect, Suggestion, Tomorrow)'),
    parts: [
      {
        id: 'behavior',
        label: l('行为', 'Behaviour'),
        hint: l(
          '描述具体的行为，不给人下定性。',
          'Describe the specific behaviour, without judging the person.',
        ),
        placeholder: l(
          '测试阶段之后，你连续三天没有按约定更新进度，也没有提前报风险',
          'after testing, progress wasn’t updated for three days as agreed and no risk was flagged',
        ),
      },
      {
        id: 'effect',
        label: l('影响', 'Effect'),
        hint: l('它对结果或其他人造成了什么影响？', 'What did it do to the result, or to other people?'),
        placeholder: l(
          '客户在最后一周非常紧张，团队也只能被动加班',
          'the client was anxious in the final week and the team had to work late to catch up',
        ),
      },
      {
        id: 'suggestion',
        label: l('建议', 'Suggestion'),
        hint: l('下次怎样做会更好？', 'What would work better next time?'),
        placeholder: l(
          '发现测试数据迟迟出不来时，提前一两天告诉我',
          'when test data is running late, tell me a day or two early',
        ),
      },
      {
        id: 'tomorrow',
        label: l('明天', 'Tomorrow'),
        hint: l('约定接下来具体怎么试。', 'Agree what you’ll try next, concretely.'),
        placeholder: l('我们一起想办法调配人手', 'we’ll work out together how to bring in help'),
      },
    ],
    template: l(
      '我注意到{behavior}，结果{effect}。我的建议是：{suggestion}。接下来，{tomorrow}。',
      'I noticed that {behavior}, and as a result {effect}. My suggestion: {suggestion}. Going forward, {tomorrow}.',
    ),
  },
};

export const grow: GuidePack['grow'] = [
  {
    id: 'goal',
    name: l('目标', 'Goal'),
    questions: ll(
      [
        '下个周期，最重要的两三个目标是什么？',
        'What are the two or three goals that matter most next cycle?',
      ],
      ['做到什么程度，你会觉得这个周期很成功？', 'What would make you call next cycle a real success?'],
    ),
  },
  {
    id: 'reality',
    name: l('现状', 'Reality'),
    questions: ll(
      ['现在离这个目标还差在哪里？', 'How far are you from that goal today, and where is the gap?'],
      ['哪些做法已经在起作用，哪些在拖后腿？', 'What is already working, and what is holding you back?'],
    ),
  },
  {
    id: 'options',
    name: l('选项', 'Options'),
    questions: ll(
      ['有哪几种办法可以缩小这个差距？', 'What are a few ways to close the gap?'],
      [
        '培训、辅导、调整分工、引入工具，哪种最有帮助？',
        'Would training, coaching, a change in duties or a new tool help most?',
      ],
    ),
  },
  {
    id: 'will',
    name: l('意愿与行动', 'Will'),
    questions: ll(
      ['你决定先做哪一件？什么时候开始？', 'Which one will you do first, and when will you start?'],
      [
        '我们怎么判断它做到了？你需要我提供什么支持？',
        'How will we know it’s done, and what do you need from me?',
      ],
    ),
  },
];

export const smart: GuidePack['smart'] = [
  {
    id: 'specific',
    name: l('具体', 'Specific'),
    hint: l(
      '写清楚要做什么，别用“加强”“提升”这类空泛的词。',
      'Say exactly what will be done; avoid vague words like “improve” or “strengthen”.',
    ),
  },
  {
    id: 'measurable',
    name: l('可衡量', 'Measurable'),
    hint: l(
      '写明怎么判断做到了：一个数字、一份产出，或者看得见的结果。',
      'Say how you’ll know it’s done: a number, a deliverable or a visible result.',
    ),
  },
  {
    id: 'achievable',
    name: l('可实现', 'Achievable'),
    hint: l(
      '有挑战，但在现有的时间和资源下够得着。',
      'A stretch, but within reach with the time and resources available.',
    ),
  },
  {
    id: 'relevant',
    name: l('相关', 'Relevant'),
    hint: l('和下一周期的关键目标直接挂钩。', 'Tied directly to the key goals for next cycle.'),
  },
  {
    id: 'timeBound',
    name: l('有时限', 'Time-bound'),
    hint: l('有明确的截止日期或检查点。', 'Has a clear due date or checkpoint.'),
  },
];
