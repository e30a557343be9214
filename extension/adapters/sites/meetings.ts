/**
 * What "in a call" looks like on each meeting site. Each entrypoint imports only its own site.
 *
 * Seen in public code (see extension/adapters/README.md): Meet's `call_end` icon and `[data-unresolved-meeting-id]`,
 * Teams' `#hangup-button` / `[data-tid="hangup-main-btn"]` / `#prejoin-join-button`, Zoom's
 * `iframe#webclient` and `.footer__leave-btn-container`.
 * **Inferred** (no public code found): Tencent Meeting / VooV and Feishu / Lark meeting selectors.
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
  // The leave-call button: its jsname, else the `call_end` glyph (Material icon fonts).
  inCall: (doc) =>
    doc.querySelector('button[jsname="CQylAd"]') ??
    iconByText(
      doc,
      'i.google-symbols, i.google-material-icons, i.material-icons-extended, i[aria-hidden="true"]',
      'call_end',
    ),
  lobby: '[data-unresolved-meeting-id]',
  // Participant tiles appear only once admitted (Vexa-ai/vexa googlemeet/selectors.ts, "admission indicators").
  admitted: '[data-participant-id]',
};

export const zoom: MeetingSite = {
  inCall: (doc) => doc.querySelector('.footer__leave-btn-container, button.footer__leave-btn'),
  lobby: '#wc-container-left, .preview-join-button',
  frames: 'iframe#webclient',
};

export const teams: MeetingSite = {
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
