/**
 * The listening meter's audio side in the side panel (issue 18): the manager's microphone through
 * a silent Web Audio graph, one decision per frame of 4096 samples (about 12 a second), paired
 * with the call's latest frame from the meeting page (`adapters/remote-audio.ts`). Everything stays
 * in this page's memory; the only output is the running shares (`shared/listening`).
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import {
  type Balance,
  currentMonologue,
  meterStep,
  newMeter,
  type RemoteFrame,
  sustainedDb,
  totalSeconds,
} from '../../../shared/listening';
import { LIVE_KEY, type LiveFlag, REMOTE_PORT, type RemoteLevel } from '../../listening-live';

const FRAME = 4096;
/** A frame of the call older than this is stale: the page stopped sending (tab closed, muted). */
const REMOTE_STALE_MS = 600;

export interface LiveState {
  balance: Balance;
  seconds: number;
  monologue: number;
  managerNow: boolean;
  otherNow: boolean;
  /** Meeting pages sending the call's audio, and media elements they hear. */
  pages: number;
  sources: number;
}

export type MeterProblem = 'mic-denied' | 'mic-missing' | 'failed';

export interface RunningMeter {
  state: ReturnType<typeof signal<LiveState>>;
  stop(): void;
}

function setLive(on: boolean): Promise<void> {
  const flag: LiveFlag = { on, at: new Date().toISOString() };
  return browser.storage.local.set({ [LIVE_KEY]: flag }).catch(() => {});
}

export async function startMeter(onFrame: (s: LiveState) => void): Promise<RunningMeter> {
  let mic: MediaStream;
  try {
    mic = await navigator.mediaDevices.getUserMedia({
      // The browser's echo canceller removes most of the call from the microphone; the gate in
      // shared/listening handles what is left.
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: false },
    });
  } catch (e) {
    const name = (e as DOMException)?.name;
    throw new Error(
      name === 'NotAllowedError' || name === 'SecurityError'
        ? 'mic-denied'
        : name === 'NotFoundError'
          ? 'mic-missing'
          : 'failed',
    );
  }
  const ctx = new AudioContext();
  const source = ctx.createMediaStreamSource(mic);
  const proc = ctx.createScriptProcessor(FRAME, 1, 1);
  const mute = ctx.createGain();
  mute.gain.value = 0;
  source.connect(proc);
  proc.connect(mute).connect(ctx.destination);
  const meter = newMeter(FRAME / ctx.sampleRate);

  const ports = new Map<Browser.runtime.Port, { at: number; level: RemoteLevel }>();
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== REMOTE_PORT || !port.sender?.tab) return;
    ports.set(port, { at: 0, level: { db: -120, speaking: false, sources: 0 } });
    port.onMessage.addListener((m: unknown) => {
      const l = m as RemoteLevel;
      if (typeof l?.db === 'number' && typeof l.speaking === 'boolean')
        ports.set(port, { at: performance.now(), level: l });
    });
    port.onDisconnect.addListener(() => ports.delete(port));
  };
  browser.runtime.onConnect.addListener(onConnect);

  const remoteNow = (): { frame: RemoteFrame | null; sources: number } => {
    const now = performance.now();
    let frame: RemoteFrame | null = null;
    let sources = 0;
    for (const { at, level } of ports.values()) {
      if (now - at > REMOTE_STALE_MS) continue;
      sources += level.sources;
      if (!frame || level.db > frame.levelDb) frame = { levelDb: level.db, speaking: level.speaking };
      else if (level.speaking) frame.speaking = true;
    }
    return { frame, sources };
  };

  const state = signal<LiveState>(snapshot(meter.balance, false, false, 0, 0));
  function snapshot(b: Balance, managerNow: boolean, otherNow: boolean, pages: number, sources: number) {
    return {
      balance: { ...b },
      seconds: totalSeconds(b),
      monologue: currentMonologue(b),
      managerNow,
      otherNow,
      pages,
      sources,
    };
  }
  proc.onaudioprocess = (e) => {
    const { frame, sources } = remoteNow();
    const manager = meterStep(meter, sustainedDb(e.inputBuffer.getChannelData(0)), frame);
    const s = snapshot(meter.balance, manager, !!frame?.speaking, ports.size, sources);
    state.value = s;
    onFrame(s);
  };
  void ctx.resume().catch(() => {});
  await setLive(true);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    proc.onaudioprocess = null;
    browser.runtime.onConnect.removeListener(onConnect);
    for (const p of ports.keys()) p.disconnect();
    ports.clear();
    for (const t of mic.getTracks()) t.stop();
    void ctx.close().catch(() => {});
    removeEventListener('pagehide', stop);
    void setLive(false);
  };
  addEventListener('pagehide', stop);
  return { state, stop };
}
