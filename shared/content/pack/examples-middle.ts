/** Conversation examples for steps 7 (fact-based feedback) and 8 (causes together). */
import type { GuidePack } from '../schema';
import { allTypes, l } from './build';

export const middleExamples: GuidePack['examples'] = [
  // Step 7: fact-based feedback.
  {
    id: 's7-sbi-praise',
    step: 7,
    types: allTypes(),
    title: l('用 SBI 给出具体的肯定', 'Specific praise with SBI'),
    text: l(
      '“上周五给客户演示的时候，你提前准备了三套方案，还主动回答了技术问题，客户当场就确认了下一阶段的合作。”',
      '“At last Friday’s client demo, you came with three options and took the technical questions yourself, and the client signed off the next phase on the spot.”',
    ),
    why: l(
      '情境、行为、影响都说清楚，肯定才有分量，对方也知道该继续做什么。',
      'With situation, behaviour and impact spelled out, praise carries weight, and they know what to keep doing.',
    ),
  },
  {
    id: 's7-best-improve',
    step: 7,
    types: allTypes(),
    title: l('用 BEST 讲需要改进的地方', 'Improvement feedback with BEST'),
    text: l(
      '“测试阶段之后，有三天进度没按约定更新，风险也没提前报，结果客户最后一周很紧张，团队只能加班补。下次测试数据迟迟出不来的时候，能不能提前一两天告诉我？我们一起想办法调人。”',
      '“After testing, progress wasn’t updated for three days as we agreed, and the risk wasn’t flagged, so the client was anxious in the final week and the team had to work late. Next time test data is running late, could you tell me a day or two early? Then we can work out together how to bring in help.”',
    ),
    why: l(
      '只谈行为和影响，不评价人，再给出下一步，对方更容易听进去。',
      'Talking about behaviour and effect rather than the person, then offering a next step, makes it easier to take in.',
    ),
  },
  {
    id: 's7-hard-news',
    step: 7,
    types: allTypes(),
    title: l('结果不好时，先接住情绪', 'When the news is hard, acknowledge the feeling'),
    text: l(
      '“我能理解你现在有点不舒服，这很正常。我们不急，先一起把事实和经过再过一遍，好吗？”',
      '“I can see this is hard to hear, and that’s completely understandable. There’s no rush. Shall we go through the facts and what happened together first?”',
    ),
    why: l(
      '先处理情绪，再处理内容。对方缓过来了，才听得进后面的话。',
      'Feelings before content: once they’ve had a moment, they can actually hear what comes next.',
    ),
  },
  {
    id: 's7-mature',
    step: 7,
    types: ['mature'],
    title: l('给往上走的反馈', 'Feedback for the next level'),
    text: l(
      '“这个项目你带得很稳，客户评价也很高。要更上一层楼的话，我觉得下一步可以多把方案背后的思路讲给新人听，让团队跟着你一起成长。”',
      '“You led this project steadily and the client rated it highly. To go further, I think the next step is walking newer colleagues through the thinking behind your plans, so the team grows with you.”',
    ),
    why: l(
      '成熟型员工同样需要反馈，重点是指出“下一层”在哪里，而不是挑毛病。',
      'Strong performers need feedback too; the point is to show where the next level is, not to find faults.',
    ),
  },
  {
    id: 's7-wavering',
    step: 7,
    types: ['wavering'],
    title: l('肯定贡献，点出变化', 'Recognise the contribution, name the change'),
    text: l(
      '“这个周期你的结果依然很好，这一点我很清楚。我也注意到，最近两次周会你都没怎么发言，以前你总是第一个提想法的。我有点担心，想听听是怎么回事。”',
      '“Your results this cycle are still strong, I know that. I’ve also noticed you hardly spoke in the last two team meetings, when you used to be first with ideas. I’m a little concerned, and I’d like to understand what’s going on.”',
    ),
    why: l(
      '只说看到的行为变化，不猜动机，也不贴“闹情绪”的标签，对方才愿意解释。',
      'Describing the change you saw, without guessing motives or calling it moodiness, invites them to explain.',
    ),
  },
  {
    id: 's7-confused',
    step: 7,
    types: ['confused'],
    title: l('把标准讲具体', 'Make the standard concrete'),
    text: l(
      '“这份方案的问题主要在数据上：三个结论里有两个没有数据支撑。合格的方案，每个结论后面都要附上来源。下次我们可以先一起过一遍框架。”',
      '“The main issue with this proposal is the data: two of the three conclusions have nothing behind them. A proposal that meets the bar gives a source for every conclusion. Next time, let’s go through the outline together first.”',
    ),
    why: l(
      '迷茫型员工需要知道“好”具体长什么样，光说“不够好”帮不上忙。',
      'Someone who feels unsure needs to see what good looks like; “not good enough” on its own doesn’t help.',
    ),
  },
  {
    id: 's7-disengaged',
    step: 7,
    types: ['disengaged'],
    title: l('让事实说话，不争论', 'Let the facts speak'),
    text: l(
      '“这个季度约定的五个交付，按时完成的只有一个；另外有三次客户投诉都跟回复不及时有关。这些是记录里的事实，我们先在这一点上对齐。”',
      '“Of the five deliveries we agreed this quarter, one was on time, and three customer complaints were about slow replies. Those are the facts on record, so let’s first agree on them.”',
    ),
    why: l(
      '面对习惯推诿的员工，让数据和记录当“第三方裁判”，避免陷入谁对谁错的争论。',
      'With someone who deflects, data and records act as the referee, so the talk doesn’t become a battle over who is right.',
    ),
  },

  // Step 8: causes together.
  {
    id: 's8-biggest-difficulty',
    step: 8,
    types: allTypes(),
    title: l('先问最大的难点', 'Start with the hardest part'),
    text: l('“你觉得这件事最大的困难出在哪里？”', '“Where do you think the biggest difficulty was?”'),
    why: l(
      '用开放式问题让对方先说原因，往往比你猜的更接近真相。',
      'An open question lets them name the cause first, and they’re often closer to it than your guess.',
    ),
  },
  {
    id: 's8-commitment-scale',
    step: 8,
    types: allTypes(),
    title: l('用 0–10 分聊投入度', 'Use a 0–10 scale for commitment'),
    text: l(
      '“如果用 0 到 10 分表示你对这个目标的投入程度，你会打几分？是什么让它没有更高？”',
      '“On a scale of 0 to 10, how committed are you to this goal? What’s keeping it from being higher?”',
    ),
    why: l(
      '打分让意愿问题变得好开口，追问“为什么不更高”能找到真正的阻碍。',
      'A number makes motivation easier to talk about, and asking what keeps it from being higher finds the real blocker.',
    ),
  },
  {
    id: 's8-mature',
    step: 8,
    types: ['mature'],
    title: l('找出限制 TA 的因素', 'Find what holds them back'),
    text: l(
      '“以你的能力，想再上一个台阶，你觉得现在最限制你的是什么？是资源、权限，还是别的？”',
      '“Given what you can do, what’s holding you back most from the next step? Resources, authority, something else?”',
    ),
    why: l(
      '成熟型员工的瓶颈常常在资源和授权上，而不在能力上。',
      'For strong performers the bottleneck is usually resources or authority, not ability.',
    ),
  },
  {
    id: 's8-wavering',
    step: 8,
    types: ['wavering'],
    title: l('弄清意愿为什么变了', 'Explore why their drive changed'),
    text: l(
      '“我想弄明白，是工作内容、评价方式，还是团队里的什么事，让你最近没那么有劲了？说什么都可以，我不会往心里去。”',
      '“I’d like to understand: is it the work itself, how it’s judged, or something in the team that has taken the energy out of it lately? Say whatever is true. I won’t take it personally.”',
    ),
    why: l(
      '挑战型员工的原因多半在意愿和公平感上，给足安全感，才能听到真正的原因。',
      'When drive is wavering, the cause usually lies in motivation or fairness, and you only hear it when it feels safe to say.',
    ),
  },
  {
    id: 's8-confused',
    step: 8,
    types: ['confused'],
    title: l('分清“不知道”和“不会做”', 'Separate “didn’t know” from “couldn’t do”'),
    text: l(
      '“我们拆开来看：是不太清楚要做到什么标准，还是清楚标准、但不确定该怎么做？还是中间缺了人手或资源？”',
      '“Let’s pull it apart: was it unclear what standard to reach, or was the standard clear but not how to get there? Or was there a gap in people or resources?”',
    ),
    why: l(
      '迷茫型员工的原因多在认知和能力上，分清是哪一种，辅导才能对症。',
      'For someone who feels lost, the cause is usually understanding or skill. Knowing which one lets you help in the right way.',
    ),
  },
  {
    id: 's8-disengaged',
    step: 8,
    types: ['disengaged'],
    title: l('聚焦 TA 自己能改变的部分', 'Focus on what they can change'),
    text: l(
      '“客观原因我们刚才都列出来了。除了这些，在你自己能控制的范围里，哪些地方本来可以做得不一样？”',
      '“We’ve listed the outside factors. Beyond those, within what you control, what could you have done differently?”',
    ),
    why: l(
      '承认客观因素，同时把焦点拉回个人的责任，原因分析才不会变成互相推卸。',
      'Acknowledging outside factors while bringing the focus back to their own part keeps the analysis from turning into blame-shifting.',
    ),
  },
];
