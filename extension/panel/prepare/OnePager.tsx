/**
 * The employee one-pager (issue 9; step 2, facts and data, against recency bias): ratings across
 * cycles, earlier talks with key points and agreement, action-item completion and on-time rates,
 * open support commitments. From the service when connected (the background fetches it: the token
 * never reaches the panel); from this browser's records otherwise — with private notes, since this
 * is the manager's own device — and with the ratings last fetched from the service, if any.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type EmployeeSummary, employeeSummary } from '../../../shared/followup/summary';
import type { Rating, Session } from '../../../shared/schemas/records';
import { locale, useT } from '../../i18n';
import { type SummaryResult, sendToBackground } from '../../messages';
import { actionItems, connection, cycles, sessions, syncStatus, team } from '../../store';
import { withLock } from '../../store/storage';
import { KindLabel } from '../PrepareTab';
import { fmtDay, pct } from './format';
import { localToday } from './SinceLastTime';

/** Ratings last fetched from the service, per employee, for the offline one-pager. */
export const RATINGS_KEY = 'tandem:ratingsCache';
type RatingsCache = Record<string, { at: string; ratings: Rating[] }>;

async function cacheRatings(employeeId: string, s: EmployeeSummary, at: string): Promise<void> {
  const ratings: Rating[] = s.ratings.map((r) => ({ employeeId, cycleId: r.cycleId, rating: r.rating }));
  await withLock(async () => {
    const got = await browser.storage.local.get(RATINGS_KEY);
    const all = (got[RATINGS_KEY] as RatingsCache | undefined) ?? {};
    await browser.storage.local.set({ [RATINGS_KEY]: { ...all, [employeeId]: { at, ratings } } });
  });
}

async function cachedRatings(employeeId: string): Promise<{ at: string; ratings: Rating[] } | null> {
  const got = await browser.storage.local.get(RATINGS_KEY);
  return (got[RATINGS_KEY] as RatingsCache | undefined)?.[employeeId] ?? null;
}

type Source =
  | { kind: 'loading' }
  | { kind: 'service'; summary: EmployeeSummary; at: string }
  | { kind: 'local'; offline: boolean; cached: { at: string; ratings: Rating[] } | null };

function useSummarySource(employeeId: string): Source {
  const url = connection.value?.url ?? null;
  // Fetched again after each sync, so the talks just pushed show up; the last answer stays meanwhile.
  const synced = syncStatus.value.lastSyncAt ?? '';
  const [src, setSrc] = useState<Source>({
    kind: url ? 'loading' : 'local',
    offline: false,
    cached: null,
  } as Source);
  useEffect(() => {
    let live = true;
    const local = async (offline: boolean) => {
      const cached = await cachedRatings(employeeId).catch(() => null);
      if (live) setSrc({ kind: 'local', offline, cached });
    };
    if (!url) {
      void local(false);
      return;
    }
    setSrc((prev) =>
      prev.kind === 'service' && prev.summary.employee.id === employeeId ? prev : { kind: 'loading' },
    );
    sendToBackground({ kind: 'employee-summary', employeeId, asOf: localToday() })
      .then(async (r: SummaryResult) => {
        if (!live) return;
        if (r?.ok) {
          setSrc({ kind: 'service', summary: r.summary, at: r.fetchedAt });
          await cacheRatings(employeeId, r.summary, r.fetchedAt).catch(() => {});
        } else await local(r?.problem === 'offline' || r?.problem === 'error');
      })
      .catch(() => local(true));
    return () => {
      live = false;
    };
  }, [employeeId, url, synced]);
  return src;
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'ok' | 'warn' }) {
  return (
    <div class={`stat ${tone ? `stat-${tone}` : ''}`}>
      <span class="stat-value">{value}</span>
      <span class="stat-label">{label}</span>
    </div>
  );
}

export function OnePager({ session }: { session: Session }) {
  const t = useT();
  const lang = locale.value;
  const person = team.value.find((p) => p.id === session.employeeId);
  const src = useSummarySource(session.employeeId);
  const local = (cached: { ratings: Rating[] } | null): EmployeeSummary =>
    employeeSummary({
      employee: {
        id: session.employeeId,
        name: person?.name ?? session.employeeId.slice(0, 8),
        department: person?.department ?? null,
      },
      ratings: cached?.ratings ?? [],
      cycles: cycles.value,
      // The talk being prepared is not an earlier talk.
      sessions: sessions.value.map((e) => e.data).filter((s) => s.id !== session.id),
      actionItems: actionItems.value.map((e) => e.data),
      asOf: localToday(),
      includePrivateNotes: true,
    });
  if (src.kind === 'loading')
    return (
      <p class="muted small" aria-busy="true">
        {t('prep.one.loading')}
      </p>
    );
  const sum = src.kind === 'service' ? src.summary : local(src.cached);
  const talks = sum.talks.filter((x) => x.sessionId !== session.id);
  const name = person?.name ?? sum.employee.name;
  const items = sum.actionItems;
  const sc = sum.supportCommitments;
  const cycleName = (id: string, n: string | null) => n ?? cycles.value.find((c) => c.id === id)?.name ?? id;

  return (
    <section
      class="subcard one-pager"
      aria-labelledby={`one-${session.id}`}
      data-testid="one-pager"
      data-source={src.kind}
    >
      <header class="row between">
        <h3 class="mini-title" id={`one-${session.id}`}>
          {t('prep.one.title', { name })}
          {person?.department ? <span class="muted small"> · {person.department}</span> : null}
        </h3>
        <span class="source-tag" data-testid="one-pager-source">
          {src.kind === 'service'
            ? t('prep.one.fromService', { time: fmtDay(src.at, lang) })
            : src.offline
              ? t('prep.one.fromLocalOffline')
              : t('prep.one.fromLocal')}
        </span>
      </header>
      <p class="field-hint">{t('prep.one.intro')}</p>

      <h4 class="one-h">{t('prep.one.ratings')}</h4>
      {sum.ratings.length ? (
        <ol class="ratings" data-testid="one-ratings">
          {sum.ratings.map((r) => (
            <li key={r.cycleId} class="rating">
              <span class="rating-cycle">{cycleName(r.cycleId, r.cycleName)}</span>
              <span class="rating-value">{r.rating}</span>
              {r.change !== null && r.change !== 0 ? (
                <span class={`rating-change ${r.change > 0 ? 'up' : 'down'}`}>
                  {r.change > 0 ? '▲' : '▼'}
                  {Math.abs(Math.round(r.change * 10) / 10)}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted small">{t('prep.one.noRatings')}</p>
      )}
      {src.kind === 'local' && src.cached?.ratings.length ? (
        <p class="field-hint">{t('prep.one.ratingsCached', { date: fmtDay(src.cached.at, lang) })}</p>
      ) : null}

      <h4 class="one-h">{t('prep.one.actionItems')}</h4>
      <div class="stats" data-testid="one-items">
        <Stat
          label={t('prep.one.completion')}
          value={pct(items.completionRate) ?? t('prep.one.noValue')}
          tone={items.completionRate === null ? undefined : items.completionRate >= 0.8 ? 'ok' : 'warn'}
        />
        <Stat
          label={t('prep.one.onTime')}
          value={pct(items.onTimeRate) ?? t('prep.one.noValue')}
          tone={items.onTimeRate === null ? undefined : items.onTimeRate >= 0.8 ? 'ok' : 'warn'}
        />
        <Stat
          label={t('prep.one.overdue')}
          value={String(items.overdue)}
          tone={items.overdue ? 'warn' : undefined}
        />
      </div>
      <p class="field-hint">
        {t('prep.one.dueCount', { due: items.due, total: items.total })}
        {sc.due ? ` · ${t('prep.one.supportRate', { done: sc.done, due: sc.due })}` : ''}
      </p>

      <h4 class="one-h">{t('prep.one.support')}</h4>
      {sum.openSupport.length ? (
        <ul class="plain-list stack-tight" data-testid="one-support">
          {sum.openSupport.map((c) => (
            <li key={c.id} class={`support-row ${c.overdue ? 'is-overdue' : ''}`}>
              <span>{c.title}</span>
              <span class={`small ${c.overdue ? 'late-text' : 'muted'}`}>
                {c.dueOn
                  ? c.overdue
                    ? t('prep.since.overdue', { date: fmtDay(c.dueOn, lang) })
                    : t('prep.since.due', { date: fmtDay(c.dueOn, lang) })
                  : t('prep.since.noDue')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{t('prep.one.noSupport')}</p>
      )}

      <h4 class="one-h">{t('prep.one.talks')}</h4>
      {talks.length ? (
        <ol class="plain-list talks" data-testid="one-talks">
          {talks.slice(0, 6).map((x) => (
            <li key={x.sessionId} class="talk">
              <p class="talk-head">
                <span>
                  <strong>{fmtDay(x.at, lang) || '—'}</strong> · {KindLabel(x.kind)}
                  {x.durationMinutes !== null
                    ? ` · ${t('prep.one.minutes', { n: x.durationMinutes < 1 ? '<1' : Math.round(x.durationMinutes) })}`
                    : ''}
                </span>
                {x.consensus ? (
                  <span class={`badge-soft consensus-${x.consensus}`}>
                    {t(`prep.one.consensus.${x.consensus}` as const)}
                  </span>
                ) : null}
                {x.appealed ? (
                  <span class="badge-soft consensus-disagreed">{t('prep.one.appealed')}</span>
                ) : null}
              </p>
              {x.mainGoal ? <p class="small">{x.mainGoal}</p> : null}
              {x.keyPoints.length ? (
                <ul class="key-points">
                  {x.keyPoints.map((k) => (
                    <li key={k}>{k}</li>
                  ))}
                  {x.keyPointsFrom === 'privateNotes' ? (
                    <li class="muted small private-tag">{t('prep.one.private')}</li>
                  ) : null}
                </ul>
              ) : null}
              {x.actionItems.total ? (
                <p class="muted small">
                  {t('prep.one.itemsDone', { done: x.actionItems.done, total: x.actionItems.total })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted small">{t('prep.one.noTalks')}</p>
      )}
    </section>
  );
}
