/**
 * The method as content: the built-in pack (validated at import), its schema, and helpers.
 *
 *   import { defaultGuide, t, stepByNumber, examplesFor } from '../shared/content';
 */
import { guidePack } from './guide';
import { type GuidePack, GuidePackSchema } from './schema';

export { GUIDE_VERSION, guidePack } from './guide';
export {
  employeeType,
  examplesFor,
  fillTemplate,
  stepByNumber,
  t,
  templatePlaceholders,
  tList,
} from './pack/lookup';
export * from './schema';

/** The built-in pack; parsing here means a broken edit to the content fails at import, loudly. */
export const defaultGuide: GuidePack = GuidePackSchema.parse(guidePack);
