/**
 * The call's audio, heard on the meeting page itself (issue 18): while the side panel's listening
 * meter is on, the media elements that play the other participants (Meet and Teams play them through
 * `<audio>`/`<video>` elements) are tapped into a silent Web Audio graph, each frame is reduced to
 * a level and a speech/no-speech decision by the shared VAD, and only that goes to the panel.
 *
 * A stream the page set as `srcObject` is read as is; otherwise the element's `captureStream()`
 * (Chromium), which leaves what the manager hears unchanged. Firefox's `mozCaptureStream` would
 * silence the element, so there only `srcObject` streams are heard. Sites that play the call through
 * Web Audio alone (Zoom's web client) have no element to tap: the panel then says that only the
 * microphone counts.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_VAD, newVad, sustainedDb, vadStep } from '../../shared/listening/vad';
import { isLiveFlag, LIVE_KEY, REMOTE_PORT, type RemoteLevel } from '../listening-live';

const FRAME = 4096;
const SCAN_MS = 1500;

type Capturable = HTMLMediaElement & { captureStream?: () => MediaStream };

function streamOf(el: Capturable): MediaStream | null {
  if (el.srcObject instanceof MediaStream) return el.srcObject;
  if (el.srcObject || !el.currentSrc || typeof el.captureStream !== 'function') return null;
  try {
    return el.captureStream();
  } catch {
    return null; // cross-origin media cannot be captured
  }
}

function listen(): () => void {
  const port = browser.runtime.connect({ name: REMOTE_PORT });
  const ctx = new AudioContext();
  const proc = ctx.createScriptProcessor(FRAME, 1, 1);
  const mute = ctx.createGain();
  mute.gain.value = 0;
  proc.connect(mute).connect(ctx.destination);
  const tapped = new Map<HTMLMediaElement, { stream: MediaStream; node: AudioNode }>();
  const vad = newVad();
  const opts = { ...DEFAULT_VAD, frameSeconds: FRAME / ctx.sampleRate };
  let stopped = false;

  const scan = () => {
    void ctx.resume().catch(() => {});
    for (const [el, t] of tapped) {
      if (!el.isConnected || streamOf(el as Capturable) !== t.stream) {
        t.node.disconnect();
        tapped.delete(el);
      }
    }
    for (const el of document.querySelectorAll<HTMLMediaElement>('audio, video')) {
      if (tapped.has(el)) continue;
      const stream = streamOf(el as Capturable);
      if (!stream || stream.getAudioTracks().length === 0) continue;
      const node = ctx.createMediaStreamSource(stream);
      node.connect(proc);
      tapped.set(el, { stream, node });
    }
  };
  proc.onaudioprocess = (e) => {
    if (stopped) return;
    const db = sustainedDb(e.inputBuffer.getChannelData(0));
    const msg: RemoteLevel = { db, speaking: vadStep(vad, db, opts), sources: tapped.size };
    try {
      port.postMessage(msg);
    } catch {
      stop();
    }
  };
  const timer = setInterval(scan, SCAN_MS);
  scan();
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    proc.onaudioprocess = null;
    for (const t of tapped.values()) t.node.disconnect();
    tapped.clear();
    void ctx.close().catch(() => {});
    try {
      port.disconnect();
    } catch {
      // already gone
    }
  };
  port.onDisconnect.addListener(stop);
  return stop;
}

/** Follow the panel's meter: tap the call's audio while it is on. */
export function runRemoteAudio(signal?: AbortSignal): void {
  let stop: (() => void) | null = null;
  const apply = (v: unknown) => {
    stop?.();
    stop = null;
    if (isLiveFlag(v) && v.on && !signal?.aborted) stop = listen();
  };
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && LIVE_KEY in changes) apply(changes[LIVE_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.local.get(LIVE_KEY).then(
    (got) => apply(got[LIVE_KEY]),
    () => {},
  );
  signal?.addEventListener('abort', () => {
    browser.storage.onChanged.removeListener(onChanged);
    stop?.();
  });
}
