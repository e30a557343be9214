/** The invite and call wiring: calls become `startedAt`/`endedAt`; the meeting launcher selects its session. */
import { browser } from 'wxt/browser';
import type { CallRecord, PanelRequest } from '../../adapters/messages';
import { STORAGE_KEYS } from '../../adapters/messages';
import { selectTab } from '../../entrypoints/sidepanel/state';
import { editSession, sessions, setLocalMeta } from '../../store';
import { withLock } from '../../store/storage';
import { selectSession } from '../model';
import { type FromCall, matchPanelRequest, planCallTimes } from './match';
import { liveSessions, PANEL_REQUEST_MAX_AGE_MS, panelChoice, sessionById } from './wiring-state';

// ---------------------------------------------------------------------------------------------
// Calls

let callTimer: ReturnType<typeof setTimeout> | null = null;

/** Apply `tandem:calls` to the sessions soon (debounced). */
export function scheduleCalls(delayMs = 150): void {
  if (callTimer) clearTimeout(callTimer);
  callTimer = setTimeout(() => {
    callTimer = null;
    void applyCalls();
  }, delayMs);
}

export async function applyCalls(): Promise<number> {
  const got = await browser.storage.local.get(STORAGE_KEYS.calls);
  const raw = got[STORAGE_KEYS.calls];
  const calls = Array.isArray(raw) ? (raw as CallRecord[]) : [];
  if (calls.length === 0) return 0;
  const list = sessions.value.map((e) => ({
    session: e.data,
    fromCall: (e.local?.fromCall ?? null) as FromCall | null,
  }));
  const updates = planCallTimes(list, calls);
  for (const u of updates) {
    for (const [field, value] of Object.entries(u.set)) editSession(u.sessionId, field, value);
    setLocalMeta('session', u.sessionId, { fromCall: u.fromCall });
  }
  return updates.length;
}

// ---------------------------------------------------------------------------------------------
// The launcher

let lastRequest: string | null = null;

export async function onPanelRequest(req: PanelRequest | undefined): Promise<void> {
  if (!req?.meetingUrl || typeof req.at !== 'string') return;
  const key = `${req.at}|${req.meetingUrl}|${req.tabId}`;
  if (key === lastRequest) return;
  lastRequest = key;
  if (Date.now() - Date.parse(req.at) > PANEL_REQUEST_MAX_AGE_MS) return consumeRequest(req);
  const m = matchPanelRequest(liveSessions(), req);
  if (m.kind === 'session') {
    openForCall(m.sessionId, req, m.setLink);
    await consumeRequest(req);
  } else {
    panelChoice.value = { request: req, candidates: m.candidates };
    selectTab('prepare');
  }
}

function openForCall(sessionId: string, req: PanelRequest, setLink: boolean): void {
  const s = sessionById(sessionId);
  if (s && setLink && !s.meetingUrl) editSession(sessionId, 'meetingUrl', req.meetingUrl);
  selectSession(sessionId);
  selectTab('talk');
  scheduleCalls();
}

/** The manager picked the talk for the meeting the launcher was clicked in (null: a new talk). */
export async function choosePanelSession(sessionId: string | null): Promise<void> {
  const c = panelChoice.value;
  if (!c) return;
  panelChoice.value = null;
  if (sessionId) openForCall(sessionId, c.request, true);
  else {
    selectSession(null);
    selectTab('prepare');
  }
  await consumeRequest(c.request);
}

export async function dismissPanelChoice(): Promise<void> {
  const c = panelChoice.value;
  panelChoice.value = null;
  if (c) await consumeRequest(c.request);
}

async function consumeRequest(req: PanelRequest): Promise<void> {
  await withLock(async () => {
    const got = await browser.storage.local.get(STORAGE_KEYS.panelRequest);
    const now = got[STORAGE_KEYS.panelRequest] as PanelRequest | undefined;
    if (now && now.at === req.at && now.meetingUrl === req.meetingUrl)
      await browser.storage.local.remove(STORAGE_KEYS.panelRequest);
  });
}
