/**
 * The method's content for the side panel, without the examples library: the examples are the
 * bulk of the pack and only the Talk tab needs them, so they load on demand (`loadExamples`).
 * Plain data, no zod (the pack is validated in shared/content's own tests).
 */
import { corePack } from '../../shared/content/pack/core';
import type { Example } from '../../shared/content/schema';

export const pack = corePack;

export type CorePack = typeof pack;

export const stepOf = (n: number) => pack.steps.find((s) => s.number === n)!;

let examples: Promise<Example[]> | null = null;

/** The examples library, loaded once when first needed. */
export function loadExamples(): Promise<Example[]> {
  examples ??= Promise.all([
    import('../../shared/content/pack/examples-open'),
    import('../../shared/content/pack/examples-middle'),
    import('../../shared/content/pack/examples-close'),
  ]).then(([a, b, c]) => [...a.openingExamples, ...b.middleExamples, ...c.closingExamples]);
  return examples;
}
