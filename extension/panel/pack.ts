/**
 * The method's content for the side panel: the built-in pack, or the organisation's own when the
 * background has downloaded and validated one (`tandem:guide`, see background/guide.ts). The
 * examples library is the bulk of a pack and only the Talk tab needs it, so it loads on demand
 * (`loadExamples`). Plain data, no zod here: the background validated what it stored.
 *
 * `pack` is one object swapped in place, so every `pack.steps` read sees the pack in use;
 * `packVersion` changes with it, and the panel re-renders its body on that.
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { corePack } from '../../shared/content/pack/core';
import type { Example } from '../../shared/content/schema';
import { GUIDE_KEYS, type StoredGuide } from '../store/guide';

export type CorePack = typeof corePack;

export const pack: CorePack = { ...corePack };

export const stepOf = (n: number) => pack.steps.find((s) => s.number === n)!;

/** Bumped when the pack in use changes. */
export const packVersion = signal(0);
/** Where the pack in use came from, and a rejected download to mention. */
export const packInfo = signal<Pick<StoredGuide, 'source' | 'updatedAt' | 'rejected'>>({
  source: 'built-in',
});

let examples: Promise<Example[]> | null = null;
let orgExamples = false;

const builtInExamples = () =>
  Promise.all([
    import('../../shared/content/pack/examples-open'),
    import('../../shared/content/pack/examples-middle'),
    import('../../shared/content/pack/examples-close'),
  ]).then(([a, b, c]) => [...a.openingExamples, ...b.middleExamples, ...c.closingExamples]);

/** The examples library of the pack in use, loaded once when first needed. */
export function loadExamples(): Promise<Example[]> {
  examples ??= orgExamples
    ? browser.storage.local
        .get(GUIDE_KEYS.examples)
        .then((got) => (got[GUIDE_KEYS.examples] as Example[] | undefined) ?? builtInExamples())
    : builtInExamples();
  return examples;
}

function apply(stored: StoredGuide | undefined): void {
  const org = stored?.source === 'organisation' && stored.core ? stored.core : null;
  const before = JSON.stringify([packInfo.value, orgExamples]);
  Object.assign(pack, org ? (org as unknown as CorePack) : corePack);
  orgExamples = !!org;
  examples = null;
  packInfo.value = {
    source: org ? 'organisation' : 'built-in',
    ...(org && stored?.updatedAt ? { updatedAt: stored.updatedAt } : {}),
    ...(stored?.rejected ? { rejected: stored.rejected } : {}),
  };
  if (org || JSON.stringify([packInfo.value, orgExamples]) !== before) packVersion.value++;
}

/** Read the stored pack before the first paint, and follow the background's later downloads. */
export async function initPack(): Promise<void> {
  try {
    const got = await browser.storage.local.get(GUIDE_KEYS.guide);
    apply(got[GUIDE_KEYS.guide] as StoredGuide | undefined);
  } catch {
    // The built-in pack stays.
  }
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && GUIDE_KEYS.guide in changes) {
      const next = changes[GUIDE_KEYS.guide]?.newValue as StoredGuide | undefined;
      const prev = changes[GUIDE_KEYS.guide]?.oldValue as StoredGuide | undefined;
      // A 304 only moves `checkedAt`: nothing to redraw.
      if (JSON.stringify({ ...next, checkedAt: 0 }) !== JSON.stringify({ ...prev, checkedAt: 0 }))
        apply(next);
    }
  });
}
