/**
 * The meeting launcher runner: a floating `<tandem-launcher>` on meeting pages, and the call's
 * start and end read from the page: "joined" when the in-call UI (the leave button) appears,
 * "left" when it has been gone for a moment, or when the page is hidden for good (`pagehide`).
 */
import { meetingProvider, normalizeMeetingUrl } from '../../shared/invite/links';
import { isZh, observe, watch } from './dom';
import { send } from './messages';
import { runRemoteAudio } from './remote-audio';
import { createHost } from './ui';

export interface MeetingSite {
  /** The in-call UI (typically the leave-call button) in `doc`, or null. */
  inCall(doc: Document): Element | null;
  /** Pre-join UI: the launcher also shows when this is on the page. */
  lobby?: string;
  /** Iframes (same origin) whose documents hold the meeting UI, e.g. Zoom's `iframe#webclient`. */
  frames?: string;
  /** The meeting's join link from the page address (before normalising), if the address has one. */
  link?(loc: Location): string | undefined;
}

/** How long the in-call UI may vanish (a re-render, a layout switch) before the call counts as left. */
export const LEFT_GRACE_MS = 1500;

const TAG = 'tandem-launcher';
const now = () => new Date().toISOString();

export function runLauncher(site: MeetingSite, signal?: AbortSignal): void {
  runRemoteAudio(signal); // the call's audio for the listening meter, only while it is on
  const zh = isZh();
  const docs = new Set<Document>([document]);
  let host: HTMLElement | null = null;
  let leaveEl: Element | null = null;
  let joinedUrl: string | null = null;
  let goneAt: string | null = null;
  let goneTimer: ReturnType<typeof setTimeout> | undefined;

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
    if (host) host.dataset.state = 'idle';
    void send({ type: 'call/left', meetingUrl: url, at });
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
      title: zh ? '打开 Tandem 面谈助手' : 'Open Tandem for this conversation',
      floating: true,
      onClick: () => void send({ type: 'launcher/open', meetingUrl: joinedUrl ?? meetingUrl(), at: now() }),
    });
    host.dataset.state = joinedUrl ? 'in-call' : 'idle';
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
    } else if (joinedUrl && !goneTimer) {
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
    const show =
      !!el ||
      meetingProvider(link()) !== null ||
      [...docs].some((d) => !!site.lobby && d.querySelector(site.lobby) !== null);
    ensureHost(show);
    if (host) host.dataset.state = joinedUrl ? 'in-call' : 'idle';
  };

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
      host?.remove();
    },
    { once: true },
  );
}
