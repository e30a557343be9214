/**
 * What the service's two server-rendered surfaces (the survey page and the HR dashboard) share:
 * escaping, the document around a page, the language switch, and a CSP that allows no script and
 * exactly one inline style sheet by its hash. Each surface keeps its own style sheet and markup.
 */
import { createHash } from 'node:crypto';
import { LOCALES, type Locale } from '../../shared/content/pack/ids';

/** Every string from people or the store goes through this before it lands in HTML. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

/** `'sha256-…'` of an inline style sheet, as a CSP source. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** No script at all; the one style sheet with `hash`; forms post only to this origin; no framing. */
export function styleOnlyCsp(hash: string): string {
  return [
    "default-src 'none'",
    `style-src ${hash}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The product mark in each page's header. */
export const LOGO_SVG =
  '<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="9" cy="12" r="6" fill="none" stroke="currentColor" stroke-width="2.2"/><circle cx="15" cy="12" r="6" fill="none" stroke="currentColor" stroke-width="2.2" opacity=".55"/></svg>';

export type DocumentParts = {
  lang: Locale;
  title: string;
  css: string;
  /**
   * The survey page sends `no-referrer` (its URL holds the survey token); the dashboard,
   * `same-origin`.
   */
  referrer: 'no-referrer' | 'same-origin';
  body: string;
};

/** A whole HTML document: light and dark, not indexed, the page's one style sheet inline. */
export function htmlDocument(p: DocumentParts): string {
  return `<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="${p.referrer}">
<meta name="robots" content="noindex, nofollow">
<title>${esc(p.title)}</title>
<style>${p.css}</style>
</head>
<body>
${p.body}
</body>
</html>
`;
}

const LANG_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/**
 * Links to this page in each language, the current one marked. `href` gives the link target,
 * already escaped for an attribute.
 */
export function languageNav(
  lang: Locale,
  opts: { className: string; label: string; href: (l: Locale) => string },
): string {
  const links = LOCALES.map((l) => {
    const current = l === lang ? ' aria-current="true"' : '';
    return `<a href="${opts.href(l)}" lang="${l}" hreflang="${l}"${current}>${LANG_NAMES[l]}</a>`;
  }).join('');
  return `<nav class="${opts.className}" aria-label="${esc(opts.label)}">${links}</nav>`;
}
