/**
 * The side panel's side of the page adapters (issue 6): invites become sessions, calls become
 * `startedAt`/`endedAt`, the meeting launcher selects its session. Loaded after the first paint
 * (`start.ts`); it reads and follows the keys the background writes (`extension/adapters/README.md`):
 *
 * - `tandem:pendingInvite`: run `agendaFromInvite` with the roster, the cycles and the manager's
 *   identity, then create or open the matching session (`matchInviteSession`). When the invite
 *   leaves something open (who, which kind, which cycle) the Prepare tab asks instead of guessing;
 *   the key is removed once the invite has become a session (or the manager dismissed it).
 * - `tandem:calls`: `planCallTimes` over the live sessions, applied as ordinary edits (so they sync),
 *   remembering what was filled in (`local.fromCall`) so the manager's own times are never changed.
 * - `tandem:panelRequest`: `matchPanelRequest`; a talk found by time takes the meeting's link.
 *
 * `.ics` files and pasted invite text go through the same path (`importIcsFile`, `importText`);
 * their parsers load on demand (ical.js stays out of the panel's first load).
 */
import { computed, effect } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { PanelRequest, PendingInvite } from '../../adapters/messages';
import { STORAGE_KEYS } from '../../adapters/messages';
import { sessions } from '../../store';
import { currentId } from '../model';
import { onPanelRequest, scheduleCalls } from './wiring-calls';
import { onPendingInvite } from './wiring-invites';
import { IDENTITY_KEY, importError, soloIdentity } from './wiring-state';

export {
  applyCalls,
  choosePanelSession,
  dismissPanelChoice,
  scheduleCalls,
} from './wiring-calls';
export { importIcsFile, importText } from './wiring-import';
export {
  applyReview,
  cancelReviewed,
  dismissReview,
  inviteGuests,
  switchEvent,
  takeInvite,
} from './wiring-invites';
export {
  type Answers,
  type Guest,
  IDENTITY_KEY,
  type InviteReview,
  type InviteSource,
  identity,
  importError,
  importing,
  PANEL_REQUEST_MAX_AGE_MS,
  type PanelChoice,
  panelChoice,
  type Question,
  review,
  saveSoloIdentity,
  soloIdentity,
  timeZone,
} from './wiring-state';

// ---------------------------------------------------------------------------------------------
// Start

let started = false;

/** Follow the adapters' keys from now on (once per panel). */
export async function start(): Promise<void> {
  if (started) return;
  started = true;
  const keys = [STORAGE_KEYS.pendingInvite, STORAGE_KEYS.calls, STORAGE_KEYS.panelRequest, IDENTITY_KEY];
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (IDENTITY_KEY in changes)
      soloIdentity.value = (changes[IDENTITY_KEY]?.newValue as typeof soloIdentity.value | undefined) ?? {};
    if (STORAGE_KEYS.pendingInvite in changes)
      void onPendingInvite(changes[STORAGE_KEYS.pendingInvite]?.newValue as PendingInvite | undefined);
    if (STORAGE_KEYS.panelRequest in changes)
      void onPanelRequest(changes[STORAGE_KEYS.panelRequest]?.newValue as PanelRequest | undefined);
    if (STORAGE_KEYS.calls in changes) scheduleCalls();
  });
  const got = await browser.storage.local.get(keys);
  soloIdentity.value = (got[IDENTITY_KEY] as typeof soloIdentity.value | undefined) ?? {};
  await onPendingInvite(got[STORAGE_KEYS.pendingInvite] as PendingInvite | undefined);
  await onPanelRequest(got[STORAGE_KEYS.panelRequest] as PanelRequest | undefined);
  // Calls follow the sessions' meeting links: a link set later still picks its call up.
  const links = computed(() =>
    sessions.value.map((e) => `${e.id}=${e.data.meetingUrl ?? ''}:${e.data.status}`).join('|'),
  );
  effect(() => {
    void links.value;
    scheduleCalls();
  });
  // A message about an invite that could not be read belongs to the talk it was tried on.
  let shownFor = currentId.peek();
  effect(() => {
    if (currentId.value !== shownFor) {
      shownFor = currentId.value;
      importError.value = null;
    }
  });
}
