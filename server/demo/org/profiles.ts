/**
 * Department profiles of the synthetic organisation (`../generate-org.ts`): how often talks
 * happen, how long they last, how items get done and how people answer the survey.
 */

export type ProfileId = 'steady' | 'rushed' | 'stretched' | 'quiet' | 'tiny';

export interface Department {
  name: string;
  profile: ProfileId;
}

export interface Profile {
  /** Relative size of departments with this profile. */
  weight: number;
  /** Chance that each planned talk happens: plan, coaching, review. */
  happens: [number, number, number];
  /** Share of talks under 30 minutes. */
  short: number;
  /** Chance an employee-owned item gets done by its due date (roughly). */
  itemsDone: number;
  /** Chance a manager-owned support commitment is delivered. */
  supportDone: number;
  /** Chance a recorded talk is written up within 24 h. */
  recordedSoon: number;
  /** Chance an employee answers the survey. */
  responds: number;
  /** Mood of the answers: 0 unhappy … 1 happy. */
  mood: number;
  /** Chance a review ends agreed; chance it is appealed. */
  agreed: number;
  appealed: number;
  /** Extra chance of leaving. */
  leaves: number;
}

export const PROFILES: Record<ProfileId, Profile> = {
  steady: {
    weight: 0.36,
    happens: [0.96, 0.9, 0.97],
    short: 0.06,
    itemsDone: 0.82,
    supportDone: 0.85,
    recordedSoon: 0.88,
    responds: 0.72,
    mood: 0.82,
    agreed: 0.85,
    appealed: 0.02,
    leaves: 0,
  },
  rushed: {
    weight: 0.26,
    happens: [0.9, 0.7, 0.92],
    short: 0.42,
    itemsDone: 0.6,
    supportDone: 0.7,
    recordedSoon: 0.55,
    responds: 0.62,
    mood: 0.3,
    agreed: 0.55,
    appealed: 0.18,
    leaves: 0.1,
  },
  stretched: {
    weight: 0.18,
    happens: [0.92, 0.8, 0.9],
    short: 0.14,
    itemsDone: 0.7,
    supportDone: 0.3,
    recordedSoon: 0.7,
    responds: 0.66,
    mood: 0.6,
    agreed: 0.75,
    appealed: 0.05,
    leaves: 0.05,
  },
  quiet: {
    weight: 0.13,
    happens: [0.85, 0.75, 0.7],
    short: 0.1,
    itemsDone: 0.75,
    supportDone: 0.75,
    recordedSoon: 0.8,
    responds: 0.1,
    mood: 0.65,
    agreed: 0.8,
    appealed: 0.03,
    leaves: 0,
  },
  tiny: {
    weight: 0.07,
    happens: [0.95, 0.9, 0.95],
    short: 0.05,
    itemsDone: 0.85,
    supportDone: 0.9,
    recordedSoon: 0.9,
    responds: 0.8,
    mood: 0.75,
    agreed: 0.9,
    appealed: 0,
    leaves: 0,
  },
};
export const PROFILE_ORDER: readonly ProfileId[] = ['steady', 'rushed', 'stretched', 'quiet', 'tiny'];

export const DEPARTMENT_NAMES: Record<ProfileId, string[]> = {
  steady: ['研发 R&D', '平台 Platform', '数据 Data', '设计 Design'],
  rushed: ['销售 Sales', '渠道 Channels', '客服 Support', '商务 BD'],
  stretched: ['产品 Product', '运营 Operations', '市场 Marketing', '供应链 Supply'],
  quiet: ['财务 Finance', '采购 Procurement', '行政 Admin', '质量 Quality'],
  tiny: ['法务 Legal', '内审 Audit', '战略 Strategy', '公关 PR'],
};
