/** The dashboard's HTML: the four effectiveness dimensions and process health, each measure with its trend. */
import { esc } from '../html/page';
import type { Group } from '../metrics';
import type { Lang } from '../surveys/messages';
import { sparkline } from './charts';
import type { DashboardText } from './messages';
import { type DashboardView, minutes, npsText, pct, rating, signed } from './render-base';

type Fmt = 'pct' | 'nps' | 'rating' | 'min';
type Better = 'up' | 'down';

interface Measure {
  key: string;
  get: (g: Group) => number | null;
  fmt: Fmt;
  better: Better;
  domain?: [number, number];
  /** The employee survey: may be hidden. */
  survey?: boolean;
  /** Needs the next cycle's ratings. */
  performance?: boolean;
  /** A line under the value (how many talks it rests on). */
  note?: (g: Group, t: DashboardText) => string | null;
}

export const DIMENSIONS: {
  id: 'consensus' | 'development' | 'motivation' | 'performance';
  measures: Measure[];
}[] = [
  {
    id: 'consensus',
    measures: [
      { key: 'agreedRate', get: (g) => g.consensus.agreedRate, fmt: 'pct', better: 'up', domain: [0, 1] },
      {
        key: 'appealRate',
        get: (g) => g.consensus.appealRate,
        fmt: 'pct',
        better: 'down',
        domain: [0, 0.5],
      },
      {
        key: 'fair',
        get: (g) => g.survey.employee.fair,
        fmt: 'pct',
        better: 'up',
        domain: [0, 1],
        survey: true,
      },
    ],
  },
  {
    id: 'development',
    measures: [
      {
        key: 'smartPlanShare',
        get: (g) => g.development.smartPlanShare,
        fmt: 'pct',
        better: 'up',
        domain: [0, 1],
      },
      {
        key: 'completionRate',
        get: (g) => g.development.actionItems.completionRate,
        fmt: 'pct',
        better: 'up',
        domain: [0, 1],
      },
      {
        key: 'onTimeRate',
        get: (g) => g.development.actionItems.onTimeRate,
        fmt: 'pct',
        better: 'up',
        domain: [0, 1],
      },
      {
        key: 'support',
        get: (g) => g.development.supportCommitments.rate,
        fmt: 'pct',
        better: 'up',
        domain: [0, 1],
      },
    ],
  },
  {
    id: 'motivation',
    measures: [
      {
        key: 'respected',
        get: (g) => g.survey.employee.respected,
        fmt: 'pct',
        better: 'up',
        domain: [0, 1],
        survey: true,
      },
      {
        key: 'nps',
        get: (g) => g.survey.employee.nps,
        fmt: 'nps',
        better: 'up',
        domain: [-100, 100],
        survey: true,
      },
    ],
  },
  {
    id: 'performance',
    measures: [
      {
        key: 'meanChange',
        get: (g) => g.performance.meanChange,
        fmt: 'rating',
        better: 'up',
        performance: true,
      },
      {
        key: 'lowPerformerUplift',
        get: (g) => g.performance.lowPerformerUplift,
        fmt: 'rating',
        better: 'up',
        performance: true,
      },
      {
        key: 'highPerformerKept',
        get: (g) => g.performance.highPerformerKept,
        fmt: 'pct',
        better: 'up',
        domain: [0, 1],
        performance: true,
        note: (_g, t) => t.highKeptNote,
      },
    ],
  },
];

export const PROCESS: Measure[] = [
  { key: 'coverageReview', get: (g) => g.coverage.review.rate, fmt: 'pct', better: 'up', domain: [0, 1] },
  { key: 'allThree', get: (g) => g.coverage.allThree, fmt: 'pct', better: 'up', domain: [0, 1] },
  { key: 'median', get: (g) => g.duration.median, fmt: 'min', better: 'up' },
  {
    key: 'recordedWithin24h',
    get: (g) => g.process.recordedWithin24h,
    fmt: 'pct',
    better: 'up',
    domain: [0, 1],
  },
  { key: 'invitedAhead', get: (g) => g.process.invitedAhead, fmt: 'pct', better: 'up', domain: [0, 1] },
  { key: 'prepared', get: (g) => g.process.prepared, fmt: 'pct', better: 'up', domain: [0, 1] },
  {
    key: 'listening',
    get: (g) => g.process.listening?.balanced ?? null,
    fmt: 'pct',
    better: 'up',
    domain: [0, 1],
    note: (g, t) => t.listeningNote(g.process.listening?.sessions ?? 0),
  },
];

function format(v: number | null, fmt: Fmt, t: DashboardText): string {
  if (fmt === 'pct') return pct(v);
  if (fmt === 'nps') return npsText(v);
  if (fmt === 'rating') return rating(v);
  return minutes(v, t);
}

function deltaText(d: number, fmt: Fmt, lang: Lang): string {
  if (fmt === 'pct') return `${signed(Math.round(d * 100))} ${lang === 'en' ? 'pts' : '个百分点'}`;
  if (fmt === 'nps') return signed(Math.round(d));
  if (fmt === 'rating') return signed(d, 2);
  return `${signed(Math.round(d))} ${lang === 'en' ? 'min' : '分钟'}`;
}

export function measureRow(m: Measure, v: DashboardView, t: DashboardText): string {
  const { data, lang } = v;
  const overall = data.metrics.overall;
  const label = t.measures[m.key] ?? m.key;
  const series = data.trend.map((p) =>
    m.survey && p.overall.survey.employee.suppressed ? null : m.get(p.overall),
  );
  const points = data.trend.map((p, i) => `${p.cycle.name} ${format(series[i]!, m.fmt, t)}`).join(', ');
  const spark = sparkline(series, t.trendOf(label, points), m.domain);
  const value = m.get(overall);
  let main: string;
  if (m.survey && overall.survey.employee.suppressed) {
    const reason = overall.survey.employee.reason ?? 'few-responses';
    main = `<span class="m-value hidden">${esc(t.hidden[reason](data.metrics.minGroup))}</span>`;
  } else if (m.performance && value === null && data.metrics.overall.performance.pairs === 0) {
    main = `<span class="m-value">—</span><span class="m-delta">${esc(t.awaitingNext(data.next?.name ?? null))}</span>`;
  } else {
    const prev = series.length > 1 ? series[series.length - 2]! : null;
    let delta = `<span class="m-delta">${esc(t.noPrevious)}</span>`;
    if (prev !== null && value !== null) {
      const d = value - prev;
      const tone = Math.abs(d) < 1e-9 ? '' : d > 0 === (m.better === 'up') ? ' good' : ' bad';
      delta = `<span class="m-delta${tone}">${esc(t.vsPrevious(deltaText(d, m.fmt, lang)))}</span>`;
    } else if (series.length > 1) {
      delta = '';
    }
    main = `<span class="m-value">${esc(format(value, m.fmt, t))}</span>${delta}`;
  }
  const note = m.note?.(overall, t);
  const noteHtml = note ? `<div class="m-note">${esc(note)}</div>` : '';
  return `<div class="measure" data-measure="${m.key}"><div class="m-label">${esc(label)}</div><div class="m-main">${main}</div>${noteHtml}${spark}</div>`;
}
