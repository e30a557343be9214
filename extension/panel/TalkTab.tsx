/** Talk (steps 5–10): the current step large, examples for it and this employee type, tools, the stage timer. */
import { useEffect, useState } from 'preact/hooks';
import { t as tc } from '../../shared/content/pack/lookup';
import type { Example } from '../../shared/content/schema';
import { setStep } from '../../shared/logic/checklist';
import { planStages, stageStatus } from '../../shared/logic/stage-plan';
import type { Session } from '../../shared/schemas/records';
import { locale, useT } from '../i18n';
import { editSession, setLocalMeta } from '../store';
import { appendLine, buildFeedback, type FeedbackModelId } from './feedback';
import ListeningToggle from './listening/Toggle';
import { current, currentEntry, noteValue, nowIso, setNote } from './model';
import { talkNudges } from './nudges';
import { CausesEditor, NewTalk } from './PrepareTab';
import { loadExamples, pack, stepOf } from './pack';
import { CallNote } from './prepare/CallNote';
import { NoteField, Nudge, Segmented, TextInput } from './ui';

const TALK_STEPS = [5, 6, 7, 8, 9, 10] as const;
const iso = () => `${nowIso().slice(0, 19)}Z`;

function useNow(active: boolean, everyMs = 1_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [active, everyMs]);
  return now;
}

function fmt(min: number): string {
  const total = Math.floor(min * 60);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

function StageTimer({ session, step }: { session: Session; step: number }) {
  const t = useT();
  const lang = locale.value;
  const minutes = currentEntry.value?.local?.plannedMinutes ?? 60;
  const running = !!session.startedAt && !session.endedAt;
  const now = useNow(running);
  const plan = planStages(Math.min(90, Math.max(30, minutes)));
  if (!session.startedAt) {
    return (
      <div class="timer card" data-testid="timer">
        <p class="muted">{t('timer.notStarted', { n: plan.totalMinutes })}</p>
        <button
          type="button"
          class="btn btn-primary"
          onClick={() => {
            editSession(session.id, 'startedAt', iso());
            if (session.status === 'planned' || session.status === 'scheduled')
              editSession(session.id, 'status', 'held');
          }}
          data-testid="start-talk"
        >
          {t('timer.start')}
        </button>
      </div>
    );
  }
  const end = session.endedAt ? Date.parse(session.endedAt) : now;
  const st = stageStatus(plan, session.startedAt, end, step >= 5 && step <= 10 ? step : null);
  const cur = st.steps.find((x) => x.step === step);
  const state = cur?.state === 'late' ? 'late' : cur?.warn ? 'warn' : 'ok';
  return (
    <div class={`timer card timer-${state}`} data-testid="timer" data-state={state}>
      <div class="row between">
        <p class="timer-clock">
          <span class="visually-hidden">{t('timer.elapsedLabel')}: </span>
          <strong>{fmt(st.overall.elapsedMin)}</strong> <span class="muted">/ {plan.totalMinutes}:00</span>
        </p>
        {session.endedAt ? (
          <span class="badge-soft">{t('timer.ended')}</span>
        ) : (
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => editSession(session.id, 'endedAt', iso())}
            data-testid="end-talk"
          >
            {t('timer.end')}
          </button>
        )}
      </div>
      <ol class="timeline" aria-label={t('timer.plan')}>
        {st.steps.map((x) => (
          <li
            key={x.step}
            class={`seg seg-${x.state}${x.warn ? ' seg-warn' : ''}`}
            style={{ flexGrow: x.endsAtMin - x.startsAtMin }}
            title={`${x.step} · ${tc(stepOf(x.step).title, lang)} · ${x.endsAtMin - x.startsAtMin} min`}
          >
            <span class="visually-hidden">
              {t('steps.step', { n: x.step })}
              {t(`timer.state.${x.state}` as const)}
            </span>
            <span aria-hidden="true">{x.step}</span>
          </li>
        ))}
      </ol>
      <CallNote session={session} />
      <p class="timer-note" aria-live="polite">
        {session.endedAt
          ? t('timer.lasted', { n: Math.round(st.overall.elapsedMin) })
          : state === 'late'
            ? t('timer.late', { n: Math.ceil(st.overall.behindByMin) })
            : state === 'warn'
              ? t('timer.warn', { n: Math.max(1, Math.ceil((cur?.endsAtMin ?? 0) - st.overall.elapsedMin)) })
              : st.overall.overtimeMin > 0
                ? t('timer.over', { n: Math.ceil(st.overall.overtimeMin) })
                : t('timer.onTrack', { n: Math.ceil(st.overall.remainingMin) })}
      </p>
    </div>
  );
}

function Examples({ step, session }: { step: number; session: Session }) {
  const t = useT();
  const lang = locale.value;
  const [all, setAll] = useState<Example[] | null>(null);
  useEffect(() => {
    let live = true;
    loadExamples().then((x) => live && setAll(x));
    return () => {
      live = false;
    };
  }, []);
  const type = session.employeeType ?? null;
  if (!all) return <p class="muted">{t('examples.loading')}</p>;
  const list = all
    .filter((e) => e.step === step && (!type || e.types.includes(type)))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.types.length - b.e.types.length || a.i - b.i)
    .map(({ e }) => e)
    .slice(0, type ? 6 : 4);
  return (
    <section class="examples" aria-labelledby="examples-title" data-testid="examples">
      <h3 class="mini-title" id="examples-title">
        {type
          ? t('examples.titleFor', { type: tc(pack.employeeTypes.find((x) => x.id === type)!.name, lang) })
          : t('examples.title')}
      </h3>
      {!type ? <p class="field-hint">{t('examples.pickType')}</p> : null}
      <ul class="example-list">
        {list.map((e) => (
          <li key={e.id} class="example" data-example={e.id}>
            <p class="example-title">{tc(e.title, lang)}</p>
            <blockquote class="example-text">{tc(e.text, lang)}</blockquote>
            {e.why ? <p class="example-why">{tc(e.why, lang)}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Three or four short fields → one well-formed feedback sentence, inserted into the notes. */
export function FeedbackBuilder({ session }: { session: Session }) {
  const t = useT();
  const lang = locale.value;
  const [model, setModel] = useState<FeedbackModelId>('sbi');
  const [values, setValues] = useState<Record<string, string>>({});
  const m = pack.feedbackModels[model];
  const built = buildFeedback(pack.feedbackModels, model, values, lang);
  const insert = () => {
    if (!built.text) return;
    setNote(session, 'feedback', appendLine(noteValue(session, 'feedback'), built.text));
    setValues({});
  };
  return (
    <div class="builder subcard" data-testid="feedback-builder">
      <Segmented
        label={t('builder.model')}
        name={`model-${session.id}`}
        options={[
          { value: 'sbi', label: 'SBI' },
          { value: 'best', label: 'BEST' },
        ]}
        value={model}
        onChange={(v) => {
          setModel(v);
          setValues({});
        }}
        testId="builder-model"
      />
      <p class="field-hint">{tc(m.name, lang)}</p>
      {m.parts.map((part) => (
        <TextInput
          key={`${model}-${part.id}`}
          label={tc(part.label, lang)}
          value={values[part.id] ?? ''}
          onInput={(v) => setValues((x) => ({ ...x, [part.id]: v }))}
          placeholder={tc(part.placeholder, lang)}
          hint={tc(part.hint, lang)}
          testId={`builder-${part.id}`}
        />
      ))}
      <div class="preview" aria-live="polite" data-testid="builder-preview">
        {built.text ? (
          <p>{built.text}</p>
        ) : (
          <p class="muted">
            {t('builder.missing', {
              parts: built.missing
                .map((id) => tc(m.parts.find((p) => p.id === id)!.label, lang))
                .join(lang === 'zh-CN' ? '、' : ', '),
            })}
          </p>
        )}
      </div>
      <button
        type="button"
        class="btn btn-primary"
        disabled={!built.text}
        onClick={insert}
        data-testid="builder-insert"
      >
        {t('builder.insert')}
      </button>
    </div>
  );
}

function StepTools({ step, session }: { step: number; session: Session }) {
  const t = useT();
  const lang = locale.value;
  const type = pack.employeeTypes.find((x) => x.id === session.employeeType);
  switch (step) {
    case 5:
      return type ? (
        <div class="subcard">
          <h3 class="mini-title">{t('talk.openings')}</h3>
          <ul class="prompts">
            {type.openings[lang].map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
          <p class="field-hint">
            {t('type.tone')}: {tc(type.tone, lang)}
          </p>
        </div>
      ) : (
        <p class="muted">{t('examples.pickType')}</p>
      );
    case 6:
      return (
        <TextInput
          label={t('talk.selfAssessment')}
          value={session.selfAssessment ?? ''}
          onInput={(v) => editSession(session.id, 'selfAssessment', v || null)}
          multiline
          rows={4}
          placeholder={t('talk.selfAssessmentPlaceholder')}
          testId="self-assessment"
        />
      );
    case 7:
      return (
        <>
          {session.agenda?.strengths ? (
            <p class="reminder">
              <strong>{t('talk.strengthsNoted')}</strong> {session.agenda.strengths}
            </p>
          ) : null}
          <FeedbackBuilder session={session} />
          <NoteField session={session} id="feedback" label={t('talk.feedbackNotes')} />
        </>
      );
    case 8:
      return <CausesEditor session={session} probing />;
    case 9:
      return (
        <>
          <div class="grow-grid">
            {pack.grow.map((g) => (
              <div key={g.id} class="subcard">
                <h3 class="mini-title">
                  {g.id[0]!.toUpperCase()} · {tc(g.name, lang)}
                </h3>
                <ul class="prompts">
                  {g.questions[lang].map((q) => (
                    <li key={q}>{q}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <NoteField session={session} id="plan" label={t('talk.planNotes')} />
          <p class="field-hint">{t('talk.planToRecord')}</p>
        </>
      );
    case 10:
      return (
        <NoteField
          session={session}
          id="recap"
          label={t('talk.recap')}
          placeholder={t('talk.recapPlaceholder')}
        />
      );
    default:
      return null;
  }
}

function isTyping(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  if (!e) return false;
  const tag = e.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.isContentEditable;
}

export default function TalkTab({ step, onStep }: { step: number; onStep: (n: number) => void }) {
  const t = useT();
  const lang = locale.value;
  const s = current.value;
  const cur = TALK_STEPS.includes(step as (typeof TALK_STEPS)[number]) ? step : 5;

  const go = (n: number) => {
    if (!s) return;
    if (n > cur) editSession(s.id, 'checklist', setStep(s.checklist, cur, true));
    setLocalMeta('session', s.id, { currentStep: n });
    onStep(n);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if ((e.target as HTMLElement | null)?.getAttribute?.('role') === 'tab') return;
      if ((e.key === 'n' || e.key === 'ArrowRight') && cur < 10) {
        e.preventDefault();
        go(cur + 1);
      } else if ((e.key === 'p' || e.key === 'ArrowLeft') && cur > 5) {
        e.preventDefault();
        go(cur - 1);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  if (!s) return <NewTalk />;
  const info = stepOf(cur);
  const nudges = talkNudges(s, cur);
  return (
    <div class="stack" key={s.id}>
      <StageTimer session={s} step={cur} />
      <ListeningToggle session={s} step={cur} />
      <nav class="stepper" aria-label={t('talk.steps')}>
        {TALK_STEPS.map((n) => (
          <button
            key={n}
            type="button"
            class={`stepper-dot ${n === cur ? 'is-current' : ''} ${s.checklist?.includes(n) ? 'is-done' : ''}`}
            aria-current={n === cur ? 'step' : undefined}
            onClick={() => go(n)}
            title={tc(stepOf(n).title, lang)}
            data-step-dot={n}
          >
            {n}
          </button>
        ))}
      </nav>
      <section
        class="card current-step"
        data-step={cur}
        data-current="true"
        aria-labelledby="current-step-title"
        aria-live="polite"
      >
        <p class="eyebrow">{t('talk.stepOf', { n: cur, total: 12 })}</p>
        <h2 class="big-title" id="current-step-title" data-testid="current-step-title">
          {tc(info.title, lang)}
        </h2>
        <p class="lead">{tc(info.summary, lang)}</p>
        <ul class="detail-list">
          {info.actions[lang].map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        <p class="done-when">
          <strong>{t('steps.doneWhen')}</strong>
          {tc(info.doneWhen, lang)}
        </p>
        <div class="row between">
          <button
            type="button"
            class="btn btn-quiet"
            disabled={cur <= 5}
            onClick={() => go(cur - 1)}
            data-testid="prev-step"
          >
            ← {t('talk.prev')}
          </button>
          {cur < 10 ? (
            <button type="button" class="btn btn-primary" onClick={() => go(cur + 1)} data-testid="next-step">
              {t('talk.next')} → <kbd class="kbd">N</kbd>
            </button>
          ) : (
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => {
                editSession(s.id, 'checklist', setStep(s.checklist, 10, true));
                if (s.startedAt && !s.endedAt) editSession(s.id, 'endedAt', iso());
                onStep(11);
              }}
              data-testid="finish-talk"
            >
              {t('talk.finish')}
            </button>
          )}
        </div>
      </section>
      {nudges.map((n) => (
        <Nudge key={n}>
          {n === 'notListening'
            ? tc(pack.pitfalls.find((p) => p.id === 'notListening')!.nudge, lang)
            : tc(pack.nudges[n as 'noStrengths' | 'noFacts'], lang)}
        </Nudge>
      ))}
      <StepTools step={cur} session={s} />
      <Examples step={cur} session={s} />
    </div>
  );
}
