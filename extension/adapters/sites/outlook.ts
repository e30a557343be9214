/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com): the event peek
 * (the card that opens on a click in the calendar grid) and the full event in the reading pane.
 *
 * Markup relied on, with its evidence (public code; "indexed" = found by the code index, which does
 * not name the repository):
 * - peek `[data-app-section="CalendarItemPeek"]`: indexed Selenium page object for Outlook's week
 *   view (`div[data-app-section="CalendarItemPeek"] span[aria-label="Time"]`), indexed user styles and
 *   extensions reading the peek; full view `[data-app-section="ReadingPane"]`:
 *   clockify/browser-extension src/integrations/outlook.js (`[data-app-section=ReadingPane] #TopBar`),
 *   and the same page object (`.ms-Dialog-main div[data-app-section="ReadingPane"]`); only with a
 *   clock icon, so that a mail in the reading pane never gets a button;
 * - rows marked by Fluent icons `i[data-icon-name^="Clock"]` / `^="Textbox"` (the page object reads
 *   `i[data-icon-name="ClockRegular"]` and `"TextboxRegular"` rows), `^="Location"`, `^="People"`
 *   (same icon family; **inferred** names); `span[aria-label="Time"]` as a fallback for the time (page object);
 * - title `[role="heading"]` (toggl/track-extension src/content/outlook.js: `div[role="heading"][title]`);
 * - the event id `data-calitemid` (the page object and indexed code: `div[data-calitemid]` grid items);
 * - people: `[data-lpc-hover-target-id]` (indexed Outlook extensions read persona hover targets
 *   `span[data-lpc-hover-target-id]`, some with the address in `title`/`aria-label`) / `.ms-Persona`,
 *   the email in `title`, `aria-label` or `data-email`. **Inferred** nesting: not confirmed on a live page;
 * - the join link: any `a[href]` in the card (Teams "Join" links, links in the body).
 */
import type { CalendarSite, RawPerson } from '../calendar';
import { first, textOf } from '../dom';

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;
const ORGANIZER = /organi[sz]er|组织者|組織者|召集人/i;

/** The text of the row an icon labels: the nearest ancestor with text. */
function rowText(icon: Element | null): string {
  let el = icon?.parentElement ?? null;
  for (let i = 0; el && i < 4; i++, el = el.parentElement) {
    const t = textOf(el);
    if (t) return t;
  }
  return '';
}

function rowOf(icon: Element | null): Element | null {
  let el = icon?.parentElement ?? null;
  for (let i = 0; el && i < 4; i++, el = el.parentElement) {
    if (textOf(el)) return el;
  }
  return null;
}

function findRoot(doc: Document): Element | null {
  const peek = doc.querySelector('[data-app-section="CalendarItemPeek"]');
  if (peek) return peek;
  for (const pane of doc.querySelectorAll('[data-app-section="ReadingPane"]')) {
    if (pane.querySelector('i[data-icon-name^="Clock"]')) return pane;
  }
  return null;
}

export const outlook: CalendarSite = {
  source: 'outlook',
  find(doc) {
    const root = findRoot(doc);
    if (!root) return null;
    const title = root.querySelector('[role="heading"]');
    const time = first(root, 'i[data-icon-name^="Clock"]', 'span[aria-label="Time"]');
    if (!title) return { missed: 'title' };
    if (!time) return { missed: 'time' };
    return { root, anchor: title, position: 'afterend' };
  },
  read(root) {
    const attendees: RawPerson[] = [];
    for (const el of root.querySelectorAll('[data-lpc-hover-target-id], .ms-Persona, [data-email]')) {
      if (el.parentElement?.closest('[data-lpc-hover-target-id], .ms-Persona, [data-email]')) continue;
      const label = [
        el.getAttribute('data-email'),
        el.getAttribute('title'),
        el.getAttribute('aria-label'),
      ].join(' ');
      const lines = textOf(el).split('\n');
      attendees.push({
        email: EMAIL.exec(label)?.[0],
        name: lines[0],
        organizer:
          ORGANIZER.test(lines.slice(1).join(' ')) || ORGANIZER.test(el.getAttribute('aria-label') ?? ''),
      });
    }
    const calItem =
      root.closest('[data-calitemid]') ??
      root.querySelector('[data-calitemid]') ??
      document.querySelector('[data-calitemid][aria-selected="true"], [data-calitemid][aria-pressed="true"]');
    const timeIcon = root.querySelector('i[data-icon-name^="Clock"]');
    return {
      uid: calItem?.getAttribute('data-calitemid'),
      title:
        root.querySelector('[role="heading"]')?.getAttribute('title') ||
        textOf(root.querySelector('[role="heading"]')),
      when: timeIcon ? rowText(timeIcon) : textOf(root.querySelector('span[aria-label="Time"]')),
      attendees,
      location: rowText(root.querySelector('i[data-icon-name^="Location"]')),
      description: textOf(
        first(root, '[role="document"]') ?? rowOf(root.querySelector('i[data-icon-name^="Textbox"]')),
      ),
      links: [...root.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
    };
  },
};
