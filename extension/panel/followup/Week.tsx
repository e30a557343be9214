/** "This week": per report, the last talk, the next one, and how their action items stand. */
import { t as tc } from '../../../shared/content/pack/lookup';
import { formatWhen } from '../../../shared/followup/messages';
import type { TalkRef } from '../../../shared/followup/talks';
import type { WeeklyRow } from '../../../shared/followup/weekly';
import { locale, useT } from '../../i18n';
import { pack } from '../pack';
import { go, timeZone, week } from './data';
import { dayLabel } from './format';

function Talk({
  talk,
  empty,
  tab,
}: {
  talk: (TalkRef & { consensus?: string | null }) | null;
  empty: string;
  tab: 'prepare' | 'record';
}) {
  const t = useT();
  const lang = locale.value;
  if (!talk) return <span class="muted">{empty}</span>;
  const kind = tc(pack.kinds.find((k) => k.id === talk.kind)!.name, lang);
  const when = talk.at ? formatWhen(talk.at, lang, timeZone) : '';
  const consensus = talk.consensus
    ? t(`fu.week.consensus.${talk.consensus}` as 'fu.week.consensus.agreed')
    : '';
  return (
    <button type="button" class="link-btn fu-talk" onClick={() => go({ tab, sessionId: talk.sessionId })}>
      {[kind, when, consensus].filter(Boolean).join(' · ')}
    </button>
  );
}

function Row({ row }: { row: WeeklyRow }) {
  const t = useT();
  const overdue = row.overdueItems.length;
  const headId = `fu-week-${row.employee.id}`;
  return (
    <li
      class={`fu-week-row${overdue ? ' is-overdue' : ''}`}
      data-testid="week-row"
      data-employee={row.employee.id}
      data-open={row.openItems.length}
      data-overdue={overdue}
    >
      <div class="row between">
        <h3 class="fu-name" id={headId}>
          {row.employee.name}
        </h3>
        {overdue ? (
          <span class="fu-chip fu-chip-late">
            {t('fu.overdue')} · {overdue}
          </span>
        ) : null}
      </div>
      <dl class="fu-dl">
        <dt>{t('fu.week.last')}</dt>
        <dd>
          <Talk talk={row.lastTalk} empty={t('fu.week.noTalk')} tab="record" />
        </dd>
        <dt>{t('fu.week.next')}</dt>
        <dd>
          <Talk talk={row.nextTalk} empty={t('fu.week.notBooked')} tab="prepare" />
        </dd>
        <dt>{t('fu.week.items')}</dt>
        <dd data-testid="week-items">
          {t('fu.week.itemCounts', { open: row.openItems.length, overdue, week: row.dueThisWeek })}
          {row.openSupport ? (
            <span class="fu-support"> · {t('fu.week.support', { n: row.openSupport })}</span>
          ) : null}
        </dd>
      </dl>
    </li>
  );
}

export function Week() {
  const t = useT();
  const lang = locale.value;
  const w = week.value;
  return (
    <section class="card fu-section" aria-labelledby="fu-week-title" data-testid="week">
      <div class="row between">
        <h2 class="card-title" id="fu-week-title">
          {t('fu.week.title')}
        </h2>
        <p class="muted small">
          {t('fu.week.range', {
            from: dayLabel(w.week.start, lang, false),
            to: dayLabel(w.week.end, lang, false),
          })}
        </p>
      </div>
      {w.rows.length === 0 ? <p class="muted">{t('fu.week.none')}</p> : null}
      <ul class="plain-list fu-week">
        {w.rows.map((r) => (
          <Row key={r.employee.id} row={r} />
        ))}
      </ul>
    </section>
  );
}
