/** Stage three, after the conversation: steps 11–12. */
import type { GuidePack } from '../schema';
import { l, ll } from './build';

export const followUpSteps: GuidePack['steps'] = [
  {
    number: 11,
    stage: 'followUp',
    title: l('24 小时内记录要点', 'Record within 24 hours'),
    summary: l(
      '趁记忆还新鲜，把共识、行动项和你答应的支持整理成一份简短纪要。',
      'While it’s fresh, turn the agreements, the action items and the support you promised into a short record.',
    ),
    actions: ll(
      [
        '24 小时内写好纪要：关键共识、改进行动、你承诺的支持',
        'Within 24 hours, write a short record: key agreements, improvement actions, the support you promised',
      ],
      [
        '每个行动项都写清：做什么、谁负责、何时完成、怎么算完成',
        'For each action item, note what, who, by when, and how it will be judged',
      ],
      [
        '存到双方都找得到的地方，并发给对方确认',
        'Keep it where you can both find it, and send it to them to confirm',
      ],
    ),
    tips: ll(
      [
        '纪要是对员工负责，也是对将来的自己负责。',
        'A record keeps your word to them, and saves your future self.',
      ],
      ['没有记录，下次就谈不上复盘。', 'Without a record, there is nothing to look back on next time.'],
    ),
    doneWhen: l(
      '面谈结束后 24 小时内写好纪要，每个行动项都有负责人、截止日期和衡量方式。',
      'The record is written within 24 hours of the talk, and every action item has an owner, a due date and a measure.',
    ),
  },
  {
    number: 12,
    stage: 'followUp',
    title: l('持续跟进，阶段复盘', 'Follow up and review'),
    summary: l(
      '在日常一对一里回到这些行动项：问进展、给帮助、按需调整。面谈后 1–2 周，请对方填一份简短问卷。',
      'Come back to the action items in your regular 1:1s: ask how they’re going, offer help, adjust when needed. One to two weeks after the talk, ask for a short survey.',
    ),
    actions: ll(
      ['每次一对一都问一句：“这件事进展到哪一步了？”', 'In each 1:1, ask: “Where has this got to?”'],
      [
        '再问：“有什么困难需要我帮忙？”并兑现你答应的支持',
        'Ask: “What’s getting in the way, and how can I help?” Then deliver the support you promised',
      ],
      [
        '情况变了就及时调整计划，别等到期末才发现全落空',
        'Adjust the plan as things change, rather than finding out at year-end that it all fell through',
      ],
      [
        '面谈后 1–2 周发出简短问卷，了解对方的感受',
        'One to two weeks after the talk, send the short survey about how it went',
      ],
    ),
    tips: ll(
      [
        '跟进成了习惯，面谈的效果才会真正体现在绩效上。',
        'Once follow-up is a habit, your conversations start to show in results.',
      ],
      [
        '答应的支持没兑现，下次再定什么计划都很难让人相信。',
        'A support promise left undone makes every future plan harder to believe.',
      ],
    ),
    doneWhen: l(
      '每个行动项都在一对一里跟进过，问卷已经发出。',
      'Every action item has come up in a 1:1, and the survey has been sent.',
    ),
  },
];
