/**
 * Feishu / Lark calendar (`*.feishu.cn/calendar`, `*.larksuite.com/calendar`): the event detail card.
 *
 * **Inferred markup.** No public code reading Feishu's calendar DOM was found (research notes, "Not
 * found"), so this adapter looks for `data-*` hooks of the kind React apps ship for testing and a
 * BEM-style class fallback, and stays silent when neither is there:
 * - card `[data-testid="event-detail-card"]`, else `.calendar-event-detail[role="dialog"]`;
 * - title `[data-testid="event-detail-title"]`, else `.event-detail__title`;
 * - time `[data-testid="event-detail-time"]`, else `.event-detail__time` (e.g. "3月10日（周二）14:00 - 15:00");
 * - attendees `[data-testid="event-detail-attendee"]`, else `.event-detail__attendee` (name as text,
 *   in `…-attendee-name` / `.event-detail__attendee-name`, email in `data-email` when shown, organizer
 *   marked by `data-role="organizer"` or a "组织者" tag);
 * - meeting `[data-testid="event-detail-meeting"] a[href]` (a `vc.feishu.cn/j/…` link), description
 *   `[data-testid="event-detail-description"]`, location `[data-testid="event-detail-location"]`;
 * - event id `data-event-id` on the card.
 * Check against a live tenant before relying on it; only these selectors need to change. Until then,
 * a miss shows in site health and "Use this page" in the Prepare tab reads the card's text instead.
 */
import type { CalendarSite, RawPerson } from '../calendar';
import { first, textOf } from '../dom';

const hook = (name: string) => `[data-testid="event-detail-${name}"], .event-detail__${name}`;

export const feishuCalendar: CalendarSite = {
  source: 'feishu',
  find(doc) {
    const root = first(doc, '[data-testid="event-detail-card"]', '.calendar-event-detail[role="dialog"]');
    if (!root) return null;
    const title = root.querySelector(hook('title'));
    const time = root.querySelector(hook('time'));
    if (!title) return { missed: 'title' };
    if (!time) return { missed: 'time' };
    return { root, anchor: time, position: 'afterend' };
  },
  read(root) {
    const attendees: RawPerson[] = [];
    for (const el of root.querySelectorAll(hook('attendee'))) {
      const lines = textOf(el).split('\n');
      attendees.push({
        name:
          el.getAttribute('data-name') ??
          (textOf(
            el.querySelector('[data-testid="event-detail-attendee-name"], .event-detail__attendee-name'),
          ) ||
            lines[0]),
        email: el.getAttribute('data-email'),
        organizer:
          el.getAttribute('data-role') === 'organizer' ||
          /组织者|organi[sz]er/i.test(lines.slice(1).join(' ')),
      });
    }
    return {
      uid: root.getAttribute('data-event-id'),
      title: textOf(root.querySelector(hook('title'))),
      when: textOf(root.querySelector(hook('time'))),
      attendees,
      location: textOf(root.querySelector(hook('location'))),
      description: textOf(root.querySelector(hook('description'))),
      links: [...root.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
    };
  },
};
