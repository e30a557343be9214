/**
 * "Since last time" (issue 9): what the talk being prepared picks up from the earlier talks with
 * the same employee — open action items with their check-ins (tick done, update, drop, add a
 * check-in) and last talk's questions not yet in this agenda (one click adds them).
 */
import { useState } from 'preact/hooks';
import {
  addCheckIn,
  type CarriedItem,
  carryOver,
  carryQuestionsInto,
} from '../../../shared/followup/carry-over';
import type { Session } from '../../../shared/schemas/records';
import { locale, useT } from '../../i18n';
import { actionItems, editItem, editSession, sessions } from '../../store';
import { personName } from '../model';
import { KindLabel } from '../PrepareTab';
import { TextInput } from '../ui';
import { fmtDay } from './format';

const nowSec = () => `${new Date().toISOString().slice(0, 19)}Z`;

/** The manager's today as `YYYY-MM-DD` in the browser's zone. */
export function localToday(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function ItemRow({ c, onStatus }: { c: CarriedItem; onStatus: (msg: string) => void }) {
  const t = useT();
  const lang = locale.value;
  const a = c.item;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const [due, setDue] = useState(a.dueOn ?? '');
  const title = a.title || t('item.untitled');
  const saveCheckIn = () => {
    const next = addCheckIn(a, note, nowSec());
    if (next === a) return;
    editItem(a.id, 'checkIns', next.checkIns);
    setNote('');
    onStatus(t('prep.since.marked', { title }));
  };
  return (
    <li
      class={`carry-item ${c.overdue ? 'is-overdue' : ''}`}
      data-testid="carry-item"
      data-item={a.id}
      data-owner={a.owner}
    >
      <div class="row between">
        <p class="item-title">{title}</p>
        <span class={`badge-soft ${c.support ? 'badge-support' : ''}`}>
          {c.support ? t('item.support') : t('item.ownerEmployee')}
        </span>
      </div>
      <p class={`small ${c.overdue ? 'late-text' : 'muted'}`}>
        {a.dueOn
          ? c.overdue
            ? t('prep.since.overdue', { date: fmtDay(a.dueOn, lang) })
            : t('prep.since.due', { date: fmtDay(a.dueOn, lang) })
          : t('prep.since.noDue')}
        {' · '}
        {t('prep.since.from', { when: fmtDay(c.from.at, lang) || KindLabel(c.from.kind) })}
        {a.measure ? ` · ${a.measure}` : ''}
      </p>
      {c.checkIns.length ? (
        <details class="carry-checkins" open={c.checkIns.length <= 2}>
          <summary class="small">{t('prep.since.checkIns', { n: c.checkIns.length })}</summary>
          <ul class="checkins">
            {c.checkIns.slice(-5).map((x) => (
              <li key={`${x.at}${x.note}`}>
                <time dateTime={x.at}>{fmtDay(x.at, lang)}</time> {x.note}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div class="row carry-actions">
        <button
          type="button"
          class="btn btn-small"
          onClick={() => {
            editItem(a.id, 'doneAt', nowSec());
            editItem(a.id, 'status', 'done');
            onStatus(t('prep.since.marked', { title }));
          }}
          data-testid="carry-done"
        >
          ✓ {t('prep.since.done')}
        </button>
        <button
          type="button"
          class="btn btn-small btn-quiet"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
          data-testid="carry-update"
        >
          {t('prep.since.update')}
        </button>
        <button
          type="button"
          class="btn btn-small btn-quiet"
          onClick={() => {
            editItem(a.id, 'status', 'dropped');
            onStatus(t('prep.since.marked', { title }));
          }}
          data-testid="carry-drop"
        >
          {t('prep.since.drop')}
        </button>
      </div>
      {editing ? (
        <div class="subcard carry-edit">
          <TextInput
            label={t('prep.since.dueLabel')}
            type="date"
            value={due}
            onInput={(v) => {
              setDue(v);
              if (!v || /^\d{4}-\d{2}-\d{2}$/.test(v)) editItem(a.id, 'dueOn', v || null);
            }}
            testId="carry-due"
          />
          <div class="row">
            <TextInput
              label={t('prep.since.checkIn')}
              value={note}
              onInput={setNote}
              placeholder={t('prep.since.checkInPlaceholder')}
              class="grow"
              testId="carry-checkin-text"
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  saveCheckIn();
                }
              }}
            />
            <button type="button" class="btn" onClick={saveCheckIn} data-testid="carry-checkin-add">
              {t('prep.since.addCheckIn')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

export function SinceLastTime({ session }: { session: Session }) {
  const t = useT();
  const lang = locale.value;
  const [status, setStatus] = useState('');
  const since = carryOver({
    employeeId: session.employeeId,
    sessions: sessions.value.map((e) => e.data),
    // Items still being written (no title yet) are drafts, not agreements.
    actionItems: actionItems.value.map((e) => e.data).filter((a) => (a.title ?? '').trim() !== ''),
    beforeSessionId: session.id,
    today: localToday(),
  });
  const name = personName(session.employeeId);
  const addQuestions = (texts: string[]) => {
    const next = carryQuestionsInto(session.agenda, texts);
    editSession(session.id, 'agenda.questions', next.questions);
  };
  const last = since.lastTalk;
  return (
    <section class="card since" aria-labelledby="since-title" data-testid="since-last-time">
      <h2 class="card-title" id="since-title">
        <span class="since-mark" aria-hidden="true">
          ↻
        </span>{' '}
        {t('prep.since.title')}
      </h2>
      {!last ? (
        <p class="muted small" data-testid="since-empty">
          {t('prep.since.first', { name })}
        </p>
      ) : (
        <>
          <p class="small muted" data-testid="since-last">
            {t('prep.since.last', { when: fmtDay(last.at, lang) || '—', kind: KindLabel(last.kind) })}
            {last.consensus ? ` · ${t(`prep.one.consensus.${last.consensus}` as const)}` : ''}
          </p>
          {last.mainGoal || last.nextGoals ? (
            <dl class="facts-dl">
              {last.mainGoal ? (
                <>
                  <dt>{t('prep.since.goal')}</dt>
                  <dd>{last.mainGoal}</dd>
                </>
              ) : null}
              {last.nextGoals ? (
                <>
                  <dt>{t('prep.since.nextGoals')}</dt>
                  <dd>{last.nextGoals}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {since.isEmpty ? <p class="muted small">{t('prep.since.nothing')}</p> : null}
        </>
      )}
      {since.openItems.length ? (
        <>
          <h3 class="mini-title">{t('prep.since.items', { n: since.openItems.length })}</h3>
          <ul class="plain-list stack-tight">
            {since.openItems.map((c) => (
              <ItemRow key={c.item.id} c={c} onStatus={setStatus} />
            ))}
          </ul>
        </>
      ) : null}
      {since.questions.length ? (
        <>
          <div class="row between">
            <h3 class="mini-title">{t('prep.since.questions')}</h3>
            {since.questions.length > 1 ? (
              <button
                type="button"
                class="btn btn-small btn-quiet"
                onClick={() => addQuestions(since.questions.map((q) => q.text))}
                data-testid="carry-questions-all"
              >
                ＋ {t('prep.since.addAll')}
              </button>
            ) : null}
          </div>
          <ul class="suggest-list">
            {since.questions.map((q) => (
              <li key={q.text}>
                <button
                  type="button"
                  class="suggest-btn"
                  onClick={() => addQuestions([q.text])}
                  aria-label={t('prep.since.addQuestionFor', { q: q.text })}
                  data-testid="carry-question"
                >
                  <span aria-hidden="true">＋</span> {q.text}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="visually-hidden" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
