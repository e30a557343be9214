/**
 * The invite being opened: a small chooser when the invite leaves something open (who, which
 * kind, which cycle), then what was made of it and the booking check (step 4).
 */
import { useState } from 'preact/hooks';
import type { ConversationKind } from '../../../shared/schemas/records';
import { locale, useT } from '../../i18n';
import { cycles, sessions, team } from '../../store';
import { cycleFor, personName } from '../model';
import { KindLabel } from '../PrepareTab';
import { Segmented, SelectField } from '../ui';
import { fmtDay, fmtWhen, shortLink } from './format';
import {
  type Answers,
  applyReview,
  cancelReviewed,
  dismissReview,
  type InviteReview as Review,
  review,
  switchEvent,
} from './wiring';

const OTHER = '__other__';

function Chooser({ r }: { r: Review }) {
  const t = useT();
  const lang = locale.value;
  const { agenda } = r;
  const q = (id: string) => agenda.questions.find((x) => x.id === id);
  const people = team.value.filter((p) => !p.left);
  const candidates = agenda.employee.candidates;
  const known = new Set(people.map((p) => p.email?.toLowerCase()).filter(Boolean));
  const newGuests = r.guests.filter((g) => g.email && !known.has(g.email));
  const kindOptions = (q('kind')?.options ?? []).map((o) => o.value as ConversationKind);
  const cycleQ = q('cycle');
  const defaultCycle = (() => {
    const ids = (cycleQ?.options ?? []).map((o) => o.value);
    const guess = cycleFor(agenda.scheduledAt ? new Date(agenda.scheduledAt) : new Date());
    return ids.includes(guess) ? guess : (ids[0] ?? '');
  })();

  const [who, setWho] = useState<string>(candidates[0]?.employeeId ?? (newGuests[0] ? `guest:0` : OTHER));
  const [other, setOther] = useState<string>(people[0]?.id ?? '');
  const [kind, setKind] = useState<ConversationKind | null>(agenda.kind.value ?? kindOptions[0] ?? null);
  const [cycleId, setCycleId] = useState<string>(defaultCycle);
  const [error, setError] = useState('');

  const submit = async (e: Event) => {
    e.preventDefault();
    const answers: Answers = {};
    if (r.needs.includes('employee')) {
      if (who.startsWith('guest:')) {
        const g = newGuests[Number(who.slice(6))];
        if (!g?.email) return setError(t('prep.review.pickPerson'));
        answers.newPerson = { name: g.name ?? g.email.split('@')[0]!, email: g.email };
      } else if (who === OTHER) {
        if (!other) return setError(t('prep.review.pickPerson'));
        answers.employeeId = other;
      } else answers.employeeId = who;
    }
    if (r.needs.includes('kind') && kind) answers.kind = kind;
    if (r.needs.includes('cycle') && cycleId) answers.cycleId = cycleId;
    await applyReview(answers);
  };

  return (
    <form class="stack-tight" onSubmit={submit} data-testid="invite-chooser">
      <p class="small">{t('prep.review.ask')}</p>
      {r.needs.includes('employee') ? (
        <fieldset class="choice" data-testid="choose-employee">
          <legend class="field-label">{q('employee')!.message[lang]}</legend>
          {candidates.map((c) => (
            <label key={c.employeeId} class="choice-row">
              <input
                type="radio"
                name={`who-${r.id}`}
                value={c.employeeId}
                checked={who === c.employeeId}
                onChange={() => setWho(c.employeeId)}
              />
              <span>
                {c.name}
                {c.email ? <span class="muted small"> · {c.email}</span> : null}
              </span>
            </label>
          ))}
          {candidates.length === 0
            ? newGuests.map((g, i) => (
                <label key={g.email} class="choice-row">
                  <input
                    type="radio"
                    name={`who-${r.id}`}
                    value={`guest:${i}`}
                    checked={who === `guest:${i}`}
                    onChange={() => setWho(`guest:${i}`)}
                  />
                  <span>
                    {t('prep.review.addGuest', { name: g.name ?? g.email! })}
                    {g.name ? <span class="muted small"> · {g.email}</span> : null}
                  </span>
                </label>
              ))
            : null}
          {people.length > 0 ? (
            <div class="choice-row">
              <input
                type="radio"
                id={`who-other-${r.id}`}
                name={`who-${r.id}`}
                value={OTHER}
                checked={who === OTHER}
                onChange={() => setWho(OTHER)}
              />
              <label for={`who-other-${r.id}`}>{t('prep.review.someoneElse')}</label>
              <select
                class="input choice-select"
                aria-label={t('prep.review.someoneElse')}
                value={other}
                onFocus={() => setWho(OTHER)}
                onChange={(e) => {
                  setOther((e.currentTarget as HTMLSelectElement).value);
                  setWho(OTHER);
                }}
                data-testid="choose-other"
              >
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.email ? ` · ${p.email}` : ''}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </fieldset>
      ) : null}
      {r.needs.includes('kind') ? (
        <Segmented
          label={q('kind')!.message[lang]}
          name={`kind-${r.id}`}
          options={kindOptions.map((k) => ({ value: k, label: KindLabel(k) }))}
          value={kind}
          onChange={setKind}
          testId="choose-kind"
        />
      ) : null}
      {r.needs.includes('cycle') && cycleQ ? (
        <SelectField
          id={`cycle-${r.id}`}
          label={cycleQ.message[lang]}
          value={cycleId}
          onChange={setCycleId}
          testId="choose-cycle"
        >
          {(cycleQ.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {cycles.value.find((c) => c.id === o.value)?.name ?? o.label[lang]}
            </option>
          ))}
        </SelectField>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <button type="submit" class="btn btn-primary" data-testid="invite-create">
          {t('prep.review.create')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={() => void dismissReview()}>
          {t('prep.review.dismiss')}
        </button>
      </div>
    </form>
  );
}

function Mark({ ok }: { ok: boolean | null }) {
  return (
    <span class="check-mark" aria-hidden="true">
      {ok === null ? '·' : ok ? '✓' : '!'}
    </span>
  );
}

function Outcome({ r }: { r: Review }) {
  const t = useT();
  const lang = locale.value;
  const { agenda, done } = r;
  const b = agenda.booking;
  const cls = (ok: boolean | null) => (ok === null ? '' : ok ? 'ok' : 'warn');
  const others = r.others ?? [];
  return (
    <div class="stack-tight" data-testid="invite-outcome" data-outcome={done?.outcome}>
      <p class={done?.outcome === 'cancelled-none' ? 'small' : 'ok-line'} role="status">
        {done?.outcome === 'created'
          ? t('prep.review.created')
          : done?.outcome === 'opened'
            ? t('prep.review.opened')
            : t('prep.review.cancelledNone')}
      </p>
      {done?.sessionId && !agenda.scheduledAt ? <p class="small muted">{t('prep.review.noTime')}</p> : null}
      {done?.sessionId ? (
        <>
          <h3 class="mini-title">{t('prep.review.booking')}</h3>
          <ul class="checks" data-testid="invite-booking">
            <li class={cls(b.aheadOk)} data-check="ahead">
              <Mark ok={b.aheadOk} />
              {b.daysAhead === undefined
                ? t('booking.aheadUnknown')
                : b.daysAhead < 0
                  ? t('prep.review.past')
                  : t('prep.review.ahead', { n: b.daysAhead })}
            </li>
            <li class={cls(b.lengthOk)} data-check="length">
              <Mark ok={b.lengthOk} />
              {agenda.durationMin === undefined
                ? t('prep.review.lengthUnknown')
                : t('prep.review.length', { n: agenda.durationMin })}
            </li>
            <li class={cls(b.selfAssessmentAsked)} data-check="self">
              <Mark ok={b.selfAssessmentAsked} />
              {b.selfAssessmentAsked ? t('prep.review.selfAsked') : t('prep.review.selfNotAsked')}
            </li>
          </ul>
        </>
      ) : null}
      {r.invite.cancelled && done?.sessionId ? (
        <div class="row">
          <p class="small">{agenda.questions.find((q) => q.id === 'cancelled')?.message[lang]}</p>
          <button type="button" class="btn" onClick={cancelReviewed} data-testid="invite-cancel">
            {t('prep.review.cancel')}
          </button>
        </div>
      ) : null}
      {others.length ? (
        <details class="suggest">
          <summary>{t('prep.review.others')}</summary>
          <ul class="suggest-list">
            {others.map((e, i) => (
              <li key={`${e.uid ?? ''}${e.start ?? i}`}>
                <button type="button" class="suggest-btn" onClick={() => void switchEvent(e)}>
                  {e.title ?? t('prep.review.untitled')} ·{' '}
                  {e.allDay ? fmtDay(e.start, lang) : fmtWhen(e.start, lang)}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

export function InviteReviewCard() {
  const t = useT();
  const lang = locale.value;
  const r = review.value;
  if (!r) return null;
  const { agenda, invite } = r;
  const made = r.done?.sessionId ? sessions.value.find((e) => e.id === r.done!.sessionId)?.data : undefined;
  const employee = made?.employeeId ?? agenda.employee.employeeId;
  const kind = made?.kind ?? agenda.kind.value;
  const when = invite.allDay ? fmtDay(invite.start, lang) : fmtWhen(agenda.scheduledAt, lang);
  return (
    <section
      class="card invite-review"
      aria-labelledby={`review-${r.id}`}
      data-testid="invite-review"
      data-state={r.done ? 'done' : 'asking'}
      data-start={invite.start}
    >
      <div class="row between">
        <span class="badge-soft">{t(`prep.review.source.${r.source}` as const)}</span>
        <button
          type="button"
          class="icon-btn"
          aria-label={t('prep.review.close')}
          title={t('prep.review.close')}
          onClick={() => void dismissReview()}
          data-testid="invite-review-close"
        >
          ×
        </button>
      </div>
      <h2 class="card-title" id={`review-${r.id}`}>
        {t('prep.review.title', { title: invite.title || t('prep.review.untitled') })}
      </h2>
      <dl class="facts-dl">
        {employee ? (
          <>
            <dt>{t('prep.field.employee')}</dt>
            <dd data-testid="review-employee">{personName(employee)}</dd>
          </>
        ) : null}
        {kind ? (
          <>
            <dt>{t('prep.field.kind')}</dt>
            <dd data-testid="review-kind">{KindLabel(kind)}</dd>
          </>
        ) : null}
        {when ? (
          <>
            <dt>{t('prep.field.when')}</dt>
            <dd>{when}</dd>
          </>
        ) : null}
        {agenda.meetingUrl ? (
          <>
            <dt>{t('prep.field.link')}</dt>
            <dd class="link-cell">{shortLink(agenda.meetingUrl)}</dd>
          </>
        ) : null}
      </dl>
      {r.done ? <Outcome r={r} /> : <Chooser r={r} />}
    </section>
  );
}
