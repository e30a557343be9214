/**
 * The built-in content pack, assembled from `pack/`. This module is plain data with type-only
 * imports (no zod): UI code that must stay small can import `guidePack` from here, while
 * `index.ts` offers the same pack validated as `defaultGuide`.
 */

import { corePack } from './pack/core';
import { closingExamples } from './pack/examples-close';
import { middleExamples } from './pack/examples-middle';
import { openingExamples } from './pack/examples-open';
import { dimensions, survey } from './pack/quality';
import type { GuidePack } from './schema';

export const GUIDE_VERSION = '1.0.0';

export const guidePack: GuidePack = {
  version: GUIDE_VERSION,
  locales: ['zh-CN', 'en'],
  ...corePack,
  dimensions,
  survey,
  examples: [...openingExamples, ...middleExamples, ...closingExamples],
};
