/**
 * Google Calendar (calendar.google.com): the event details bubble.
 *
 * Markup relied on (ids and data attributes; the obfuscated class names change, so none are used).
 * Evidence, public code (see extension/adapters/README.md, "Selectors per site"):
 * - dialog `#xDetDlg`: clockify/browser-extension src/integrations/google-calendar.js; inside
 *   `div[data-chips-dialog]`: toggl/track-extension src/content/google-calendar.js; else a
 *   `[role=dialog]` holding `#rAECCd` (`#rAECCd` as the title: indexed public extension code, repository
 *   not named by the index);
 * - title `#rAECCd`, else `[role=heading]` (clockify google-calendar.js; toggl uses `span[role="heading"]`);
 * - time `#xDetDlgWhen` (clockify google-calendar.js: date, "⋅", time range; a recurrence line may follow);
 * - guests `#xDetDlgAtt [data-email]` (indexed public extension code, several files, repositories
 *   not named by the index; name in the item's text, "Organizer"/"组织者" under it);
 * - conference `#xDetDlgVideo a[href]` (indexed code reads `#xDetDlgVideo[data-details]` and
 *   `a[href*="meet.google.com"]`); location `#xDetDlgLoc`; description `#xDetDlgDesc` (same);
 * - event id `data-eventid` (grid chips `[data-eventid]`, same) on the dialog or an ancestor.
 * The button goes right after the time row; if Calendar strips it while loading, it is put back.
 */
import type { CalendarSite, RawPerson } from '../calendar';
import { first, textOf } from '../dom';

const ORGANIZER = /organi[sz]er|组织者|組織者|主办人|发起人/i;

export const googleCalendar: CalendarSite = {
  source: 'google-calendar',
  find(doc) {
    const root =
      doc.querySelector('#xDetDlg') ?? doc.querySelector('#rAECCd')?.closest('[role="dialog"]') ?? null;
    if (!root) return null;
    const title = first(root, '#rAECCd', '[role="heading"]');
    const when = root.querySelector('#xDetDlgWhen');
    if (!title) return { missed: 'title' };
    if (!when) return { missed: 'time' };
    return { root, anchor: when, position: 'afterend' };
  },
  read(root) {
    const attendees: RawPerson[] = [];
    for (const el of root.querySelectorAll('#xDetDlgAtt [data-email]')) {
      const lines = textOf(el).split('\n');
      attendees.push({
        email: el.getAttribute('data-email'),
        name: el.getAttribute('data-name') ?? lines[0],
        organizer: lines.slice(1).some((l) => ORGANIZER.test(l)),
      });
    }
    const video = root.querySelector('#xDetDlgVideo');
    const links = [
      ...[...(video?.querySelectorAll<HTMLAnchorElement>('a[href*="meet.google.com"]') ?? [])].map(
        (a) => a.href,
      ),
      ...[...(video?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])].map((a) => a.href),
      ...[...root.querySelectorAll<HTMLAnchorElement>('#xDetDlgDesc a[href], #xDetDlgLoc a[href]')].map(
        (a) => a.href,
      ),
    ];
    return {
      uid: root.closest('[data-eventid]')?.getAttribute('data-eventid'),
      title: textOf(first(root, '#rAECCd', '[role="heading"]')),
      when: textOf(root.querySelector('#xDetDlgWhen')),
      attendees,
      description: textOf(root.querySelector('#xDetDlgDesc')),
      location: textOf(root.querySelector('#xDetDlgLoc')),
      links,
    };
  },
};
