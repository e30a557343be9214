/**
 * The meeting launcher runner: a floating `<tandem-launcher>` on meeting pages, and the call's
 * start and end read from the page: "joined" when the in-call UI (the leave button) appears,
 * "left" when it has been gone for a moment, or when the page is hidden for good (`pagehide`).
 */

import { browser } from 'wxt/browser';
import { meetingProvider, normalizeMeetingUrl } from '../../shared/invite/links';
import { isZh, observe, watch } from './dom';
import { healthReporter, STORAGE_KEYS, send } from './messages';
import { askForPanel } from './panel-hint';
import { runRemoteAudio } from './remote-audio';
import { type Corner, createHost, type Host, makeMovable } from './ui';

export interface MeetingSite {
  /** The in-call UI (typically the leave-call button) in `doc`, or null. */
  inCall(doc: Document): Element | null;
  /** Pre-join UI: the launcher also shows when this is on the page. */
  lobby?: string;
  /**
   * Shown only once admitted to the call (e.g. participant tiles), independent of the leave button:
   * with this on the page and no in-call UI found, the adapter has missed the call.
   */
  admitted?: string;
  /** Iframes (same origin) whose documents hold the meeting UI, e.g. Zoom's `iframe#webclient`. */
  frames?: string;
  /** The meeting's join link from the page address (before normalising), if the address has one. */
  link?(loc: Location): string | undefined;
}

/** How long the in-call UI may vanish (a re-render, a layout switch) before the call counts as left. */
export const LEFT_GRACE_MS = 1500;

/**
 * How long a meeting page may show neither a known lobby nor the in-call UI before the launcher
 * falls back to manual marks ("Start call" / "End call") and site health records the miss.
 */
export const FALLBACK_MS = 4000;

const TAG = 'tandem-launcher';
const now = () => new Date().toISOString();

export function runLauncher(site: MeetingSite, signal?: AbortSignal): void {
  runRemoteAudio(signal); // the call's audio for the listening meter, only while it is on
  const zh = isZh();
  const docs = new Set<Document>([document]);
  let host: Host | null = null;
  let leaveEl: Element | null = null;
  let joinedUrl: string | null = null;
  let goneAt: string | null = null;
  let goneTimer: ReturnType<typeof setTimeout> | undefined;
  /** The adapter could not follow the call: the launcher offers manual marks. */
  let fallback = false;
  let fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  /** The call was marked by hand (its end too: the page's UI says nothing). */
  let manual = false;
  /** The in-call UI was seen on this page: the screen after the call is not a miss. */
  let seen = false;
  let corner: Corner | undefined;
  const report = healthReporter();
  const hostName = location.hostname;
  const labels = zh
    ? { start: '标记开始', end: '标记结束', title: '打开 Tandem 面谈助手（可拖到其他角落）' }
    : {
        start: 'Mark start',
        end: 'Mark end',
        title: 'Open Tandem for this conversation (drag to another corner)',
      };

  const link = () => site.link?.(location) ?? location.href;
  const startLink = link();
  /** The normalised link: the page's current one if it names a meeting, else the one it opened with. */
  const meetingUrl = () => {
    const current = link();
    return normalizeMeetingUrl(meetingProvider(current) || !meetingProvider(startLink) ? current : startLink);
  };

  const findInCall = (): Element | null => {
    if (leaveEl?.isConnected) return leaveEl;
    for (const d of docs) {
      const el = site.inCall(d);
      if (el) return el;
    }
    return null;
  };

  const left = (at: string) => {
    if (!joinedUrl) return;
    const url = joinedUrl;
    joinedUrl = null;
    leaveEl = null;
    manual = false;
    paint();
    void send({ type: 'call/left', meetingUrl: url, at });
  };

  /** The host's state attributes and the mark button's label. */
  const paint = () => {
    if (!host) return;
    host.dataset.state = joinedUrl ? 'in-call' : 'idle';
    if (fallback) host.dataset.mode = 'fallback';
    else delete host.dataset.mode;
    if (corner) host.dataset.corner = corner;
    host.tandemMark?.(joinedUrl ? labels.end : labels.start);
  };

  /** The manager marks the call's start or end by hand (fallback mode). */
  const mark = () => {
    if (joinedUrl) {
      left(now());
      return;
    }
    manual = true;
    joinedUrl = meetingUrl();
    void send({ type: 'call/joined', meetingUrl: joinedUrl, at: now() });
    // In a call the adapter did not see: the in-call UI is what it missed.
    report(false, ['anchor']);
    paint();
  };

  const ensureHost = (show: boolean) => {
    if (!show) {
      host?.remove();
      for (const el of [...document.getElementsByTagName(TAG)]) el.remove();
      return;
    }
    if (host?.isConnected) return;
    const t0 = performance.now();
    for (const el of [...document.getElementsByTagName(TAG)]) el.remove();
    host = createHost(TAG, {
      label: 'Tandem',
      lang: zh ? 'zh-CN' : 'en',
      title: labels.title,
      floating: true,
      mark: { label: labels.start, onClick: mark },
      onClick: () =>
        askForPanel(host, { type: 'launcher/open', meetingUrl: joinedUrl ?? meetingUrl(), at: now() }, zh),
    });
    makeMovable(host, (c) => {
      corner = c;
      void browser.storage.local
        .get(STORAGE_KEYS.launcherCorner)
        .then((got) => {
          const all = (got[STORAGE_KEYS.launcherCorner] ?? {}) as Record<string, Corner>;
          return browser.storage.local.set({ [STORAGE_KEYS.launcherCorner]: { ...all, [hostName]: c } });
        })
        .catch(() => {});
    });
    paint();
    (document.body ?? document.documentElement).append(host);
    host.dataset.mountMs = (performance.now() - t0).toFixed(3);
  };

  const update = () => {
    const el = findInCall();
    if (el) {
      leaveEl = el;
      if (goneTimer) {
        clearTimeout(goneTimer);
        goneTimer = undefined;
        goneAt = null;
      }
      if (!joinedUrl) {
        joinedUrl = meetingUrl();
        void send({ type: 'call/joined', meetingUrl: joinedUrl, at: now() });
      }
      // A call marked by hand that the page now shows: the page's UI ends it from here on.
      manual = false;
      report(true, meetingProvider(meetingUrl()) ? [] : ['meeting-link']);
    } else if (joinedUrl && !manual && !goneTimer) {
      goneAt = now();
      goneTimer = setTimeout(() => {
        goneTimer = undefined;
        try {
          if (!findInCall()) left(goneAt ?? now());
        } catch {
          // Quiet on the page.
        }
      }, LEFT_GRACE_MS);
    }
    const has = (sel: string | undefined) => !!sel && [...docs].some((d) => d.querySelector(sel) !== null);
    const lobby = has(site.lobby);
    const show = !!el || manual || meetingProvider(link()) !== null || lobby;
    // Known ground: the in-call UI, or the lobby before admission.
    if (el) seen = true;
    const known = !!el || seen || (lobby && !has(site.admitted));
    if (known || !show) {
      clearTimeout(fallbackTimer);
      fallbackTimer = undefined;
      if (el || !show) fallback = manual;
    } else if (!fallback && !fallbackTimer) {
      fallbackTimer = setTimeout(() => {
        fallbackTimer = undefined;
        fallback = true;
        report(false, ['anchor']);
        paint();
      }, FALLBACK_MS);
    }
    ensureHost(show);
    paint();
  };

  void browser.storage.local
    .get(STORAGE_KEYS.launcherCorner)
    .then((got) => {
      corner = ((got[STORAGE_KEYS.launcherCorner] ?? {}) as Record<string, Corner>)[hostName];
      paint();
    })
    .catch(() => {});

  watch(update, document, signal);

  if (site.frames) {
    observe<HTMLIFrameElement>(
      site.frames,
      (frame) => {
        let stopInner: (() => void) | undefined;
        let inner: Document | null = null;
        const attach = () => {
          stopInner?.();
          if (inner) docs.delete(inner);
          try {
            inner = frame.contentDocument;
          } catch {
            inner = null;
          }
          if (!inner) return;
          docs.add(inner);
          stopInner = watch(update, inner, signal);
        };
        frame.addEventListener('load', attach);
        attach();
        return () => {
          frame.removeEventListener('load', attach);
          stopInner?.();
          if (inner) docs.delete(inner);
          update();
        };
      },
      { signal },
    );
  }

  const onPageHide = () => left(now());
  window.addEventListener('pagehide', onPageHide);
  signal?.addEventListener(
    'abort',
    () => {
      window.removeEventListener('pagehide', onPageHide);
      if (goneTimer) clearTimeout(goneTimer);
      clearTimeout(fallbackTimer);
      host?.remove();
    },
    { once: true },
  );
}
