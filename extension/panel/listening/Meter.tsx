/**
 * The live listening meter (issue 18): a compact bar of who is talking (you, them, silence), the
 * longest monologue so far, whether the call is heard, and quiet, dismissable nudges tied to the
 * method. Loaded only when the manager switches the meter on.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { dueNudges, type ListeningNudge, newNudgeTracker, summarize } from '../../../shared/listening';
import type { Session } from '../../../shared/schemas/records';
import { locale } from '../../i18n';
import { editSession } from '../../store';
import { type LiveState, type RunningMeter, startMeter } from './engine';
import { lt } from './messages';
import './listening.css';

/** How often the shares are written to the session while the meter runs (seconds of audio). */
const SAVE_EVERY_SECONDS = 10;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export default function Meter({ session, step }: { session: Session; step: number }) {
  const lang = locale.value;
  const [live, setLive] = useState<LiveState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [nudges, setNudges] = useState<ListeningNudge[]>([]);
  const [dismissed, setDismissed] = useState<ListeningNudge[]>([]);
  const stepRef = useRef(step);
  stepRef.current = step;

  useEffect(() => {
    let meter: RunningMeter | null = null;
    let cancelled = false;
    let savedAt = 0;
    const tracker = newNudgeTracker();
    let last: LiveState | null = null;
    const save = () => {
      const summary = last && summarize(last.balance);
      if (summary) editSession(session.id, 'listening', summary);
    };
    // Redraw a few times a second, not on every frame.
    const paint = setInterval(() => last && setLive(last), 250);
    startMeter((s) => {
      last = s;
      const due = dueNudges(tracker, s.balance, stepRef.current);
      if (due.length) setNudges((n) => [...n, ...due]);
      if (s.seconds - savedAt >= SAVE_EVERY_SECONDS) {
        savedAt = s.seconds;
        save();
      }
    }).then(
      (m) => {
        if (cancelled) m.stop();
        else meter = m;
      },
      (e: Error) => !cancelled && setProblem(e.message),
    );
    return () => {
      cancelled = true;
      clearInterval(paint);
      meter?.stop();
      save();
    };
  }, [session.id]);

  if (problem) {
    const key = (['mic-denied', 'mic-missing'].includes(problem) ? problem : 'failed') as 'mic-denied';
    return (
      <p class="nudge nudge-warn" role="alert" data-testid="listening-problem" data-problem={problem}>
        {lt(`problem.${key}`, lang)}
      </p>
    );
  }
  const summary = live ? summarize(live.balance) : null;
  const pct = (x: number | undefined) => Math.round((x ?? 0) * 100);
  const m = pct(summary?.managerShare);
  const o = pct(summary?.otherShare);
  const s = summary ? 100 - m - o : 0;
  const shown = nudges.filter((n) => !dismissed.includes(n));
  return (
    <div
      class="meter"
      data-testid="listening-meter"
      data-manager={summary?.managerShare ?? ''}
      data-other={summary?.otherShare ?? ''}
      data-silence={summary?.silenceShare ?? ''}
      data-seconds={live ? live.seconds.toFixed(1) : '0'}
      data-pages={live?.pages ?? 0}
    >
      <div class="meter-bar" role="img" aria-label={lt('meterLabel', lang, { m, o, s })}>
        <span class="meter-you" style={{ flexGrow: m }} />
        <span class="meter-them" style={{ flexGrow: o }} />
        <span class="meter-quiet" style={{ flexGrow: summary ? s : 1 }} />
      </div>
      <ul class="meter-legend">
        <li class={live?.managerNow ? 'is-now' : ''}>
          <i class="dot dot-you" aria-hidden="true" />
          {lt('you', lang)} <strong>{m}%</strong>
          {live?.managerNow ? <span class="visually-hidden"> {lt('speakingNow', lang)}</span> : null}
        </li>
        <li class={live?.otherNow ? 'is-now' : ''}>
          <i class="dot dot-them" aria-hidden="true" />
          {lt('them', lang)} <strong>{o}%</strong>
        </li>
        <li>
          <i class="dot dot-quiet" aria-hidden="true" />
          {lt('silence', lang)} <strong>{s}%</strong>
        </li>
      </ul>
      <p class="meter-facts">
        <span data-testid="listening-longest">
          {lt('longest', lang, { t: clock(live?.balance.longestMonologue ?? 0) })}
        </span>
        <span class="muted">{lt('over', lang, { t: clock(live?.seconds ?? 0) })}</span>
      </p>
      <p
        class="field-hint"
        data-testid="listening-call"
        data-heard={live && live.sources > 0 ? 'true' : 'false'}
      >
        {live && live.sources > 0
          ? lt('callHeard', lang, {
              n: live.sources,
              what: lang === 'en' ? (live.sources === 1 ? 'source' : 'sources') : '',
            })
          : lt('callMissing', lang)}
        {import.meta.env.FIREFOX ? ` ${lt('firefox', lang)}` : ''}
      </p>
      {shown.map((n) => (
        <div key={n} class="nudge nudge-info meter-nudge" data-testid="listening-nudge" data-nudge={n}>
          <span>{lt(`nudge.${n}`, lang)}</span>
          <button
            type="button"
            class="btn btn-quiet btn-small"
            aria-label={lt('dismissLabel', lang)}
            onClick={() => setDismissed((d) => [...d, n])}
            data-testid="listening-dismiss"
          >
            {lt('dismiss', lang)}
          </button>
        </div>
      ))}
    </div>
  );
}
