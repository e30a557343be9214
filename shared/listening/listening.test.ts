import { describe, expect, it } from 'vitest';
import { FRAME_SECONDS, frames, mix, type Part, render } from '../../test/listening/synth';
import {
  addFrame,
  DEFAULT_VAD,
  dueNudges,
  MONOLOGUE_SECONDS,
  meterStep,
  newBalance,
  newMeter,
  newNudgeTracker,
  newVad,
  type RemoteFrame,
  summarize,
  sustainedDb,
  vadStep,
} from './index';

const opts = { ...DEFAULT_VAD, frameSeconds: FRAME_SECONDS };

/** Seconds the VAD calls speech over a script. */
function speechSeconds(parts: Part[]): number {
  const vad = newVad();
  let n = 0;
  for (const f of frames(render(parts))) if (vadStep(vad, sustainedDb(f), opts)) n++;
  return n * FRAME_SECONDS;
}

/** Runs the meter on two scripts (mic, remote) and returns the summary. */
function run(mic: Float32Array, remote: Float32Array | null) {
  const m = newMeter(FRAME_SECONDS);
  const far = newVad();
  const micFrames = [...frames(mic)];
  const farFrames = remote ? [...frames(remote)] : [];
  micFrames.forEach((f, i) => {
    let r: RemoteFrame | null = null;
    const g = farFrames[i];
    if (g) {
      const levelDb = sustainedDb(g);
      r = { levelDb, speaking: vadStep(far, levelDb, opts) };
    }
    meterStep(m, sustainedDb(f), r);
  });
  return { summary: summarize(m.balance)!, meter: m };
}

describe('VAD', () => {
  it('counts speech and not the silence or room noise around it', () => {
    const got = speechSeconds([
      { kind: 'noise', seconds: 5 },
      { kind: 'speech', seconds: 10 },
      { kind: 'noise', seconds: 5 },
      { kind: 'speech', seconds: 4 },
      { kind: 'silence', seconds: 6 },
    ]);
    expect(got).toBeGreaterThan(13.3);
    expect(got).toBeLessThan(14.8);
  });

  it('does not count typing as speech', () => {
    expect(
      speechSeconds([
        { kind: 'noise', seconds: 3 },
        { kind: 'keys', seconds: 20 },
      ]),
    ).toBe(0);
  });

  it('follows a louder steady noise into the floor (a fan switched on)', () => {
    const loud = { kind: 'noise' as const, seconds: 30, gain: 1 };
    const parts: Part[] = [{ kind: 'noise', seconds: 10 }, loud, { kind: 'speech', seconds: 5 }];
    const samples = render(parts);
    // Replace the middle noise with a 20 dB louder steady hum.
    for (let i = 10 * 48_000; i < 40 * 48_000; i++)
      samples[i] = 0.02 * Math.sin((2 * Math.PI * 100 * i) / 48_000);
    const vad = newVad();
    let inHum = 0;
    let inSpeech = 0;
    [...frames(samples)].forEach((f, i) => {
      const on = vadStep(vad, sustainedDb(f), opts);
      const t = i * FRAME_SECONDS;
      if (on && t > 20 && t < 40) inHum++;
      if (on && t > 40.5) inSpeech++;
    });
    expect(inHum).toBe(0);
    expect(inSpeech * FRAME_SECONDS).toBeGreaterThan(3.5);
  });

  it('holds through the short pauses inside a sentence (hysteresis)', () => {
    const parts: Part[] = [{ kind: 'noise', seconds: 2 }];
    for (let i = 0; i < 10; i++)
      parts.push({ kind: 'speech', seconds: 0.8 }, { kind: 'noise', seconds: 0.15 });
    const vad = newVad();
    let starts = 0;
    let was = false;
    for (const f of frames(render(parts))) {
      const on = vadStep(vad, sustainedDb(f), opts);
      if (on && !was) starts++;
      was = on;
    }
    expect(starts).toBe(1);
  });
});

describe('shares from two voices', () => {
  it('gives the known split of a scripted talk', () => {
    // 40 s: manager 16 s, employee 12 s, 12 s silence — never at the same time.
    const mic = render([
      { kind: 'noise', seconds: 2 },
      { kind: 'speech', seconds: 16 },
      { kind: 'noise', seconds: 22 },
    ]);
    const remote = render(
      [
        { kind: 'silence', seconds: 22 },
        { kind: 'speech', seconds: 12 },
        { kind: 'silence', seconds: 6 },
      ],
      7,
    );
    const { summary } = run(mic, remote);
    expect(summary.managerShare).toBeCloseTo(16 / 40, 1);
    expect(summary.otherShare).toBeCloseTo(12 / 40, 1);
    expect(summary.silenceShare).toBeCloseTo(12 / 40, 1);
    expect(summary.managerShare + summary.otherShare + summary.silenceShare).toBeCloseTo(1, 6);
    expect(summary.employeeSpokeFirst).toBe(false);
    expect(summary.longestMonologueSeconds).toBeGreaterThanOrEqual(15);
    expect(summary.longestMonologueSeconds).toBeLessThanOrEqual(17);
  });

  it('does not count the echo of the far end in the microphone as the manager', () => {
    const remote = render([
      { kind: 'silence', seconds: 2 },
      { kind: 'speech', seconds: 20 },
      { kind: 'silence', seconds: 8 },
    ]);
    const room = render([{ kind: 'noise', seconds: 30 }], 3);
    // The speakers leak the far end into the microphone at -8 dB, no one in the room talks.
    const mic = mix(room, remote, 0.4);
    const { summary } = run(mic, remote);
    expect(summary.managerShare).toBeLessThan(0.03);
    expect(summary.otherShare).toBeCloseTo(20 / 30, 1);
    expect(summary.employeeSpokeFirst).toBe(true);
  });

  it('still hears the manager talking over a quiet echo', () => {
    const remote = render([{ kind: 'speech', seconds: 30 }], 5);
    const speech = render(
      [
        { kind: 'noise', seconds: 15 },
        { kind: 'speech', seconds: 15 },
      ],
      9,
    );
    // Echo at -26 dB: the gate learns it in the first 15 s, then the manager is 20 dB above it.
    const mic = mix(speech, remote, 0.05);
    const { summary } = run(mic, remote);
    // Both talk for the last 15 s: split evenly, so the manager gets about 7.5 / 30.
    expect(summary.managerShare).toBeGreaterThan(0.18);
    expect(summary.managerShare).toBeLessThan(0.3);
  });

  it('a manager alone with no call audio', () => {
    const mic = render([
      { kind: 'speech', seconds: 9 },
      { kind: 'noise', seconds: 11 },
    ]);
    const { summary } = run(mic, null);
    expect(summary.otherShare).toBe(0);
    expect(summary.managerShare).toBeGreaterThan(0.4);
    expect(summary.managerShare).toBeLessThan(0.5);
  });

  it('summarize is null before any frame', () => {
    expect(summarize(newBalance())).toBeNull();
  });
});

describe('monologue and first speaker', () => {
  it('bridges pauses but ends when the other side takes the floor', () => {
    const b = newBalance();
    const step = (m: boolean, o: boolean, seconds: number) => {
      for (let t = 0; t < seconds; t += 0.1) addFrame(b, m, o, 0.1);
    };
    step(false, true, 1); // the employee opens
    step(true, false, 30);
    step(false, false, 2); // a pause: still the same monologue
    step(true, false, 20);
    step(false, true, 0.5); // "mm-hm": not taking the floor
    step(true, false, 10);
    step(false, true, 2); // the employee talks: monologue over
    step(true, false, 5);
    const s = summarize(b)!;
    expect(s.longestMonologueSeconds).toBe(63);
    expect(s.employeeSpokeFirst).toBe(true);
  });
});

describe('nudges', () => {
  const frame = 0.1;
  function talk(script: [boolean, boolean, number, number][]) {
    const b = newBalance();
    const tr = newNudgeTracker();
    const seen: { at: number; n: string }[] = [];
    let t = 0;
    for (const [m, o, seconds, step] of script) {
      for (let i = 0; i < Math.round(seconds / frame); i++) {
        addFrame(b, m, o, frame);
        t += frame;
        for (const n of dueNudges(tr, b, step)) seen.push({ at: Math.round(t * 10) / 10, n });
      }
    }
    return seen;
  }

  it('step 6: once the manager has talked over 60 % of the step for 15 s', () => {
    const seen = talk([
      [true, false, 60, 5], // a long opening in step 5 does not count for step 6
      [false, true, 10, 6],
      [true, false, 30, 6],
    ]);
    const s6 = seen.filter((x) => x.n === 'step6');
    expect(s6).toHaveLength(1);
    // 10 s employee, then the manager: > 60 % of the step after 25.1 s of manager talk.
    expect(s6[0]!.at).toBeCloseTo(60 + 10 + 15.1, 0);
  });

  it('no step-6 nudge when the employee holds the step', () => {
    const seen = talk([
      [false, true, 60, 6],
      [true, false, 20, 6],
    ]);
    expect(seen.some((x) => x.n === 'step6')).toBe(false);
  });

  it('whole talk over 65 % after three minutes, once; a monologue over two minutes, once', () => {
    const seen = talk([
      [true, false, MONOLOGUE_SECONDS + 5, 7],
      [false, true, 5, 7],
      [true, false, MONOLOGUE_SECONDS + 5, 8],
    ]);
    const overall = seen.filter((x) => x.n === 'overall');
    expect(overall).toHaveLength(1);
    expect(overall[0]!.at).toBeCloseTo(180, 0);
    expect(seen.filter((x) => x.n === 'monologue')).toHaveLength(1);
    expect(seen.find((x) => x.n === 'monologue')!.at).toBeCloseTo(120.1, 0);
  });
});
