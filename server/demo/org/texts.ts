/** Names and the zh/en phrases of the synthetic organisation's talks, items and survey comments. */

export const SURNAMES: [string, string][] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['高', 'gao'],
  ['罗', 'luo'],
];
export const GIVEN: [string, string][] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['磊', 'lei'],
  ['洋', 'yang'],
  ['艳', 'yan'],
  ['勇', 'yong'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['慧', 'hui'],
  ['建国', 'jianguo'],
  ['欣怡', 'xinyi'],
  ['子涵', 'zihan'],
  ['浩然', 'haoran'],
  ['雨桐', 'yutong'],
  ['梓轩', 'zixuan'],
  ['思远', 'siyuan'],
  ['晓东', 'xiaodong'],
  ['佳琪', 'jiaqi'],
];
export const FIRST = [
  'Alice',
  'Ben',
  'Chloe',
  'Daniel',
  'Emma',
  'Felix',
  'Grace',
  'Henry',
  'Isla',
  'Jack',
  'Kate',
  'Leo',
  'Maya',
  'Noah',
  'Olivia',
  'Sam',
];
export const LAST = [
  'Chen',
  'Smith',
  'Wong',
  'Taylor',
  'Lee',
  'Brown',
  'Tan',
  'Lim',
  'Walker',
  'Ng',
  'Garcia',
  'Khan',
];

export type Lang = 'zh' | 'en';
export type Texts = Record<Lang, readonly string[]>;

export const GOALS: Record<'plan' | 'coaching' | 'review', Texts> = {
  plan: {
    zh: ['对齐本周期的三个关键目标', '明确季度目标和衡量方式', '定下本周期的重点和支持'],
    en: ['Agree the three key goals for the cycle', 'Set quarterly goals and how they are judged'],
  },
  coaching: {
    zh: ['回顾进展，解决卡点', '看看计划执行得怎么样', '聚焦沟通协作上的改进'],
    en: ['Review progress and clear blockers', 'Check the plan is on track'],
  },
  review: {
    zh: ['回顾本周期绩效，对齐评价', '总结成果与差距，定下一步'],
    en: ['Review the cycle and agree the rating', 'Look back on results and gaps, plan the next step'],
  },
};
export const QUESTIONS: Texts = {
  zh: ['你觉得这个周期最有成就感的是什么？', '哪件事如果重来你会换个做法？', '你需要我提供什么支持？'],
  en: ['What are you proudest of this cycle?', 'What would you do differently?', 'What support do you need?'],
};
export const STRENGTHS: Texts = {
  zh: ['按时交付核心项目，文档清晰', '客户反馈积极，主动跟进', '跨团队协作顺畅'],
  en: ['Shipped the core project on time', 'Customers praise the follow-up', 'Works well across teams'],
};
export const GAPS: Texts = {
  zh: ['估算偏乐观，延期两次', '复盘不够及时', '对新人辅导不足'],
  en: ['Estimates ran optimistic twice', 'Retrospectives come late', 'Little time spent on onboarding'],
};
export const EMPLOYEE_ITEMS: { zh: [string, string]; en: [string, string] }[] = [
  {
    zh: ['完成架构评审文档', '评审通过并归档'],
    en: ['Write the architecture review', 'Review passed and filed'],
  },
  {
    zh: ['每周一次客户回访', '回访记录 ≥ 4 条/月'],
    en: ['Call one key account a week', '≥ 4 call notes a month'],
  },
  {
    zh: ['把估算误差降到 20% 以内', '迭代复盘数据'],
    en: ['Bring estimates within 20%', 'Sprint review figures'],
  },
  {
    zh: ['带一位新人完成入职', '新人独立提交第一个需求'],
    en: ['Onboard one new hire', 'New hire ships a first change'],
  },
  {
    zh: ['完成数据分析课程', '课程证书和一次分享'],
    en: ['Finish the data analysis course', 'Certificate and a talk'],
  },
];
export const SUPPORT_ITEMS: { zh: [string, string]; en: [string, string] }[] = [
  {
    zh: ['安排一次外部培训', '培训已报名并参加'],
    en: ['Book an external training', 'Enrolled and attended'],
  },
  {
    zh: ['每两周一次 1:1 辅导', '日历上的 1:1 记录'],
    en: ['Coach 1:1 every two weeks', '1:1s held per calendar'],
  },
  { zh: ['争取测试环境资源', '资源到位'], en: ['Get the test environment budget', 'Environment available'] },
];
export const COMMENTS: Record<'happy' | 'mixed' | 'unhappy', Texts> = {
  happy: {
    zh: [
      '谈得很具体，知道下一步该做什么了',
      '经理先听我说，感觉被尊重',
      '计划很清楚，支持也到位',
      '第一次觉得绩效面谈有用',
    ],
    en: ['Very concrete, I know what to do next', 'My manager listened first', 'Clear plan and real support'],
  },
  mixed: {
    zh: ['整体还行，但时间有点赶', '目标清楚了，支持还不确定', '希望多一些具体的例子'],
    en: [
      'Fine overall but a bit rushed',
      'Goals are clear, support less so',
      'More concrete examples would help',
    ],
  },
  unhappy: {
    zh: [
      '十五分钟就结束了，像走过场',
      '只谈了问题，没有谈我做好的部分',
      '评价和我的自评差距很大，没解释清楚',
    ],
    en: [
      'Over in fifteen minutes, felt like a formality',
      'Only my faults came up',
      'The rating was never explained',
    ],
  },
};
export const CAUSES: Record<Lang, { category: 'skill' | 'resources' | 'understanding'; text: string }>[] = [
  {
    zh: { category: 'skill', text: '估算方法还不熟练' },
    en: { category: 'skill', text: 'Estimating is still new' },
  },
  {
    zh: { category: 'resources', text: '测试环境经常排队' },
    en: { category: 'resources', text: 'Test environments are scarce' },
  },
  {
    zh: { category: 'understanding', text: '对优先级的理解不一致' },
    en: { category: 'understanding', text: 'Priorities were read differently' },
  },
];
export const PRIVATE_NOTES: Texts = {
  zh: ['（私人备注）考虑明年调岗的可能', '（私人备注）注意情绪，家里有事'],
  en: ['(private) might suggest a move next year', '(private) going through a hard time at home'],
};
