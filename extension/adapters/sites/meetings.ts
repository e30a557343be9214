/**
 * What "in a call" looks like on each meeting site. Each entrypoint imports only its own site.
 *
 * Evidence beside each selector (see extension/adapters/README.md, "Selectors per site").
 * **Inferred** (no public code found): Tencent Meeting / VooV and Feishu / Lark meeting selectors;
 * when they miss, the launcher falls back to manual marks after `FALLBACK_MS` and site health
 * names the host and the step.
 */
import type { MeetingSite } from '../meeting';

/** An icon-font glyph by its ligature text (`call_end`), independent of the UI language. */
function iconByText(doc: Document, selector: string, text: string): Element | null {
  for (const el of doc.querySelectorAll(selector)) {
    if (el.textContent?.trim() === text) return el;
  }
  return null;
}

export const googleMeet: MeetingSite = {
  // The leave-call button: its jsname (indexed Meet automation code, repository not named), else the
  // `call_end` glyph: vivek-nexus/transcriptonic extension/content-google-meet.js (`.google-symbols`
  // whose text is `call_end`).
  inCall: (doc) =>
    doc.querySelector('button[jsname="CQylAd"]') ??
    iconByText(
      doc,
      'i.google-symbols, i.google-material-icons, i.material-icons-extended, i[aria-hidden="true"]',
      'call_end',
    ),
  // The meeting page (green room and call): indexed Meet extension code (repository not named).
  lobby: '[data-unresolved-meeting-id]',
  // Participant tiles appear only once admitted (Vexa-ai/vexa googlemeet/selectors.ts, "admission indicators").
  admitted: '[data-participant-id]',
};

export const zoom: MeetingSite = {
  // vivek-nexus/transcriptonic extension/content-zoom.js: the UI in `iframe#webclient`, leave
  // `.footer__leave-btn-container`; `button.footer__leave-btn`, `#wc-container-left`, `.preview-join-button`:
  // Zoom web client class names of the same family (**inferred**).
  inCall: (doc) => doc.querySelector('.footer__leave-btn-container, button.footer__leave-btn'),
  lobby: '#wc-container-left, .preview-join-button',
  frames: 'iframe#webclient',
};

export const teams: MeetingSite = {
  // transcriptonic extension/content-teams.js: `#hangup-button` (in call), `#prejoin-join-button` (lobby);
  // Vexa-ai/vexa core/meetings/modules/join/src/msteams/selectors.ts: `[data-tid="hangup-main-btn"]`.
  // `call-hangup` / `data-tid="prejoin-join-button"`: same data-tid family (**inferred**).
  inCall: (doc) =>
    doc.querySelector('#hangup-button, [data-tid="hangup-main-btn"], [data-tid="call-hangup"]'),
  lobby: '#prejoin-join-button, [data-tid="prejoin-join-button"]',
  // Teams (v2) keeps the meeting link in the hash: /v2/?meetingjoin=true#/l/meetup-join/19:meeting_…/0
  link: (loc) => {
    const i = loc.hash.indexOf('/l/meetup-join/');
    return i >= 0 ? `https://teams.microsoft.com${loc.hash.slice(i)}` : loc.href;
  },
};

/** Inferred: Tencent Meeting's web app (meeting.tencent.com, voovmeeting.com). */
export const tencentMeeting: MeetingSite = {
  inCall: (doc) =>
    doc.querySelector(
      '[data-testid="meeting-leave-button"], .meeting-footer .leave-meeting-btn, #tm-leave-meeting',
    ),
  lobby: '[data-testid="join-meeting-button"], .join-meeting-panel',
};

/** Inferred: Feishu / Lark meetings (vc.feishu.cn, vc.larksuite.com). */
export const feishuMeeting: MeetingSite = {
  inCall: (doc) =>
    doc.querySelector('[data-testid="vc-leave-meeting-button"], .vc-meeting-toolbar .leave-meeting-button'),
  lobby: '[data-testid="vc-join-meeting-button"], .vc-meeting-prejoin',
};
