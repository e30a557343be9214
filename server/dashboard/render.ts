/**
 * The dashboard's HTML: server-rendered, no script, no external asset, one hashed style sheet
 * (style.ts), charts as inline SVG (charts.ts). Organised by the method's four effectiveness
 * dimensions with process health beside them, each measure with its trend over the last cycles;
 * then coverage, durations, action items, the employee survey by group (suppressed groups say
 * why), completion vs rating change, comments where allowed, and every group's numbers as a table.
 * Every string from people or the store goes through `esc`.
 */
import { guidePack } from '../../shared/content/guide';
import { esc, htmlDocument, LOGO_SVG, languageNav } from '../html/page';
import type { CommentGroup, Group, GroupBy, MetricsWarning, SuppressionReason } from '../metrics';
import { formatDay, type Lang } from '../surveys/messages';
import { barRows, histogram, scatter, sparkline } from './charts';
import { type DashboardText, text } from './messages';
import { CSS } from './style';
import type { DashboardData } from './view';

const ICONS = {
  logo: LOGO_SVG,
  alert:
    '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 3.5 22 20.5H2z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M12 10v4.5M12 17.6v.1" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>',
  check:
    '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  lock: '<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="4.5" y="10.5" width="15" height="10" rx="2.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
  download:
    '<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19.5h14" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  eye: '<svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 3l18 18M10.6 6.2A9.5 9.5 0 0 1 12 6c5 0 9 6 9 6a16 16 0 0 1-3 3.4M6.5 8.2C4.4 9.8 3 12 3 12s4 6 9 6a8.6 8.6 0 0 0 3.6-.8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>',
} as const;

// ---------------------------------------------------------------------------------------------
// Formatting

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const signed = (v: number, digits = 0) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(digits)}`;
const npsText = (v: number | null) => (v === null ? '—' : signed(Math.round(v)));
const rating = (v: number | null) => (v === null ? '—' : signed(v, 2));
const minutes = (v: number | null, t: DashboardText) => (v === null ? '—' : t.minutes(String(Math.round(v))));
const rText = (v: number | null) => (v === null ? '—' : v.toFixed(2));

export function shell(lang: Lang, title: string, body: string): string {
  return htmlDocument({ lang, title, css: CSS, referrer: 'same-origin', body });
}

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function langSwitch(lang: Lang, params: Record<string, string | undefined>): string {
  return languageNav(lang, {
    className: 'pills',
    label: text[lang].language,
    href: (l) => `/dashboard${esc(query({ ...params, lang: l }))}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Sign-in and one-message pages

export function renderSignIn(lang: Lang, opts: { error?: string } = {}): string {
  const t = text[lang];
  const err = opts.error ? `<p class="err" role="alert" id="token-err">${esc(opts.error)}</p>` : '';
  const body = `<div class="wrap">
<header class="bar"><span class="brand">${ICONS.logo}<b>Tandem</b> HR</span>${langSwitch(lang, {})}</header>
<main class="card signin">
<h1>${esc(t.signInTitle)}</h1>
<p>${esc(t.signInBody)}</p>
<form method="post" action="/dashboard/session" accept-charset="utf-8">
<input type="hidden" name="lang" value="${lang}">
<label for="token">${esc(t.tokenLabel)}</label>
<p class="hint" id="token-hint">${esc(t.tokenHint)}</p>
<input id="token" name="token" type="password" autocomplete="current-password" required spellcheck="false" aria-describedby="token-hint${opts.error ? ' token-err' : ''}"${opts.error ? ' aria-invalid="true"' : ''}>
${err}
<button type="submit">${esc(t.signIn)}</button>
</form>
</main>
<footer>${esc(t.footer)}</footer>
</div>`;
  return shell(lang, t.signInTitle, body);
}

export function renderMessage(lang: Lang, title: string, message: string): string {
  const t = text[lang];
  const body = `<div class="wrap">
<header class="bar"><span class="brand">${ICONS.logo}<b>Tandem</b> HR</span>${langSwitch(lang, {})}</header>
<main class="card signin status">
<div class="icon">${ICONS.alert}</div>
<h1>${esc(title)}</h1>
<p>${esc(message)}</p>
<p><a href="/dashboard${query({ lang })}">${esc(t.backToSignIn)}</a></p>
</main>
</div>`;
  return shell(lang, title, body);
}

// ---------------------------------------------------------------------------------------------
// The dashboard

export interface DashboardView {
  lang: Lang;
  data: DashboardData;
  groupBy: GroupBy;
  asOf: string;
  minGroup: number;
  /** Whether minGroup was given in the URL (kept in links then). */
  minGroupGiven: boolean;
  userName: string;
  notice?: string;
}

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
}

const DIMENSIONS: { id: 'consensus' | 'development' | 'motivation' | 'performance'; measures: Measure[] }[] =
  [
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
        },
      ],
    },
  ];

const PROCESS: Measure[] = [
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

function measureRow(m: Measure, v: DashboardView, t: DashboardText): string {
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
  return `<div class="measure" data-measure="${m.key}"><div class="m-label">${esc(label)}</div><div class="m-main">${main}</div>${spark}</div>`;
}

function groupLabel(key: string, v: DashboardView): string {
  const t = text[v.lang];
  if (v.groupBy === 'none') return t.groupBy.none;
  if (key === '') return t.noGroup[v.groupBy];
  if (v.groupBy === 'manager') return v.data.names.get(key) ?? key;
  return key;
}

function groupCell(key: string, v: DashboardView): string {
  const label = groupLabel(key, v);
  if (v.groupBy === 'manager' && key && label !== key) {
    return `<span class="who">${esc(label)}<small>${esc(key)}</small></span>`;
  }
  return esc(label);
}

function warningItem(w: MetricsWarning, v: DashboardView): string {
  const t = text[v.lang];
  const sentence = t.warning[w.kind]?.(groupLabel(w.group, v), w.detail) ?? w.kind;
  return `<li data-kind="${esc(w.kind)}">${ICONS.alert}<div><span class="tag">${esc(t.warningKind[w.kind] ?? w.kind)}</span><p>${esc(sentence)}</p></div></li>`;
}

function hiddenReason(reason: SuppressionReason | null, v: DashboardView): string {
  const t = text[v.lang];
  return t.hidden[reason ?? 'few-responses'](v.data.metrics.minGroup);
}

function miniBar(value: number | null): string {
  const w = 40;
  const fill = value === null ? 0 : Math.round(w * Math.max(0, Math.min(1, value)));
  return `<svg class="mini" width="${w}" height="8" viewBox="0 0 ${w} 8" aria-hidden="true" focusable="false"><rect class="track" width="${w}" height="8" rx="4"/><rect class="fill" width="${fill}" height="8" rx="4"/></svg>`;
}

function surveyTable(v: DashboardView): string {
  const t = text[v.lang];
  const keys = ['fair', 'clarity', 'plan', 'respected'] as const;
  const row = (g: Group, label: string) => {
    const s = g.survey.employee;
    const head = `<th scope="row">${label}<small class="resp">${esc(t.responses(s.responses, pct(s.responseRate)))}</small></th>`;
    if (s.suppressed) {
      return `<tr class="hid-row" data-suppressed="${esc(s.reason ?? '')}">${head}<td colspan="5"><span class="hid-msg">${ICONS.eye}${esc(hiddenReason(s.reason, v))}</span></td></tr>`;
    }
    const cells = keys.map((k) => `<td>${miniBar(s[k])}${pct(s[k])}</td>`).join('');
    const npsCls = s.nps === null ? '' : s.nps >= 0 ? 'nps-pos' : 'nps-neg';
    return `<tr>${head}${cells}<td class="${npsCls}">${npsText(s.nps)}</td></tr>`;
  };
  const groups = v.groupBy === 'none' ? [] : v.data.metrics.groups;
  return `<div class="scroll"><table class="survey-table"><thead><tr><th scope="col">${esc(t.group)}</th>${keys.map((k) => `<th scope="col">${esc(t.favourable[k])}</th>`).join('')}<th scope="col">${esc(t.nps)}</th></tr></thead>
<tbody>${groups.map((g) => row(g, groupCell(g.key, v))).join('')}</tbody><tfoot>${row(v.data.metrics.overall, esc(v.groupBy === 'none' ? t.groupBy.none : t.overall))}</tfoot></table></div>`;
}

function commentsBlock(v: DashboardView): string {
  const t = text[v.lang];
  const c = v.data.comments;
  const list = (g: CommentGroup) => {
    if (g.suppressed || !g.comments) {
      const why =
        g.reason === 'few-responses' || g.reason === null
          ? t.commentsHidden(c.threshold, g.responses)
          : t.hidden[g.reason](v.data.metrics.minGroup);
      return `<p class="hid-msg">${ICONS.eye}${esc(why)}</p>`;
    }
    if (g.comments.length === 0) return `<p class="note">${esc(t.noComments)}</p>`;
    return `<ul class="quotes">${g.comments
      .slice(0, 6)
      .map((q) => `<li>${esc(q)}</li>`)
      .join('')}</ul>`;
  };
  const groups: CommentGroup[] = v.groupBy === 'none' ? [c.overall] : c.groups;
  const body = groups
    .map(
      (g) =>
        `<div class="cgroup"><h3>${esc(v.groupBy === 'none' ? t.groupBy.none : groupLabel(g.key, v))}</h3>${list(g)}</div>`,
    )
    .join('');
  return `<section class="card" aria-labelledby="h-comments"><h2 id="h-comments">${esc(t.commentsTitle)}</h2><p class="q">${esc(t.commentsNote(c.threshold))}</p>${body}</section>`;
}

function groupTable(v: DashboardView): string {
  const t = text[v.lang];
  const m = t.measures;
  const cols: [string, (g: Group) => string][] = [
    [t.employees, (g) => String(g.employees)],
    [m.coverageReview!, (g) => pct(g.coverage.review.rate)],
    [m.allThree!, (g) => pct(g.coverage.allThree)],
    [m.median!, (g) => minutes(g.duration.median, t)],
    [m.recordedWithin24h!, (g) => pct(g.process.recordedWithin24h)],
    [m.smartPlanShare!, (g) => pct(g.development.smartPlanShare)],
    [m.completionRate!, (g) => pct(g.development.actionItems.completionRate)],
    [m.support!, (g) => pct(g.development.supportCommitments.rate)],
    [m.agreedRate!, (g) => pct(g.consensus.agreedRate)],
    [m.appealRate!, (g) => pct(g.consensus.appealRate)],
    [m.fair!, (g) => (g.survey.employee.suppressed ? '' : pct(g.survey.employee.fair))],
    [m.nps!, (g) => (g.survey.employee.suppressed ? '' : npsText(g.survey.employee.nps))],
    [m.meanChange!, (g) => rating(g.performance.meanChange)],
  ];
  const row = (g: Group, label: string, tag: 'td' | 'th' = 'th') =>
    `<tr><${tag} scope="row">${label}</${tag}>${cols
      .map(([, get]) => {
        const s = get(g);
        return s === '' ? `<td class="hid">${esc(t.suppressedShort)}</td>` : `<td>${esc(s)}</td>`;
      })
      .join('')}</tr>`;
  const groups = v.groupBy === 'none' ? [] : v.data.metrics.groups;
  return `<section class="card tablecard"><table><caption>${esc(t.tableTitle)} · ${esc(v.data.cycle.name)}</caption>
<thead><tr><th scope="col">${esc(t.group)}</th>${cols.map(([h]) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${groups.map((g) => row(g, groupCell(g.key, v))).join('')}</tbody>
<tfoot>${row(v.data.metrics.overall, esc(v.groupBy === 'none' ? t.groupBy.none : t.overall))}</tfoot></table></section>`;
}

export function renderDashboard(v: DashboardView): string {
  const { lang, data } = v;
  const t = text[lang];
  const metrics = data.metrics;
  const overall = metrics.overall;
  const keep = {
    cycleId: data.cycle.id,
    groupBy: v.groupBy,
    minGroup: v.minGroupGiven ? String(v.minGroup) : undefined,
  };

  // Controls: cycles and grouping as links (no script needed), the CSV, the language.
  const cycleLinks = data.cycles
    .slice(-8)
    .map(
      (c) =>
        `<a href="/dashboard${esc(query({ ...keep, cycleId: c.id, lang }))}"${c.id === data.cycle.id ? ' aria-current="page"' : ''}>${esc(c.name)}</a>`,
    )
    .join('');
  const groupLinks = (['department', 'manager', 'none'] as const)
    .map(
      (g) =>
        `<a href="/dashboard${esc(query({ ...keep, groupBy: g, lang }))}"${g === v.groupBy ? ' aria-current="page"' : ''}>${esc(t.groupBy[g])}</a>`,
    )
    .join('');
  const csv = `/dashboard/export.csv${query({ cycleId: data.cycle.id, groupBy: v.groupBy, minGroup: keep.minGroup })}`;

  const held = overall.process.sessions;
  const s = overall.survey.employee;
  const kpis = `<section class="kpis" aria-label="${esc(data.cycle.name)}">
<div class="kpi"><div class="k">${esc(t.summary.employees)}</div><div class="v">${overall.employees}</div><div class="s">${esc(`${formatDay(data.cycle.startsOn, lang, true)} – ${formatDay(data.cycle.endsOn, lang, true)}`)}</div></div>
<div class="kpi"><div class="k">${esc(t.summary.held)}</div><div class="v">${held}</div><div class="s">${esc(`${t.kinds.plan} ${overall.coverage.plan.held} · ${t.kinds.coaching} ${overall.coverage.coaching.held} · ${t.kinds.review} ${overall.coverage.review.held}`)}</div></div>
<div class="kpi"><div class="k">${esc(t.summary.responses)}</div><div class="v">${s.responses}</div><div class="s">${esc(t.responses(s.responses, pct(s.responseRate)).split('·')[1]?.trim() ?? '')}</div></div>
<div class="kpi${metrics.warnings.length ? ' alert' : ''}"><div class="k">${esc(t.summary.warnings)}</div><div class="v">${metrics.warnings.length}</div><div class="s">${esc(t.asOf(formatDay(`${v.asOf}T00:00:00Z`, lang, true)))}</div></div>
</section>`;

  const warnings = metrics.warnings.length
    ? `<ul>${metrics.warnings.map((w) => warningItem(w, v)).join('')}</ul>`
    : `<p class="ok-line">${ICONS.check}${esc(t.noWarnings)}</p>`;

  const dimCards = DIMENSIONS.map((d) => {
    const dim = guidePack.dimensions.find((x) => x.id === d.id)!;
    return `<section class="card" aria-labelledby="h-${d.id}" data-dimension="${d.id}"><h2 id="h-${d.id}"><span class="dot d-${d.id}" aria-hidden="true"></span>${esc(dim.name[lang])}</h2><p class="q">${esc(dim.question[lang])}</p>${d.measures.map((m) => measureRow(m, v, t)).join('')}</section>`;
  }).join('');
  const processCard = `<section class="card" aria-labelledby="h-process" data-dimension="process"><h2 id="h-process"><span class="dot d-process" aria-hidden="true"></span>${esc(t.process)}</h2><p class="q">${esc(t.processQuestion)}</p>${PROCESS.map((m) => measureRow(m, v, t)).join('')}</section>`;

  // Coverage by group: plan, coaching, review.
  const rowsFor = v.groupBy === 'none' ? [overall] : metrics.groups;
  const coverageRows = rowsFor.map((g) => ({
    label: groupLabel(g.key, v),
    values: [g.coverage.plan.rate, g.coverage.coaching.rate, g.coverage.review.rate],
    text: `${pct(g.coverage.review.rate)} · ${g.coverage.review.held}/${g.employees}`,
  }));
  const kindSeries = [
    { cls: 's1', name: t.kinds.plan },
    { cls: 's2', name: t.kinds.coaching },
    { cls: 's3', name: t.kinds.review },
  ];
  const coverageLabel = `${t.coverageTitle}: ${coverageRows
    .map((r) => `${r.label} ${r.values.map((x, i) => `${kindSeries[i]!.name} ${pct(x)}`).join(', ')}`)
    .join('; ')}`;
  const legend = (items: { cls: string; name: string }[]) =>
    `<ul class="legend" aria-hidden="true">${items.map((i) => `<li><span class="sw ${i.cls}"></span>${esc(i.name)}</li>`).join('')}</ul>`;
  const coverageCard = `<section class="card" aria-labelledby="h-coverage"><h2 id="h-coverage">${esc(t.coverageTitle)}</h2><p class="q">${esc(t.coverageNote)}</p>${legend(kindSeries)}${barRows(coverageRows, kindSeries, coverageLabel, { target: 0.8, width: 640 })}</section>`;

  // Durations.
  const d = overall.duration;
  const bucketLabels = ['<15', '15–30', '30–45', '45–60', '60–90', '90+'];
  const counts = Object.values(d.histogram);
  const buckets = counts.map((count, i) => ({
    label: bucketLabels[i]!,
    count,
    highlight: i === 3,
    short: i < 2,
  }));
  const durationLabel = `${t.durationLabel}: ${buckets.map((b) => `${b.label} ${t.durationAxis}: ${b.count}`).join(', ')}`;
  const durationCard = `<section class="card" aria-labelledby="h-duration"><h2 id="h-duration">${esc(t.durationTitle)}</h2><p class="q">${esc(t.durationNote(minutes(d.median, t), minutes(d.p25, t), minutes(d.p75, t), d.sessions))}</p>${histogram(buckets, durationLabel, t.durationAxis)}</section>`;

  // Action items by group.
  const itemSeries = [
    { cls: 's2', name: t.completion },
    { cls: 'sg', name: t.onTime },
  ];
  const itemRows = rowsFor.map((g) => ({
    label: groupLabel(g.key, v),
    values: [g.development.actionItems.completionRate, g.development.actionItems.onTimeRate],
    text: `${g.development.actionItems.done}/${g.development.actionItems.due} · ${pct(g.development.actionItems.completionRate)}`,
  }));
  const ai = overall.development.actionItems;
  const itemsLabel = `${t.itemsTitle}: ${itemRows.map((r) => `${r.label} ${t.completion} ${pct(r.values[0]!)}, ${t.onTime} ${pct(r.values[1]!)}`).join('; ')}`;
  const itemsCard = `<section class="card" aria-labelledby="h-items"><h2 id="h-items">${esc(t.itemsTitle)}</h2><p class="q">${esc(t.itemsNote(ai.due, ai.done, ai.overdue))}</p>${legend(
    [
      { cls: 's2', name: t.completion },
      { cls: 'sg', name: t.onTime },
    ],
  )}${barRows(itemRows, itemSeries, itemsLabel, { width: 540 })}</section>`;

  // Survey by group.
  const surveyCard = `<section class="card" aria-labelledby="h-survey"><h2 id="h-survey">${esc(t.surveyTitle)}</h2><p class="q">${esc(t.surveyNote(metrics.minGroup))}</p>${surveyTable(v)}<p class="privacy">${ICONS.lock}<span>${esc(t.privacyNote)}</span></p></section>`;

  // Completion vs rating change.
  const r = overall.performance.completionCorrelation;
  const scatterBody =
    data.points.length === 0
      ? `<div class="empty">${esc(t.scatterNone(data.next?.name ?? null))}</div>`
      : `<p class="q">${esc(t.scatterNote(rText(r), data.points.length))}</p>${scatter(data.points, t.scatterLabel(data.points.length, rText(r)), t.scatterAxes)}`;
  const scatterCard = `<section class="card" aria-labelledby="h-scatter"><h2 id="h-scatter">${esc(t.scatterTitle)}${r === null ? '' : ` <span class="m-delta">r = ${rText(r)}</span>`}</h2>${scatterBody}</section>`;

  const body = `<a class="skip" href="#main">${esc(t.skip)}</a>
<div class="wrap">
<header class="bar"><span class="brand">${ICONS.logo}<b>Tandem</b> HR</span><div class="tools">${langSwitch(lang, keep)}<form method="post" action="/dashboard/sign-out"><input type="hidden" name="lang" value="${lang}"><button class="ghost" type="submit">${esc(t.signOut)}</button></form></div></header>
<main id="main">
${v.notice ? `<p class="notice" role="status">${esc(v.notice)}</p>` : ''}
<section class="hero"><h1>${esc(t.title)} · ${esc(data.cycle.name)}</h1><p class="sub">${esc(t.subtitle)}</p></section>
<div class="toolbar">
<div class="ctl"><span>${esc(t.cycle)}</span><nav class="pills" aria-label="${esc(t.cycle)}" data-testid="cycles">${cycleLinks}</nav></div>
<div class="ctl"><span>${esc(t.grouping)}</span><nav class="pills" aria-label="${esc(t.grouping)}" data-testid="grouping">${groupLinks}</nav></div>
<a class="btn" href="${esc(csv)}" download data-testid="csv">${ICONS.download}${esc(t.download)}</a>
</div>
${kpis}
<section class="card warnings" aria-labelledby="h-warnings" data-testid="warnings"><h2 id="h-warnings">${esc(t.warningsTitle)}</h2>${warnings}</section>
<div class="dims"><div class="dim-grid">${dimCards}</div>${processCard}</div>
<div class="charts">${coverageCard}${durationCard}</div>
<div class="charts">${surveyCard}${scatterCard}</div>
<div class="charts even">${itemsCard}${commentsBlock(v)}</div>
${groupTable(v)}
</main>
<footer>${esc(t.footer)} · ${esc(v.userName)}</footer>
</div>`;
  return shell(lang, `${t.title} · ${data.cycle.name}`, body);
}
