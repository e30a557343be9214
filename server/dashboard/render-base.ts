/** The dashboard's HTML (see `render.ts`): icons, number formatting, the page shell, links, group labels. */
import { esc, htmlDocument, LOGO_SVG, languageNav } from '../html/page';
import type { GroupBy } from '../metrics';
import type { Lang } from '../surveys/messages';
import { type DashboardText, text } from './messages';
import { CSS } from './style';
import type { DashboardData } from './view';

export const ICONS = {
  logo: LOGO_SVG,
  alert:
    '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 3.5 22 20.5H2z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M12 10v4.5M12 17.6v.1" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>',
  check:
    '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  lock: '<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="4.5" y="10.5" width="15" height="10" rx="2.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
  download:
    '<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19.5h14" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  eye: '<svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 3l18 18M10.6 6.2A9.5 9.5 0 0 1 12 6c5 0 9 6 9 6a16 16 0 0 1-3 3.4M6.5 8.2C4.4 9.8 3 12 3 12s4 6 9 6a8.6 8.6 0 0 0 3.6-.8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>',
} as const;

// ---------------------------------------------------------------------------------------------
// Formatting

export const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
export const signed = (v: number, digits = 0) =>
  `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(digits)}`;
export const npsText = (v: number | null) => (v === null ? '—' : signed(Math.round(v)));
export const rating = (v: number | null) => (v === null ? '—' : signed(v, 2));
export const minutes = (v: number | null, t: DashboardText) =>
  v === null ? '—' : t.minutes(String(Math.round(v)));
export const rText = (v: number | null) => (v === null ? '—' : v.toFixed(2));

export function shell(lang: Lang, title: string, body: string): string {
  return htmlDocument({ lang, title, css: CSS, referrer: 'same-origin', body });
}

export function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function langSwitch(lang: Lang, params: Record<string, string | undefined>): string {
  return languageNav(lang, {
    className: 'pills',
    label: text[lang].language,
    href: (l) => `/dashboard${esc(query({ ...params, lang: l }))}`,
  });
}

export interface DashboardView {
  lang: Lang;
  data: DashboardData;
  groupBy: GroupBy;
  asOf: string;
  minGroup: number;
  /** Whether minGroup was given in the URL (kept in links then). */
  minGroupGiven: boolean;
  userName: string;
  notice?: string;
}

export function groupLabel(key: string, v: DashboardView): string {
  const t = text[v.lang];
  if (v.groupBy === 'none') return t.groupBy.none;
  if (key === '') return t.noGroup[v.groupBy];
  if (v.groupBy === 'manager') return v.data.names.get(key) ?? key;
  return key;
}

export function groupCell(key: string, v: DashboardView): string {
  const label = groupLabel(key, v);
  if (v.groupBy === 'manager' && key && label !== key) {
    return `<span class="who">${esc(label)}<small>${esc(key)}</small></span>`;
  }
  return esc(label);
}
