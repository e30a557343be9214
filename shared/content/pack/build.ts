/** Small authoring helpers for the built-in pack: each line is written as a zh-CN / en pair. */
import type { Localized, LocalizedList } from '../schema';
import { EMPLOYEE_TYPE_IDS, type EmployeeTypeId } from './ids';

/** One text in both languages. */
export function l(zh: string, en: string): Localized {
  return { 'zh-CN': zh, en };
}

/** A list of lines, each given as a `[zh-CN, en]` pair so the translations stay side by side. */
export function ll(...pairs: [zh: string, en: string][]): LocalizedList {
  return { 'zh-CN': pairs.map((p) => p[0]), en: pairs.map((p) => p[1]) };
}

/** For examples that suit every employee type (a fresh list each time: no shared arrays in the pack). */
export function allTypes(): EmployeeTypeId[] {
  return [...EMPLOYEE_TYPE_IDS];
}
