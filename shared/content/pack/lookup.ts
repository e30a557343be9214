/**
 * Pure helpers over a guide pack: pick a language, fill a feedback template, look things up.
 * Type-only imports: this module never pulls zod into a bundle.
 */
import type { EmployeeType, Example, GuidePack, Localized, LocalizedList, Step } from '../schema';
import type { EmployeeTypeId, Locale } from './ids';

/** The text of `l` in `locale` (falls back to the other language if that one is somehow blank). */
export function t(l: Localized, locale: Locale): string {
  const text = l[locale];
  if (text && text.trim() !== '') return text;
  return locale === 'en' ? l['zh-CN'] : l.en;
}

/** The lines of `l` in `locale`. */
export function tList(l: LocalizedList, locale: Locale): string[] {
  return [...l[locale]];
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The `{name}` placeholders a template uses, each once, in order of first use. */
export function templatePlaceholders(template: string): string[] {
  const seen: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!seen.includes(name)) seen.push(name);
  }
  return seen;
}

/**
 * Replace each `{name}` in `template` with `values[name]`. Placeholders without a value stay as
 * they are, so a half-filled builder still shows what is missing. Pure: no other changes.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) && typeof values[name] === 'string' ? values[name] : whole,
  );
}

/** The step with this number (1–12), if the pack has it. */
export function stepByNumber(pack: GuidePack, n: number): Step | undefined {
  return pack.steps.find((s) => s.number === n);
}

/**
 * Examples for a conversation step (5–10) that suit an employee type: the ones written for that
 * type first, then the ones that suit several or all types; the pack's order otherwise.
 */
export function examplesFor(pack: GuidePack, step: number, typeId: EmployeeTypeId): Example[] {
  return pack.examples
    .filter((e) => e.step === step && e.types.includes(typeId))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.types.length - b.e.types.length || a.i - b.i)
    .map(({ e }) => e);
}

/** The employee type with this id, if the pack has it. */
export function employeeType(pack: GuidePack, id: EmployeeTypeId): EmployeeType | undefined {
  return pack.employeeTypes.find((e) => e.id === id);
}
