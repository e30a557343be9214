/** "What needs doing": the reminders, first things first, each one click from where it is done. */
import { useState } from 'preact/hooks';
import type { Reminder } from '../../../shared/followup/reminders';
import { targetOf } from '../../background/followup-state';
import { locale, useT } from '../../i18n';
import { go, reminders } from './data';

const SHOWN = 5;

function ReminderRow({ r }: { r: Reminder }) {
  const t = useT();
  const text = r.message[locale.value];
  const kind = t(`fu.kind.${r.kind}` as const);
  return (
    <li
      class={`fu-rem${r.overdue ? ' is-overdue' : ''}`}
      data-testid="reminder"
      data-reminder={r.id}
      data-kind={r.kind}
      data-overdue={r.overdue ? 'true' : 'false'}
    >
      <div class="fu-rem-head">
        <span class={`fu-chip fu-chip-${r.kind}`}>{kind}</span>
        {r.overdue ? <span class="fu-chip fu-chip-late">{t('fu.overdue')}</span> : null}
        <button
          type="button"
          class="btn fu-btn-small fu-rem-open"
          onClick={() => go(targetOf(r, ''))}
          aria-label={t('fu.openFor', { what: `${kind}: ${text.split(/[。.]/)[0]}` })}
          data-testid="reminder-open"
        >
          {t('fu.open')} →
        </button>
      </div>
      <p class="fu-rem-text">{text}</p>
    </li>
  );
}

export function Reminders() {
  const t = useT();
  const [all, setAll] = useState(false);
  const list = reminders.value;
  const overdue = list.filter((r) => r.overdue).length;
  const shown = all ? list : list.slice(0, SHOWN);
  return (
    <section class="fu-todo" aria-labelledby="fu-todo-title" data-testid="reminders">
      <div class="row between">
        <h3 class="mini-title fu-h3" id="fu-todo-title">
          {t('fu.todo.title')}
        </h3>
        <p class="muted small fu-count" aria-live="polite" data-testid="reminder-count">
          {list.length ? t('fu.todo.count', { n: list.length, m: overdue }) : ''}
        </p>
      </div>
      {list.length === 0 ? <p class="muted">{t('fu.todo.none')}</p> : null}
      <ul class="plain-list fu-rem-list">
        {shown.map((r) => (
          <ReminderRow key={r.id} r={r} />
        ))}
      </ul>
      {list.length > SHOWN ? (
        <button type="button" class="link-btn small" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('fu.showFewer') : t('fu.showAll', { n: list.length })}
        </button>
      ) : null}
    </section>
  );
}
