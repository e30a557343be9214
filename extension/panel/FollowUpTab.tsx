/**
 * Follow-up (step 12, issues 7 and 9): what needs doing (the reminders), survey links to send,
 * the manager's week per report, and the open action items with check-ins, done and drop.
 * Loaded lazily with the tab.
 */
import { useEffect, useState } from 'preact/hooks';
import { t as tc } from '../../shared/content/pack/lookup';
import { addCheckIn, MAX_CHECK_IN_NOTE } from '../../shared/followup/carry-over';
import { localDay } from '../../shared/followup/time';
import type { ActionItem, Session } from '../../shared/schemas/records';
import type { Entry } from '../../shared/sync/engine';
import { entryKey } from '../../shared/sync/engine';
import { locale, useT } from '../i18n';
import { actionItems, editItem, entries, sessions } from '../store';
import { nowMs, startFollowUpData, timeZone } from './followup/data';
import { useFocusTarget } from './followup/focus';
import { dayLabel } from './followup/format';
import { Reminders } from './followup/Reminders';
import { Surveys } from './followup/Surveys';
import { Week } from './followup/Week';
import './followup/followup.css';
import { current, personName } from './model';
import { supportOverdue } from './nudges';
import { pack } from './pack';
import { Nudge, StepSection } from './ui';

const stamp = () => `${new Date().toISOString().slice(0, 19)}Z`;

function ItemCard({ entry, session }: { entry: Entry<ActionItem>; session: Session | undefined }) {
  const t = useT();
  const lang = locale.value;
  const a = entry.data;
  const [note, setNote] = useState('');
  const [said, setSaid] = useState('');
  const { ref, focused } = useFocusTarget<HTMLLIElement>(a.id);
  const day = localDay(nowMs.value, timeZone);
  const overdue = a.status === 'open' && !!a.dueOn && a.dueOn < day;
  const check = () => {
    const next = addCheckIn(a, note, stamp());
    if (next === a) return;
    editItem(a.id, 'checkIns', next.checkIns);
    setNote('');
    setSaid(t('fu.checkIn.added'));
  };
  const due = a.dueOn ? dayLabel(a.dueOn, lang) : '';
  return (
    <li
      ref={ref}
      class={`card follow-item ${overdue ? 'is-overdue' : ''}${focused ? ' is-focused' : ''}`}
      data-testid="follow-item"
      data-item={a.id}
      data-status={a.status}
      tabIndex={focused ? -1 : undefined}
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
            ? t('follow.overdue', { date: due })
            : t('follow.due', { date: due })
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
              <time dateTime={c.at}>{dayLabel(localDay(Date.parse(c.at), timeZone), lang)}</time> {c.note}
            </li>
          ))}
        </ul>
      ) : null}
      {a.status === 'open' ? (
        <>
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              check();
            }}
          >
            <label class="visually-hidden" for={`checkin-${a.id}`}>
              {t('follow.checkIn')}
            </label>
            <input
              id={`checkin-${a.id}`}
              class="input grow"
              value={note}
              onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
              placeholder={t('follow.checkInPlaceholder')}
              maxLength={MAX_CHECK_IN_NOTE}
              data-testid="checkin-text"
            />
            <button type="submit" class="btn" data-testid="checkin-add">
              {t('follow.addCheckIn')}
            </button>
          </form>
          <div class="row">
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => {
                editItem(a.id, 'doneAt', stamp());
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
      <p class="visually-hidden" aria-live="polite">
        {said}
      </p>
    </li>
  );
}

function Items() {
  const t = useT();
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
  return (
    <section class="stack-tight" aria-labelledby="fu-items-title" data-testid="items">
      <div class="row between">
        <h2 class="section-title" id="fu-items-title">
          {t('fu.items.title')}
        </h2>
        <p class="muted small" data-testid="open-count">
          {t('follow.openCount', { n: open.length })}
        </p>
      </div>
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
      {groups.size === 0 ? <p class="muted">{t('follow.none')}</p> : null}
      {[...groups.entries()].map(([emp, list]) => (
        <section key={emp} class="stack-tight" aria-label={personName(emp)}>
          <h3 class="fu-person">{personName(emp)}</h3>
          <ul class="plain-list stack-tight">
            {list.map((e) => (
              <ItemCard key={e.id} entry={e} session={bySession.get(e.data.sessionId)} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

export default function FollowUpTab() {
  useEffect(() => startFollowUpData(), []);
  const s = current.value;
  return (
    <div class="stack fu">
      <StepSection step={12} session={s && entries.value.get(entryKey('session', s.id)) ? s : null}>
        <Reminders />
      </StepSection>
      <Surveys />
      <Week />
      <Items />
    </div>
  );
}
