/** Conversation examples for steps 9 (plan together) and 10 (recap and commit). */
import type { GuidePack } from '../schema';
import { allTypes, l } from './build';

export const closingExamples: GuidePack['examples'] = [
  // Step 9: build the plan together (GROW, SMART).
  {
    id: 's9-grow',
    step: 9,
    types: allTypes(),
    title: l('用 GROW 一路问到行动', 'Use GROW to get to actions'),
    text: l(
      '“下个周期最重要的两个目标是什么？现在离它们还差多少？有哪些办法？你准备先做哪一件，什么时候开始？”',
      '“What are the two most important goals next cycle? How far off are they now? What are our options? Which one will you do first, and when will you start?”',
    ),
    why: l(
      '按目标、现状、选项、意愿一路问下来，计划是对方自己想出来的，做起来更有劲。',
      'Walking through goal, reality, options and will makes the plan theirs, so it’s far more likely to happen.',
    ),
  },
  {
    id: 's9-smart',
    step: 9,
    types: allTypes(),
    title: l('把空话改成 SMART 行动', 'Turn vague intentions into SMART actions'),
    text: l(
      '“我们把‘加强沟通’写具体一点：每周一给项目组发一封进度邮件，周三前逐个打电话确认风险，月底我们一起看看效果，怎么样？”',
      '“Let’s make ‘communicate better’ concrete: a progress email to the project team every Monday, a call to each person about risks by Wednesday, and we look at how it’s working at the end of the month. How does that sound?”',
    ),
    why: l(
      '具体到做什么、什么时候做、怎么看效果，计划才真正能执行、能跟进。',
      'Spelling out what, when and how it will be judged turns the plan into something you can act on and follow up.',
    ),
  },
  {
    id: 's9-support',
    step: 9,
    types: allTypes(),
    title: l('把你的支持也写成行动项', 'Write your support down too'),
    text: l(
      '“我这边也记一条：这个月底前帮你争取一个培训名额，负责人写我。到时候你可以直接追我。”',
      '“Let me add one for me: I’ll get you a place on the training by the end of this month, with me as the owner. Feel free to chase me on it.”',
    ),
    why: l(
      '管理者的支持承诺写进计划、有人负责、有截止日期，才不会“忙起来就忘了”。',
      'A support commitment with an owner and a due date in the plan doesn’t get lost when things get busy.',
    ),
  },
  {
    id: 's9-mature',
    step: 9,
    types: ['mature'],
    title: l('一起定一个有挑战的目标', 'Co-create a stretch goal'),
    text: l(
      '“下个周期，你愿不愿意牵头新客户的接入流程？决策权交给你，每两周我们碰一次，需要什么资源你直接提。”',
      '“Would you like to lead onboarding for new clients next cycle? The decisions are yours; we’ll meet every two weeks, and just ask for whatever resources you need.”',
    ),
    why: l(
      '给成熟型员工挑战和授权，同时约好沟通节奏，既是激励，也不是放任。',
      'Giving a strong performer a stretch and real authority, with a set rhythm of check-ins, motivates without leaving them alone.',
    ),
  },
  {
    id: 's9-wavering',
    step: 9,
    types: ['wavering'],
    title: l('让 TA 参与决定', 'Let them shape the plan'),
    text: l(
      '“你刚才说想多做些有技术深度的工作。下个周期我们把一部分架构评审交给你，你看怎么安排比较合适？”',
      '“You said you’d like more technically deep work. Next cycle, how about you take on part of the architecture reviews? How would you want to set that up?”',
    ),
    why: l(
      '把 TA 提出的诉求放进计划，细节由 TA 来定，承诺才能重新建立起来。',
      'Building what they asked for into the plan, and letting them set the details, rebuilds commitment.',
    ),
  },
  {
    id: 's9-confused',
    step: 9,
    types: ['confused'],
    title: l('拆成小步，配上辅导', 'Small steps, with support'),
    text: l(
      '“我们先定个小目标：这个月按新模板做完两份方案，每份交出去之前，我们花半小时一起过一遍。做完再看下一步。”',
      '“Let’s start small: this month, finish two proposals using the new template, and before each one goes out we’ll spend half an hour going through it together. Then we’ll decide the next step.”',
    ),
    why: l(
      '小步快走，再加上具体的辅导，能让迷茫型员工尽快尝到把事做成的滋味。',
      'Small steps with hands-on coaching give someone who feels lost an early taste of success.',
    ),
  },
  {
    id: 's9-disengaged',
    step: 9,
    types: ['disengaged'],
    title: l('讲清标准和后果', 'Be clear on the standard and what follows'),
    text: l(
      '“接下来三个月，五个交付里至少四个要按时完成，客户消息一个工作日内回复。每两周我们对一次进度。如果做不到，我们就要认真谈谈这个岗位是否适合你。”',
      '“Over the next three months, at least four of the five deliveries need to be on time, and customer messages need an answer within one working day. We’ll check progress every two weeks. If that isn’t met, we’ll need to talk seriously about whether this role is the right fit.”',
    ),
    why: l(
      '标准、节奏和后果都说在前头，冷静而坚定，省得以后再起争执。',
      'Stating the standard, the rhythm and the consequence up front, calmly and firmly, prevents arguments later.',
    ),
  },

  // Step 10: recap and commit.
  {
    id: 's10-recap',
    step: 10,
    types: allTypes(),
    title: l('请对方复述', 'Ask them to sum up'),
    text: l(
      '“你帮我总结一下：今天我们在哪些地方达成了共识？接下来你准备做的三件事是什么？”',
      '“Could you sum up for me what we agreed today, and the three things you’re going to do next?”',
    ),
    why: l(
      '由对方来复述，既能检查理解，也能加深承诺。',
      'When they do the recap, you check understanding and they strengthen their commitment.',
    ),
  },
  {
    id: 's10-my-part',
    step: 10,
    types: allTypes(),
    title: l('说出你会做什么', 'Say what you’ll do'),
    text: l(
      '“我这边也会做两件事：下周之前帮你约好和采购的会，月底之前把培训名额定下来。你不是一个人在做这件事。”',
      '“I’ll do two things on my side: set up the meeting with procurement before next week, and confirm your training place by the end of the month. You’re not doing this alone.”',
    ),
    why: l(
      '把你的支持说具体、说出口，对方才会相信这次的计划是认真的。',
      'Making your support specific and saying it out loud shows the plan is meant seriously.',
    ),
  },
  {
    id: 's10-mature',
    step: 10,
    types: ['mature'],
    title: l('表达信任和期待', 'Show trust and expectation'),
    text: l(
      '“这些目标挑战不小，但我相信你能做到。有任何需要我出面的地方，随时找我。”',
      '“These goals are a real stretch, but I’m confident you can do it. Anything you need me to step in on, just ask.”',
    ),
    why: l(
      '对成熟型员工来说，信任本身就是最好的激励。',
      'For a strong performer, trust is itself the best motivator.',
    ),
  },
  {
    id: 's10-wavering',
    step: 10,
    types: ['wavering'],
    title: l('确认 TA 是真的认同', 'Check they really agree'),
    text: l(
      '“今天谈了不少。对这个安排，你心里是真的认同，还是还有顾虑？有顾虑现在说出来，比之后憋着好。”',
      '“We’ve covered a lot. Do you genuinely agree with this plan, or is something still bothering you? Better to say it now than to carry it around.”',
    ),
    why: l(
      '挑战型员工容易嘴上同意、心里保留，专门问一句，才能确认是真的共识。',
      'When drive is wavering, people may agree out loud and hold back inside. Asking directly confirms the agreement is real.',
    ),
  },
  {
    id: 's10-confused',
    step: 10,
    types: ['confused'],
    title: l('带着方向和希望离开', 'Leave with direction and hope'),
    text: l(
      '“你今天把问题想得很清楚。按我们定的这几步走，下个周期一定会不一样。遇到卡住的地方别等，直接来找我。”',
      '“You thought this through really well today. If we follow these steps, next cycle will look different. If you get stuck, don’t wait: come and find me.”',
    ),
    why: l(
      '让迷茫型员工带着清楚的方向和信心离开，比再多提一条缺点有用得多。',
      'Sending someone who feels lost away with a clear direction and some confidence is worth more than one more point to fix.',
    ),
  },
  {
    id: 's10-disengaged',
    step: 10,
    types: ['disengaged'],
    title: l('书面确认标准和后果', 'Confirm the standard in writing'),
    text: l(
      '“今天约定的目标、检查时间和后果，我都会写进纪要，今天发给你确认。如果你有不同意见，也请在回复里写清楚。”',
      '“I’ll put today’s goals, check-in dates and consequences in the notes and send them to you today to confirm. If you see anything differently, please say so in your reply.”',
    ),
    why: l(
      '对习惯推诿的员工，书面确认能避免事后各说各话，也给了对方正式提出异议的渠道。',
      'With someone who deflects, written confirmation stops the story changing later, and gives them a proper way to disagree.',
    ),
  },
];
