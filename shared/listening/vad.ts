/**
 * Voice-activity detection on short PCM frames (a few per second), with no dependencies: the side
 * panel runs it on the microphone, the meeting page's content script on the call's audio.
 *
 * Per frame we keep one number, the *sustained level*: the dB level of the third-loudest of eight
 * sub-blocks (~10 ms each). Speech keeps energy up across a frame; a key press or a click fills one
 * sub-block or two, so typing does not lift the sustained level the way it lifts the plain RMS.
 *
 * The detector tracks a noise floor by minimum statistics (the quietest frame of the last few
 * seconds: speech always pauses for breath, a fan never does, so a steady noise becomes floor while a
 * voice stays above it) and decides with hysteresis: speech starts after `attackFrames` frames above
 * floor + `onMarginDb` and ends after `hangoverSeconds` below floor + `offMarginDb`, so the short
 * pauses inside a sentence do not split it.
 */

export const SILENT_DB = -120;

export interface VadOptions {
  /** Seconds per frame (samples / sample rate). */
  frameSeconds: number;
  onMarginDb: number;
  offMarginDb: number;
  /** Nothing quieter than this is speech, whatever the floor (digital silence, a muted mic). */
  minSpeechDb: number;
  attackFrames: number;
  hangoverSeconds: number;
  /** The floor is the quietest frame of this many seconds. */
  floorWindowSeconds: number;
  /** Until one window has passed, the floor is at most this (a talk may start mid-sentence). */
  floorPriorDb: number;
  /** The floor never goes below this (else any hiss over digital silence would count). */
  floorMinDb: number;
}

export const DEFAULT_VAD: Omit<VadOptions, 'frameSeconds'> = {
  onMarginDb: 12,
  offMarginDb: 6,
  minSpeechDb: -50,
  attackFrames: 2,
  hangoverSeconds: 0.35,
  floorWindowSeconds: 8,
  floorPriorDb: -50,
  floorMinDb: -75,
};

export interface VadState {
  floorDb: number;
  /** Minima of the last blocks of the floor window (each an eighth of it), newest last. */
  mins: number[];
  blockFrames: number;
  speaking: boolean;
  above: number;
  below: number;
  frames: number;
}

export function newVad(): VadState {
  return { floorDb: Number.NaN, mins: [], blockFrames: 0, speaking: false, above: 0, below: 0, frames: 0 };
}

export function toDb(rms: number): number {
  return rms > 0 ? Math.max(SILENT_DB, 20 * Math.log10(rms)) : SILENT_DB;
}

const SUB_BLOCKS = 8;
const SUSTAIN_RANK = 3;

/** The sustained level of one frame of samples in [-1, 1], in dBFS (see the module comment). */
export function sustainedDb(samples: ArrayLike<number>): number {
  const n = samples.length;
  if (n === 0) return SILENT_DB;
  const size = Math.max(1, Math.floor(n / SUB_BLOCKS));
  const blocks: number[] = [];
  for (let start = 0; start + size <= n && blocks.length < SUB_BLOCKS; start += size) {
    let sum = 0;
    for (let i = start; i < start + size; i++) {
      const v = samples[i]!;
      sum += v * v;
    }
    blocks.push(sum / size);
  }
  blocks.sort((a, b) => b - a);
  const pick = blocks[Math.min(SUSTAIN_RANK, blocks.length) - 1]!;
  return toDb(Math.sqrt(pick));
}

/**
 * One frame: update the floor and the decision; returns whether this frame is speech.
 * `extraDb` raises the start threshold (the echo gate uses it while the far end talks).
 */
export function vadStep(state: VadState, levelDb: number, opts: VadOptions, extraDb = 0): boolean {
  const level = Number.isFinite(levelDb) ? Math.max(SILENT_DB, levelDb) : SILENT_DB;
  state.frames++;
  updateFloor(state, level, opts);
  const floor = state.floorDb;
  const on = Math.max(floor + opts.onMarginDb, opts.minSpeechDb) + extraDb;
  const off = Math.max(floor + opts.offMarginDb, opts.minSpeechDb - 6) + extraDb;
  if (state.speaking) {
    if (level < off) {
      state.below++;
      if (state.below * opts.frameSeconds >= opts.hangoverSeconds) {
        state.speaking = false;
        state.above = 0;
      }
    } else state.below = 0;
  } else if (level >= on) {
    state.above++;
    if (state.above >= opts.attackFrames) {
      state.speaking = true;
      state.below = 0;
    }
  } else state.above = 0;

  return state.speaking;
}

const FLOOR_BLOCKS = 8;

function updateFloor(state: VadState, level: number, opts: VadOptions): void {
  const perBlock = Math.max(1, Math.round(opts.floorWindowSeconds / FLOOR_BLOCKS / opts.frameSeconds));
  if (state.blockFrames === 0 || state.mins.length === 0) {
    state.mins.push(level);
    if (state.mins.length > FLOOR_BLOCKS) state.mins.shift();
  } else {
    const last = state.mins.length - 1;
    state.mins[last] = Math.min(state.mins[last]!, level);
  }
  state.blockFrames = (state.blockFrames + 1) % perBlock;
  let floor = Math.min(...state.mins);
  if (state.frames * opts.frameSeconds < opts.floorWindowSeconds) floor = Math.min(floor, opts.floorPriorDb);
  state.floorDb = Math.max(opts.floorMinDb, floor);
}
