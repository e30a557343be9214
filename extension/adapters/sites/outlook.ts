/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com): the event peek
 * (the card that opens on a click in the calendar grid) and the full event in the reading pane.
 *
 * Markup relied on:
 * - peek `[data-app-section="CalendarItemPeek"]` (seen in public code); full view
 *   `[data-app-section="ReadingPane"]` (seen in public code) holding a clock icon, so that a mail
 *   in the reading pane never gets a button;
 * - rows marked by Fluent icons `i[data-icon-name^="Clock"]` (time, seen in public code),
 *   `i[data-icon-name^="Location"]`, `i[data-icon-name^="People"]`, `i[data-icon-name^="Textbox"]`
 *   (description, seen in public code); `span[aria-label="Time"]` as a fallback for the time;
 * - title `[role="heading"]` in the card;
 * - the event id `data-calitemid` (seen in public code on grid items) on the card or the selected grid item;
 * - people: `[data-lpc-hover-target-id]` / `.ms-Persona` elements, the email in their `title`,
 *   `aria-label` or `data-email`. **Inferred**: not confirmed on a live page;
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
