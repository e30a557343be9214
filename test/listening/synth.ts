/**
 * Synthetic PCM for the meter's tests and bench: speech-like sound (a voiced tone whose loudness
 * rises and falls at syllable rate), room noise, keyboard clicks and silence, in frames.
 */
export const RATE = 48_000;
export const FRAME = 4096;
export const FRAME_SECONDS = FRAME / RATE;

export type Part = { kind: 'speech' | 'noise' | 'keys' | 'silence'; seconds: number; gain?: number };

/** A deterministic pseudo-random source (tests must not be flaky). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** Samples for a script of parts, at RATE. */
export function render(parts: readonly Part[], seed = 1): Float32Array {
  const total = Math.round(parts.reduce((a, p) => a + p.seconds, 0) * RATE);
  const out = new Float32Array(total);
  const rand = rng(seed);
  let at = 0;
  for (const p of parts) {
    const n = Math.round(p.seconds * RATE);
    const g = p.gain ?? 1;
    for (let i = 0; i < n; i++) {
      const t = (at + i) / RATE;
      const noise = rand() * 0.002;
      let v = noise;
      if (p.kind === 'speech') {
        const syllable = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
        v += 0.25 * g * syllable * (Math.sin(2 * Math.PI * 180 * t) + 0.5 * Math.sin(2 * Math.PI * 360 * t));
      } else if (p.kind === 'keys') {
        // A 3 ms click every 140 ms, as loud as speech at its peak.
        const inClick = (at + i) % Math.round(0.14 * RATE) < 0.003 * RATE;
        if (inClick) v += 0.5 * g * rand() * 2;
      } else if (p.kind === 'silence') v = 0;
      out[at + i] = v;
    }
    at += n;
  }
  return out;
}

/** Frames of FRAME samples (the tail shorter than a frame is dropped). */
export function* frames(samples: Float32Array): Generator<Float32Array> {
  for (let i = 0; i + FRAME <= samples.length; i += FRAME) yield samples.subarray(i, i + FRAME);
}

/** Mixes b into a with gain g (same length or shorter). */
export function mix(a: Float32Array, b: Float32Array, g: number): Float32Array {
  const out = Float32Array.from(a);
  for (let i = 0; i < Math.min(a.length, b.length); i++) out[i]! += b[i]! * g;
  return out;
}
