/**
 * The organisation's content pack as this browser keeps it (issue 16): the background downloads
 * GET /api/v1/guide when connected, validates it with the pack's zod schema and stores it here;
 * the side panel reads it (no zod in the panel) and falls back to the built-in pack.
 *
 * Two keys so the panel's first paint reads only the core: the examples library is the bulk of
 * a pack and loads when the Talk tab needs it, as the built-in examples do.
 */
import type { Example, GuidePack } from '../../shared/content/schema';

export const GUIDE_KEYS = {
  /** `StoredGuide`: where the pack in use came from, its ETag, and its core parts. */
  guide: 'tandem:guide',
  /** `Example[]` of the organisation's pack (absent for the built-in pack). */
  examples: 'tandem:guideExamples',
} as const;

/** What the side panel uses of a pack (the survey and dimensions are the service's business). */
export const CORE_PARTS = [
  'kinds',
  'stages',
  'steps',
  'agendaPieces',
  'causeCategories',
  'employeeTypes',
  'principles',
  'pitfalls',
  'nudges',
  'feedbackModels',
  'grow',
  'smart',
] as const satisfies readonly (keyof GuidePack)[];

export type GuideCore = Pick<GuidePack, (typeof CORE_PARTS)[number]>;

/** A pack the service sent that failed validation: shown as a note; the last good pack stays. */
export interface GuideRejection {
  at: string;
  /** The first few problems, as `path: message`. */
  issues: string[];
}

export interface StoredGuide {
  /** The service's URL the pack came from (a pack from another service is not used). */
  url: string;
  source: 'built-in' | 'organisation';
  /** The service's ETag for the answer the stored pack came from. */
  etag?: string;
  /** When HR last changed the organisation's pack (from the service). */
  updatedAt?: string;
  version?: string;
  /** When this browser last checked with the service. */
  checkedAt: string;
  /** The organisation's pack's core parts; absent for the built-in pack. */
  core?: GuideCore;
  rejected?: GuideRejection;
}

export type { Example };
