/** Dates and times as the Prepare parts show them, in the UI language and the browser's zone. */
import type { Locale } from '../../i18n';

export function fmtWhen(iso: string | null | undefined, lang: Locale): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function fmtDay(isoOrDate: string | null | undefined, lang: Locale): string {
  if (!isoOrDate) return '';
  // A date alone is a calendar day: show it as such, not shifted by the zone.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? new Date(`${isoOrDate}T12:00:00`) : new Date(isoOrDate);
  if (Number.isNaN(d.getTime())) return isoOrDate;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(d);
}

export function fmtTime(iso: string | null | undefined, lang: Locale): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(d);
}

export function pct(rate: number | null | undefined): string | null {
  return rate === null || rate === undefined ? null : `${Math.round(rate * 100)}%`;
}

/** `https://meet.google.com/abc-defg-hij` → `meet.google.com/abc-defg-hij` */
export function shortLink(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname.replace(/\/$/, '')}`;
  } catch {
    return url;
  }
}
