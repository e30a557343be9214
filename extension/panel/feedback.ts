/**
 * The SBI / BEST builder: three (SBI) or four (BEST) short fields become one well-formed feedback
 * sentence from the content pack's template. Pure.
 */
import { fillTemplate } from '../../shared/content/pack/lookup';
import type { FeedbackModels } from '../../shared/content/schema';

export type FeedbackModelId = 'sbi' | 'best';
export type Locale = 'zh-CN' | 'en';

/** Tidy one part so it reads well inside the template: trimmed, no trailing full stop, one line. */
export function tidyPart(text: string, locale: Locale): string {
  let t = text.replace(/\s+/g, ' ').trim();
  t = t.replace(/[。．.!！?？;；,，、]+$/u, '');
  // Inside an English sentence, a part starts in lower case unless it is an acronym or a name-like "I".
  if (locale === 'en' && /^[A-Z][a-z]/.test(t) && !/^I\b/.test(t)) t = t[0]!.toLowerCase() + t.slice(1);
  return t;
}

export interface Built {
  /** The sentence, or '' until every part is filled. */
  text: string;
  /** Parts still empty, in the model's order. */
  missing: string[];
}

export function buildFeedback(
  models: FeedbackModels,
  model: FeedbackModelId,
  values: Readonly<Record<string, string>>,
  locale: Locale,
): Built {
  const m = models[model];
  const filled: Record<string, string> = {};
  const missing: string[] = [];
  for (const part of m.parts) {
    const v = tidyPart(values[part.id] ?? '', locale);
    if (v) filled[part.id] = v;
    else missing.push(part.id);
  }
  if (missing.length) return { text: '', missing };
  let text = fillTemplate(m.template[locale], filled);
  if (locale === 'en') text = text.charAt(0).toUpperCase() + text.slice(1);
  return { text, missing };
}

/** Append a sentence to notes text, on its own line. */
export function appendLine(notes: string, line: string): string {
  const base = notes.replace(/\s+$/, '');
  return base ? `${base}\n${line}` : line;
}
