/**
 * The built-in content pack, assembled from `pack/`. This module is plain data with type-only
 * imports (no zod): UI code that must stay small can import `guidePack` from here, while
 * `index.ts` offers the same pack validated as `defaultGuide`.
 */

import { closingExamples } from './pack/examples-close';
import { middleExamples } from './pack/examples-middle';
import { openingExamples } from './pack/examples-open';
import { kinds, stages } from './pack/kinds';
import { agendaPieces, causeCategories, feedbackModels, grow, smart } from './pack/method';
import { employeeTypes, principles } from './pack/people';
import { dimensions, nudges, pitfalls, survey } from './pack/quality';
import { conversationSteps } from './pack/steps-conversation';
import { followUpSteps } from './pack/steps-follow-up';
import { prepareSteps } from './pack/steps-prepare';
import type { GuidePack } from './schema';

export const GUIDE_VERSION = '1.0.0';

export const guidePack: GuidePack = {
  version: GUIDE_VERSION,
  locales: ['zh-CN', 'en'],
  kinds,
  stages,
  steps: [...prepareSteps, ...conversationSteps, ...followUpSteps],
  agendaPieces,
  causeCategories,
  employeeTypes,
  principles,
  pitfalls,
  nudges,
  dimensions,
  survey,
  feedbackModels,
  grow,
  smart,
  examples: [...openingExamples, ...middleExamples, ...closingExamples],
};
