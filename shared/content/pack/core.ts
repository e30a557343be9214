/**
 * The method's core content: everything in the pack but its examples library, the survey and the
 * effectiveness dimensions. One list so the full pack (`guide.ts`) and the side panel's first load
 * (extension/panel/pack.ts, which must stay small and leaves the examples to load on demand)
 * cannot drift apart when a part is added. Plain data, no zod.
 */
import { kinds, stages } from './kinds';
import { agendaPieces, causeCategories, feedbackModels, grow, smart } from './method';
import { employeeTypes, principles } from './people';
import { nudges, pitfalls } from './quality';
import { conversationSteps } from './steps-conversation';
import { followUpSteps } from './steps-follow-up';
import { prepareSteps } from './steps-prepare';

export const corePack = {
  kinds,
  stages,
  steps: [...prepareSteps, ...conversationSteps, ...followUpSteps],
  agendaPieces,
  causeCategories,
  employeeTypes,
  principles,
  pitfalls,
  nudges,
  feedbackModels,
  grow,
  smart,
};
