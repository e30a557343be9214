/** Conversation examples for steps 5 (opening) and 6 (self-assessment first). */
import type { GuidePack } from '../schema';
import { allTypes, l } from './build';

export const openingExamples: GuidePack['examples'] = [
  // Step 5: open and build trust.
  {
    id: 's5-purpose',
    step: 5,
    types: allTypes(),
    title: l('说明这次谈话为了什么', 'Say what the talk is for'),
    text: l(
      '“今天想和你一起回顾这个周期的成绩和挑战，更重要的是看看接下来我们怎么一起做得更好。不是来挑毛病的，你可以放松一点。”',
      '“I’d like us to look back at this cycle’s wins and challenges and, above all, work out how we can do even better together next. I’m not here to pick faults, so feel free to relax.”',
    ),
    why: l(
      '一开始就讲清是为了发展，对方才不会把这次谈话当成宣判。',
      'Making the purpose about growth from the start keeps it from feeling like a verdict.',
    ),
  },
  {
    id: 's5-thanks',
    step: 5,
    types: allTypes(),
    title: l('从一件具体的事开始感谢', 'Start with specific thanks'),
    text: l(
      '“开始之前先谢谢你，三月份交接那摊事是你主动接下来的，那段时间真帮团队扛了不少。”',
      '“Before we start, thank you for taking on the handover in March without being asked. It carried the team through a tough stretch.”',
    ),
    why: l(
      '具体的感谢比泛泛的客套更能拉近距离。',
      'Specific thanks builds closeness far better than general pleasantries.',
    ),
  },
  {
    id: 's5-mature',
    step: 5,
    types: ['mature'],
    title: l('把重心放在未来', 'Point to the future'),
    text: l(
      '“你这个周期的成绩我都看到了。回顾的部分我们快一点，把更多时间留给你下一步想挑战什么。”',
      '“I’ve seen your results this cycle, so let’s keep the look-back brief and spend most of our time on what you want to take on next.”',
    ),
    why: l(
      '对成熟型员工，回顾从简、重在发展，TA 才不会觉得又是走流程。',
      'With a strong performer, a short look back and a long look ahead keeps the talk from feeling like box-ticking.',
    ),
  },
  {
    id: 's5-wavering',
    step: 5,
    types: ['wavering'],
    title: l('先给 TA 说话的空间', 'Make room to talk'),
    text: l(
      '“你一直是团队里靠得住的人。今天我不急着谈结果，想先听听你最近的状态，有什么想法都可以直说。”',
      '“You’ve always been someone the team can rely on. I’m in no hurry to get to results today. First I’d like to hear how things are going for you, whatever is on your mind.”',
    ),
    why: l(
      '意愿在波动的人，心里往往有话。先给空间，后面的谈话才会真诚。',
      'When drive is slipping there is usually something unsaid. Making room first keeps the rest of the talk honest.',
    ),
  },
  {
    id: 's5-confused',
    step: 5,
    types: ['confused'],
    title: l('先给安全感', 'Make it feel safe'),
    text: l(
      '“我知道这个周期有些事不太顺，但你的努力我都看在眼里。今天我们一起理一理，看看下一步怎么走会更顺手。”',
      '“I know some things were hard this cycle, but I’ve seen how much effort you put in. Let’s sort through it together and find a smoother way forward.”',
    ),
    why: l(
      '迷茫型员工容易担心被否定。先肯定态度，TA 才敢把困难说出来。',
      'People who feel unsure fear being written off. Recognising their effort first makes it safe to talk about what’s hard.',
    ),
  },
  {
    id: 's5-disengaged',
    step: 5,
    types: ['disengaged'],
    title: l('平静地把议题摆上桌', 'Put the topic on the table, calmly'),
    text: l(
      '“今天这次谈话比较重要，我想和你坦诚地谈谈这个周期的结果和接下来的要求。我会先讲我看到的事实，也会认真听你的看法。”',
      '“This is an important conversation. I want to talk openly about this cycle’s results and what’s expected from here. I’ll share the facts as I see them, and I’ll listen carefully to your side.”',
    ),
    why: l(
      '冷静直接地点明议题，不绕弯子，同时给对方留出说话的余地。',
      'Naming the topic calmly and directly avoids beating about the bush, while still leaving room for their view.',
    ),
  },

  // Step 6: self-assessment first.
  {
    id: 's6-invite',
    step: 6,
    types: allTypes(),
    title: l('请对方先说', 'Invite them to go first'),
    text: l(
      '“你先从自己的角度说说：这个周期做得最好的是哪几件事？有没有觉得遗憾的地方？”',
      '“Could you start from your side: what went best this cycle, and what do you wish had gone differently?”',
    ),
    why: l(
      '先听后说，既能了解对方怎么看自己，也能降低防御。',
      'Listening first shows you how they see themselves, and lowers their guard.',
    ),
  },
  {
    id: 's6-score',
    step: 6,
    types: allTypes(),
    title: l('请对方给自己打分', 'Ask for a self-score'),
    text: l(
      '“如果给自己这个周期打个分，你会打几分？为什么是这个分数？”',
      '“If you were to score your own cycle, what would you give yourself, and why that number?”',
    ),
    why: l(
      '分数加上理由，最容易看出双方的看法差在哪里。',
      'A score plus the reasons is the quickest way to see where your views part.',
    ),
  },
  {
    id: 's6-mature',
    step: 6,
    types: ['mature'],
    title: l('请 TA 讲讲是怎么做成的', 'Ask how they did it'),
    text: l(
      '“这个周期几件大事你都拿下了。回头看，哪些做法你觉得最值得保留，甚至可以教给别人？”',
      '“You pulled off several big things this cycle. Looking back, which ways of working would you keep, or even teach to others?”',
    ),
    why: l(
      '请成熟型员工总结自己的方法，既是认可，也为 TA 带人、担更大的责任铺了路。',
      'Asking a strong performer to name their methods recognises them, and opens the door to mentoring and bigger roles.',
    ),
  },
  {
    id: 's6-wavering',
    step: 6,
    types: ['wavering'],
    title: l('问感受，不只问结果', 'Ask how it felt, not just how it went'),
    text: l(
      '“结果上你做得不错。除了结果，这个周期你自己感觉怎么样？有没有哪段时间特别累，或者觉得没被认可？”',
      '“Your results were good. Beyond results, how did this cycle feel for you? Was there a stretch that was especially draining, or where you felt unrecognised?”',
    ),
    why: l(
      '挑战型员工的问题常常不在绩效，而在感受。直接问，才有机会听到真话。',
      'For someone whose drive is wavering, the issue is rarely the numbers; it’s how things feel. Asking directly is how you hear the truth.',
    ),
  },
  {
    id: 's6-confused',
    step: 6,
    types: ['confused'],
    title: l('帮 TA 一件件地回顾', 'Help them look back step by step'),
    text: l(
      '“我们一个一个来看：这几个目标里，哪个你最有把握，哪个最没把握？卡住的时候，一般是什么情况？”',
      '“Let’s take them one at a time: which of these goals did you feel surest about, and which least? When you got stuck, what was usually going on?”',
    ),
    why: l(
      '迷茫型员工往往说不清问题在哪。拆到具体目标上聊，线索更容易浮出来。',
      'People who feel lost often can’t say where the problem is. Breaking it down goal by goal brings the clues out.',
    ),
  },
  {
    id: 's6-disengaged',
    step: 6,
    types: ['disengaged'],
    title: l('对照约定的目标自评', 'Measure against the agreed goals'),
    text: l(
      '“年初我们约定了这三个目标。你对照着说说，每一个完成得怎么样？”',
      '“At the start of the year we agreed these three goals. Take me through them: how did each one go?”',
    ),
    why: l(
      '以事先约定的目标为准，自评就不容易变成推诿和辩解。',
      'Anchoring the self-assessment in goals agreed up front keeps it from turning into excuses.',
    ),
  },
];
