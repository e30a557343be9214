/** Prepare (steps 1–4): who and what kind, the employee type, main goal, facts, the four pieces, questions, booking and invite. */
import { useState } from 'preact/hooks';
import { t as tc } from '../../shared/content/pack/lookup';
import type {
  CauseCategoryId,
  ConversationKind,
  EmployeeTypeId,
  Session,
} from '../../shared/schemas/records';
import { locale, useT } from '../i18n';
import { addPerson, connection, cycles, editSession, setLocalMeta, team } from '../store';
import { bookingCheck, inviteText } from './invite';
import { current, currentEntry, newSession, personName } from './model';
import { pack } from './pack';
import { PrepareFacts, PrepareTop } from './prepare/lazy';
import { copyText, NoteField, Nudge, Segmented, SelectField, StepSection, TextInput } from './ui';

const KINDS: ConversationKind[] = ['plan', 'coaching', 'review'];

export function KindLabel(kind: ConversationKind): string {
  return tc(pack.kinds.find((k) => k.id === kind)!.name, locale.value);
}

/** Pick or add the person and the kind of talk; creates the session. */
export function NewTalk({ onDone }: { onDone?: () => void }) {
  const t = useT();
  const people = team.value.filter((p) => !p.left);
  const [employeeId, setEmployeeId] = useState<string>(people[0]?.id ?? '');
  const [kind, setKind] = useState<ConversationKind>('review');
  const [adding, setAdding] = useState(people.length === 0);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState('');
  const [cycleId, setCycleId] = useState<string>('');

  const create = async (e: Event) => {
    e.preventDefault();
    let id = employeeId || people[0]?.id || '';
    if (adding) {
      if (!name.trim()) return setError(t('person.nameRequired'));
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return setError(t('person.emailRequired'));
      id = crypto.randomUUID();
      await addPerson({ id, name: name.trim(), email: email.trim().toLowerCase() });
    }
    if (!id) return setError(t('person.pick'));
    newSession(id, kind, cycleId || undefined);
    onDone?.();
  };

  return (
    <form class="card new-talk" onSubmit={create} data-testid="new-talk" aria-labelledby="new-talk-title">
      <h2 class="card-title" id="new-talk-title">
        {t('newTalk.title')}
      </h2>
      <p class="card-sub">{t(connection.value ? 'newTalk.introConnected' : 'newTalk.introSolo')}</p>
      {!adding ? (
        <div class="field">
          <label class="field-label" for="nt-person">
            {t('newTalk.person')}
          </label>
          <div class="row">
            <select
              id="nt-person"
              class="input"
              value={employeeId || people[0]?.id || ''}
              onChange={(e) => setEmployeeId((e.currentTarget as HTMLSelectElement).value)}
              data-testid="employee-picker"
            >
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.department ? ` · ${p.department}` : ''}
                  {p.pending ? ` (${t('person.pending')})` : ''}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() => setAdding(true)}
              data-testid="add-person"
            >
              {t('person.add')}
            </button>
          </div>
        </div>
      ) : (
        <fieldset class="subcard" data-testid="person-form">
          <legend class="field-label">{t('person.addTitle')}</legend>
          <TextInput label={t('person.name')} value={name} onInput={setName} testId="person-name" />
          <TextInput
            label={t('person.email')}
            value={email}
            onInput={setEmail}
            type="email"
            testId="person-email"
            hint={t('person.emailHint')}
          />
          {people.length > 0 ? (
            <button type="button" class="btn btn-quiet" onClick={() => setAdding(false)}>
              {t('person.pickInstead')}
            </button>
          ) : null}
        </fieldset>
      )}
      <Segmented
        label={t('newTalk.kind')}
        name="nt-kind"
        options={KINDS.map((k) => ({ value: k, label: KindLabel(k) }))}
        value={kind}
        onChange={setKind}
        testId="kind"
      />
      {cycles.value.length > 0 ? (
        <SelectField id="nt-cycle" label={t('newTalk.cycle')} value={cycleId} onChange={setCycleId}>
          <option value="">{t('newTalk.cycleAuto')}</option>
          {cycles.value.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" class="btn btn-primary" data-testid="create-session">
        {t('newTalk.create')}
      </button>
    </form>
  );
}

/** The 2×2 performance × willingness matrix; picking a type shows its focus, tone and risk. */
export function TypeMatrix({ session }: { session: Session }) {
  const t = useT();
  const lang = locale.value;
  const chosen = session.employeeType ?? null;
  const order: EmployeeTypeId[] = ['wavering', 'mature', 'disengaged', 'confused'];
  const type = pack.employeeTypes.find((e) => e.id === chosen);
  return (
    <div class="type-matrix">
      <fieldset class="matrix" data-testid="type-matrix">
        <legend class="field-label">{t('type.legend')}</legend>
        <div class="matrix-grid">
          <span class="axis axis-y" aria-hidden="true">
            {t('type.performance')} ↑
          </span>
          {order.map((id) => {
            const et = pack.employeeTypes.find((e) => e.id === id)!;
            return (
              <label key={id} class={`matrix-cell ${chosen === id ? 'is-on' : ''}`} data-type={id}>
                <input
                  type="radio"
                  name={`type-${session.id}`}
                  checked={chosen === id}
                  onChange={() => editSession(session.id, 'employeeType', id)}
                />
                <span class="matrix-name">{tc(et.name, lang)}</span>
                <span class="matrix-axes">
                  {t(et.performance === 'high' ? 'type.perfHigh' : 'type.perfLow')} ·{' '}
                  {t(et.willingness === 'high' ? 'type.willHigh' : 'type.willLow')}
                </span>
              </label>
            );
          })}
          <span class="axis axis-x" aria-hidden="true">
            {t('type.willingness')} →
          </span>
        </div>
      </fieldset>
      {type ? (
        <dl class="type-card" data-testid="type-card">
          <dt>{t('type.focus')}</dt>
          <dd>{tc(type.focus, lang)}</dd>
          <dt>{t('type.tone')}</dt>
          <dd>{tc(type.tone, lang)}</dd>
          <dt>{t('type.risk')}</dt>
          <dd>{tc(type.risk, lang)}</dd>
        </dl>
      ) : (
        <p class="muted">{t('type.pickHint')}</p>
      )}
    </div>
  );
}

/** Causes by category: add a cause under one of the five categories; remove one. */
export function CausesEditor({ session, probing }: { session: Session; probing?: boolean }) {
  const t = useT();
  const lang = locale.value;
  const causes = session.agenda?.causes ?? [];
  const [cat, setCat] = useState<CauseCategoryId>('understanding');
  const [text, setText] = useState('');
  const add = () => {
    if (!text.trim()) return;
    editSession(session.id, 'agenda.causes', [...causes, { category: cat, text: text.trim() }]);
    setText('');
  };
  const category = pack.causeCategories.find((c) => c.id === cat)!;
  return (
    <div class="causes" data-testid="causes">
      {pack.causeCategories.map((c) => {
        const list = causes.filter((x) => x.category === c.id);
        if (list.length === 0) return null;
        return (
          <div key={c.id} class="cause-group">
            <h4 class="mini-title">{tc(c.name, lang)}</h4>
            <ul class="plain-list">
              {list.map((x) => (
                <li key={x.text} class="removable">
                  <span>{x.text}</span>
                  <button
                    type="button"
                    class="icon-btn"
                    aria-label={t('common.removeItem', { item: x.text })}
                    onClick={() =>
                      editSession(
                        session.id,
                        'agenda.causes',
                        causes.filter((y) => y !== x),
                      )
                    }
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <div class="cause-add">
        <SelectField
          id={`cause-cat-${session.id}`}
          label={t('causes.category')}
          value={cat}
          onChange={(v) => setCat(v as CauseCategoryId)}
          testId="cause-category"
        >
          {pack.causeCategories.map((c) => (
            <option key={c.id} value={c.id}>
              {tc(c.name, lang)}
            </option>
          ))}
        </SelectField>
        <p class="field-hint">{tc(category.description, lang)}</p>
        {probing ? (
          <ul class="prompts">
            {category.probingQuestions[lang].map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        ) : null}
        <div class="row">
          <TextInput
            label={t('causes.text')}
            labelHidden
            value={text}
            onInput={setText}
            placeholder={t('causes.placeholder')}
            testId="cause-text"
            class="grow"
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" class="btn" onClick={add} data-testid="cause-add">
            {t('common.add')}
          </button>
        </div>
      </div>
    </div>
  );
}

function Questions({ session }: { session: Session }) {
  const t = useT();
  const lang = locale.value;
  const qs = session.agenda?.questions ?? [];
  const [text, setText] = useState('');
  const add = (q: string) => {
    const v = q.trim();
    if (!v || qs.includes(v)) return;
    editSession(session.id, 'agenda.questions', [...qs, v]);
  };
  const suggestions = pack.agendaPieces.flatMap((p) => p.questions[lang]).filter((q) => !qs.includes(q));
  const count = qs.length;
  return (
    <div class="questions" data-testid="questions">
      <h3 class="mini-title">
        {t('questions.title')}{' '}
        <span class={`count ${count >= 4 && count <= 6 ? 'ok' : 'warn'}`} data-testid="question-count">
          {t('questions.count', { n: count })}
        </span>
      </h3>
      {count > 0 ? (
        <ol class="q-list">
          {qs.map((q) => (
            <li key={q} class="removable">
              <span>{q}</span>
              <button
                type="button"
                class="icon-btn"
                aria-label={t('common.removeItem', { item: q })}
                onClick={() =>
                  editSession(
                    session.id,
                    'agenda.questions',
                    qs.filter((x) => x !== q),
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div class="row">
        <TextInput
          label={t('questions.new')}
          labelHidden
          value={text}
          onInput={setText}
          placeholder={t('questions.placeholder')}
          testId="question-text"
          class="grow"
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(text);
              setText('');
            }
          }}
        />
        <button
          type="button"
          class="btn"
          onClick={() => {
            add(text);
            setText('');
          }}
          data-testid="question-add"
        >
          {t('common.add')}
        </button>
      </div>
      {suggestions.length > 0 && count < 6 ? (
        <details class="suggest">
          <summary>{t('questions.suggested')}</summary>
          <ul class="suggest-list">
            {suggestions.map((q) => (
              <li key={q}>
                <button
                  type="button"
                  class="suggest-btn"
                  onClick={() => add(q)}
                  data-testid="suggested-question"
                >
                  <span aria-hidden="true">＋</span> {q}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : `${d.toISOString().slice(0, 19)}Z`;
}

function Booking({ session }: { session: Session }) {
  const t = useT();
  const entry = currentEntry.value;
  const minutes = entry?.local?.plannedMinutes ?? 60;
  const asked = !!entry?.local?.selfAssessmentAsked || !!session.invitedAt;
  const [lang, setLang] = useState<'zh-CN' | 'en'>(locale.value);
  const [copied, setCopied] = useState(false);
  const check = bookingCheck(
    session.scheduledAt,
    minutes,
    asked,
    session.invitedAt ? new Date(session.invitedAt) : new Date(),
  );
  const text = inviteText(
    {
      employeeName: personName(session.employeeId),
      managerName: connection.value?.user?.name,
      kind: session.kind,
      scheduledAt: session.scheduledAt,
      minutes,
      meetingUrl: session.meetingUrl,
    },
    lang,
  );
  const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? '✓' : '!');
  return (
    <div class="booking">
      <div class="grid-2">
        <TextInput
          label={t('booking.when')}
          type="datetime-local"
          value={toLocalInput(session.scheduledAt)}
          onInput={(v) => {
            const iso = fromLocalInput(v);
            editSession(session.id, 'scheduledAt', iso);
            if (iso && session.status === 'planned') editSession(session.id, 'status', 'scheduled');
          }}
          testId="scheduled-at"
        />
        <SelectField
          id={`minutes-${session.id}`}
          label={t('booking.length')}
          value={String(minutes)}
          onChange={(v) => setLocalMeta('session', session.id, { plannedMinutes: Number(v) })}
        >
          {[30, 45, 50, 60, 75, 90].map((m) => (
            <option key={m} value={m}>
              {t('booking.minutes', { n: m })}
            </option>
          ))}
        </SelectField>
      </div>
      <TextInput
        label={t('booking.link')}
        type="url"
        value={session.meetingUrl ?? ''}
        onInput={(v) => editSession(session.id, 'meetingUrl', v.trim() || null)}
        placeholder="https://meet.google.com/…"
        invalid={!!session.meetingUrl && !/^https?:\/\/\S+$/.test(session.meetingUrl)}
      />
      <ul class="checks" data-testid="booking-check">
        <li class={check.ahead === null ? '' : check.ahead ? 'ok' : 'warn'}>
          <span class="check-mark" aria-hidden="true">
            {mark(check.ahead)}
          </span>
          {check.daysAhead === null ? t('booking.aheadUnknown') : t('booking.ahead', { n: check.daysAhead })}
        </li>
        <li class={check.length ? 'ok' : 'warn'}>
          <span class="check-mark" aria-hidden="true">
            {mark(check.length)}
          </span>
          {t('booking.lengthCheck', { n: minutes })}
        </li>
        <li class={check.selfAssessment ? 'ok' : 'warn'}>
          <label class="inline-check">
            <input
              type="checkbox"
              checked={asked}
              onChange={(e) =>
                setLocalMeta('session', session.id, {
                  selfAssessmentAsked: (e.currentTarget as HTMLInputElement).checked,
                })
              }
            />
            {t('booking.selfAssessment')}
          </label>
        </li>
      </ul>
      {check.ahead === false && check.daysAhead !== null && check.daysAhead < 3 ? (
        <Nudge>{tc(pack.pitfalls.find((p) => p.id === 'goingThroughMotions')!.nudge, locale.value)}</Nudge>
      ) : null}
      <div class="invite">
        <div class="row between">
          <h3 class="mini-title">{t('invite.title')}</h3>
          <fieldset class="chips">
            <legend class="visually-hidden">{t('invite.language')}</legend>
            {(['zh-CN', 'en'] as const).map((l) => (
              <button key={l} type="button" class="chip" aria-pressed={lang === l} onClick={() => setLang(l)}>
                {l === 'zh-CN' ? '中文' : 'English'}
              </button>
            ))}
          </fieldset>
        </div>
        <pre class="invite-text" data-testid="invite-text">
          {text}
        </pre>
        <div class="row">
          <button
            type="button"
            class="btn"
            onClick={async () => {
              setCopied(await copyText(text));
            }}
            data-testid="copy-invite"
          >
            {t('invite.copy')}
          </button>
          <button
            type="button"
            class="btn btn-quiet"
            disabled={!!session.invitedAt}
            onClick={() => {
              editSession(session.id, 'invitedAt', `${new Date().toISOString().slice(0, 19)}Z`);
              setLocalMeta('session', session.id, { selfAssessmentAsked: true });
            }}
          >
            {session.invitedAt ? t('invite.sent') : t('invite.markSent')}
          </button>
          <span class="status-text" aria-live="polite">
            {copied ? t('invite.copied') : ''}
          </span>
        </div>
      </div>
    </div>
  );
}

export function PrepareTab() {
  const t = useT();
  const s = current.value;
  if (!s)
    return (
      <div class="stack">
        <PrepareTop session={null} />
        <NewTalk />
      </div>
    );
  const lang = locale.value;
  const piece = (id: 'strengths' | 'gaps' | 'nextGoals') => pack.agendaPieces.find((p) => p.id === id)!;
  return (
    <div class="stack" key={s.id}>
      <PrepareTop session={s} />
      <StepSection step={1} session={s}>
        <TypeMatrix session={s} />
        <TextInput
          label={t('prepare.mainGoal')}
          value={s.mainGoal ?? ''}
          onInput={(v) => editSession(s.id, 'mainGoal', v || null)}
          placeholder={t('prepare.mainGoalPlaceholder')}
          hint={t('prepare.mainGoalHint')}
          testId="main-goal"
        />
      </StepSection>
      <StepSection step={2} session={s}>
        <PrepareFacts session={s} />
        <NoteField
          session={s}
          id="facts"
          label={t('prepare.facts')}
          placeholder={t('prepare.factsPlaceholder')}
        />
      </StepSection>
      <StepSection step={3} session={s}>
        {(['strengths', 'gaps'] as const).map((id) => (
          <TextInput
            key={id}
            label={tc(piece(id).name, lang)}
            value={s.agenda?.[id] ?? ''}
            onInput={(v) => editSession(s.id, `agenda.${id}`, v || null)}
            placeholder={tc(piece(id).prompt, lang)}
            multiline
            rows={2}
            testId={`agenda-${id}`}
          />
        ))}
        <h3 class="mini-title">{tc(pack.agendaPieces.find((p) => p.id === 'causes')!.name, lang)}</h3>
        <CausesEditor session={s} />
        <TextInput
          label={tc(piece('nextGoals').name, lang)}
          value={s.agenda?.nextGoals ?? ''}
          onInput={(v) => editSession(s.id, 'agenda.nextGoals', v || null)}
          placeholder={tc(piece('nextGoals').prompt, lang)}
          multiline
          rows={2}
          testId="agenda-nextGoals"
        />
        <Questions session={s} />
      </StepSection>
      <StepSection step={4} session={s}>
        <Booking session={s} />
      </StepSection>
    </div>
  );
}
