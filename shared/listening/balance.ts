/**
 * Who is talking, frame by frame: the manager's microphone against the call's audio (the other
 * side), with the far end's echo gated out of the microphone, summed into shares of the talk, the
 * longest manager monologue and who spoke first. Pure; time comes from frame lengths, never a clock.
 */
import { DEFAULT_VAD, newVad, type VadOptions, type VadState, vadStep } from './vad';

/** What is kept with the session (`Session.listening`). */
export interface ListeningSummary {
  managerShare: number;
  otherShare: number;
  silenceShare: number;
  longestMonologueSeconds: number;
  /** null while nobody has spoken. */
  employeeSpokeFirst: boolean | null;
}

/** The other side's state for one frame, as the meeting page measured it. */
export interface RemoteFrame {
  speaking: boolean;
  /** Its sustained level, dBFS (see vad.ts). */
  levelDb: number;
}

export interface EchoGateOptions {
  /** Where the echo estimate starts: echo as loud as the far end itself (the safe side). */
  initialCouplingDb: number;
  /** While the far end talks, the microphone must be this much above the expected echo. */
  marginDb: number;
  /** How fast the estimate follows what the microphone hears while only the far end talks. */
  follow: number;
}

export const DEFAULT_ECHO_GATE: EchoGateOptions = { initialCouplingDb: 0, marginDb: 6, follow: 0.1 };

/** A manager monologue ends when the other side holds the floor this long … */
export const MONOLOGUE_YIELD_SECONDS = 1;
/** … or after this much silence. */
export const MONOLOGUE_PAUSE_SECONDS = 3;

export interface Balance {
  /** Seconds: manager alone, other alone, both, neither. */
  manager: number;
  other: number;
  both: number;
  silence: number;
  firstSpeaker: 'manager' | 'other' | null;
  /** The running monologue, in seconds since the meter started; null when none. */
  monologueStart: number | null;
  monologueLastSpeech: number;
  otherRun: number;
  longestMonologue: number;
}

export function newBalance(): Balance {
  return {
    manager: 0,
    other: 0,
    both: 0,
    silence: 0,
    firstSpeaker: null,
    monologueStart: null,
    monologueLastSpeech: 0,
    otherRun: 0,
    longestMonologue: 0,
  };
}

export function totalSeconds(b: Balance): number {
  return b.manager + b.other + b.both + b.silence;
}

/** Adds one frame of `dt` seconds in which the manager and/or the other side spoke. */
export function addFrame(b: Balance, manager: boolean, other: boolean, dt: number): void {
  const t = totalSeconds(b);
  if (manager && other) b.both += dt;
  else if (manager) b.manager += dt;
  else if (other) b.other += dt;
  else b.silence += dt;
  if (!b.firstSpeaker && (manager || other)) b.firstSpeaker = manager && !other ? 'manager' : 'other';

  if (manager) {
    if (b.monologueStart === null) b.monologueStart = t;
    b.monologueLastSpeech = t + dt;
    b.otherRun = 0;
  } else if (b.monologueStart !== null) {
    b.otherRun = other ? b.otherRun + dt : 0;
    if (b.otherRun >= MONOLOGUE_YIELD_SECONDS || t + dt - b.monologueLastSpeech >= MONOLOGUE_PAUSE_SECONDS)
      b.monologueStart = null;
  }
  b.longestMonologue = Math.max(b.longestMonologue, currentMonologue(b));
}

/** Length of the running monologue, seconds (0 when none). */
export function currentMonologue(b: Balance): number {
  return b.monologueStart === null ? 0 : b.monologueLastSpeech - b.monologueStart;
}

/** Shares of the whole time (overlap split evenly), rounded to 3 places so they sum to 1. */
export function summarize(b: Balance): ListeningSummary | null {
  const total = totalSeconds(b);
  if (total <= 0) return null;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const managerShare = round((b.manager + b.both / 2) / total);
  const otherShare = round((b.other + b.both / 2) / total);
  return {
    managerShare,
    otherShare,
    silenceShare: round(Math.max(0, 1 - managerShare - otherShare)),
    longestMonologueSeconds: Math.round(b.longestMonologue),
    employeeSpokeFirst: b.firstSpeaker === null ? null : b.firstSpeaker === 'other',
  };
}

/** The microphone side: its VAD and the echo estimate. */
export interface Meter {
  vad: VadState;
  opts: VadOptions;
  gate: EchoGateOptions;
  /** Expected echo level relative to the far end's level, dB. */
  couplingDb: number;
  balance: Balance;
}

export function newMeter(frameSeconds: number, gate: EchoGateOptions = DEFAULT_ECHO_GATE): Meter {
  return {
    vad: newVad(),
    opts: { ...DEFAULT_VAD, frameSeconds },
    gate,
    couplingDb: gate.initialCouplingDb,
    balance: newBalance(),
  };
}

/**
 * One microphone frame at sustained level `micDb`, with the far end's latest frame (null when the
 * call's audio is not available). Returns whether the manager counted as speaking.
 *
 * Echo gate: while the far end talks, the microphone counts only when it is louder than the
 * expected echo (far-end level + coupling) by a margin; the coupling estimate follows what the
 * microphone hears in frames it did not count, so it settles on the room's real echo.
 */
export function meterStep(m: Meter, micDb: number, remote: RemoteFrame | null): boolean {
  const far = remote?.speaking ? remote.levelDb : null;
  const vadSpeaking = vadStep(m.vad, micDb, m.opts);
  let manager = vadSpeaking;
  if (far !== null) {
    const echoDb = far + m.couplingDb;
    if (micDb < echoDb + m.gate.marginDb) {
      manager = false;
      const heard = Math.max(-60, Math.min(micDb - far, m.gate.initialCouplingDb));
      m.couplingDb += (heard - m.couplingDb) * m.gate.follow;
    }
  }
  addFrame(m.balance, manager, !!remote?.speaking, m.opts.frameSeconds);
  return manager;
}
