/** Follow-up (step 12): open action items across the manager's reports, check-ins, done / dropped. */
import { useState } from 'preact/hooks';
import { t as tc } from '../../shared/content/pack/lookup';
import type { ActionItem, Session } from '../../shared/schemas/records';
import type { Entry } from '../../shared/sync/engine';
import { entryKey } from '../../shared/sync/engine';
import { locale, useT } from '../i18n';
import { actionItems, editItem, entries, sessions } from '../store';
import { current, nowIso, personName, selectSession, today } from './model';
import { supportOverdue } from './nudges';
import { pack } from './pack';
import { Nudge, StepSection, TextInput } from './ui';

function ItemCard({ entry, session }: { entry: Entry<ActionItem>; session: Session | undefined }) {
  const t = useT();
  const lang = locale.value;
  const a = entry.data;
  const [note, setNote] = useState('');
  const day = today();
  const overdue = a.status === 'open' && !!a.dueOn && a.dueOn < day;
  const addCheckIn = () => {
    if (!note.trim()) return;
    editItem(a.id, 'checkIns', [
      ...(a.checkIns ?? []),
      { at: `${nowIso().slice(0, 19)}Z`, note: note.trim() },
    ]);
    setNote('');
  };
  const at = `${nowIso().slice(0, 19)}Z`;
  return (
    <li
      class={`card follow-item ${overdue ? 'is-overdue' : ''}`}
      data-testid="follow-item"
      data-item={a.id}
      data-status={a.status}
    >
      <div class="row between">
        <p class="item-title">{a.title || t('item.untitled')}</p>
        <span class={`badge-soft ${a.owner === 'manager' ? 'badge-support' : ''}`}>
          {a.owner === 'manager' ? t('item.support') : t('item.ownerEmployee')}
        </span>
      </div>
      <p class="muted small">
        {a.dueOn
          ? overdue
            ? t('follow.overdue', { date: a.dueOn })
            : t('follow.due', { date: a.dueOn })
          : t('follow.noDue')}
        {a.measure ? ` · ${a.measure}` : ''}
        {session ? ` · ${tc(pack.kinds.find((k) => k.id === session.kind)!.name, lang)}` : ''}
      </p>
      {supportOverdue(a, day) ? (
        <Nudge>{tc(pack.pitfalls.find((p) => p.id === 'supportNotDelivered')!.nudge, lang)}</Nudge>
      ) : null}
      {a.checkIns?.length ? (
        <ul class="checkins">
          {a.checkIns.map((c) => (
            <li key={`${c.at}${c.note}`}>
              <time dateTime={c.at}>{new Date(c.at).toLocaleDateString(lang)}</time> {c.note}
            </li>
          ))}
        </ul>
      ) : null}
      {a.status === 'open' ? (
        <>
          <div class="row">
            <TextInput
              label={t('follow.checkIn')}
              labelHidden
              value={note}
              onInput={setNote}
              placeholder={t('follow.checkInPlaceholder')}
              class="grow"
              testId="checkin-text"
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addCheckIn();
                }
              }}
            />
            <button type="button" class="btn" onClick={addCheckIn} data-testid="checkin-add">
              {t('follow.addCheckIn')}
            </button>
          </div>
          <div class="row">
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => {
                editItem(a.id, 'doneAt', at);
                editItem(a.id, 'status', 'done');
              }}
              data-testid="item-done"
            >
              ✓ {t('follow.done')}
            </button>
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() => editItem(a.id, 'status', 'dropped')}
              data-testid="item-drop"
            >
              {t('follow.drop')}
            </button>
          </div>
        </>
      ) : (
        <div class="row">
          <span class="badge-soft">{a.status === 'done' ? t('follow.isDone') : t('follow.isDropped')}</span>
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => {
              editItem(a.id, 'status', 'open');
              editItem(a.id, 'doneAt', null);
            }}
          >
            {t('follow.reopen')}
          </button>
        </div>
      )}
    </li>
  );
}

export default function FollowUpTab() {
  const t = useT();
  const lang = locale.value;
  const [showClosed, setShowClosed] = useState(false);
  const bySession = new Map(sessions.value.map((e) => [e.id, e.data]));
  const all = actionItems.value.filter((e) => (e.data.title ?? '').trim() !== '');
  const open = all.filter((e) => e.data.status === 'open');
  const closed = all.filter((e) => e.data.status !== 'open');
  const groups = new Map<string, Entry<ActionItem>[]>();
  for (const e of showClosed ? all : open) {
    const emp = bySession.get(e.data.sessionId)?.employeeId ?? '?';
    groups.set(emp, [...(groups.get(emp) ?? []), e]);
  }
  for (const list of groups.values())
    list.sort((a, b) => (a.data.dueOn ?? '9999').localeCompare(b.data.dueOn ?? '9999'));
  const unrecorded = sessions.value.filter(
    (e) =>
      e.data.endedAt &&
      e.data.status !== 'recorded' &&
      Date.now() - Date.parse(e.data.endedAt) > 24 * 3_600_000,
  );
  const s = current.value;
  return (
    <div class="stack">
      <StepSection step={12} session={s && entries.value.get(entryKey('session', s.id)) ? s : null}>
        {unrecorded.map((e) => (
          <Nudge key={e.id}>
            <button type="button" class="link-btn" onClick={() => selectSession(e.id)}>
              {personName(e.data.employeeId)}
            </button>
            : {tc(pack.nudges.notRecorded24h, lang)}
          </Nudge>
        ))}
        <div class="row between">
          <p class="muted small" data-testid="open-count">
            {t('follow.openCount', { n: open.length })}
          </p>
          {closed.length ? (
            <label class="inline-check small">
              <input
                type="checkbox"
                checked={showClosed}
                onChange={(e) => setShowClosed((e.currentTarget as HTMLInputElement).checked)}
              />
              {t('follow.showClosed', { n: closed.length })}
            </label>
          ) : null}
        </div>
        {groups.size === 0 ? <p class="muted">{t('follow.none')}</p> : null}
      </StepSection>
      {[...groups.entries()].map(([emp, list]) => (
        <section key={emp} class="stack-tight" aria-label={personName(emp)}>
          <h2 class="section-title">{personName(emp)}</h2>
          <ul class="plain-list stack-tight">
            {list.map((e) => (
              <ItemCard key={e.id} entry={e} session={bySession.get(e.data.sessionId)} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
