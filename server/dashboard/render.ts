/**
 * The dashboard's HTML: server-rendered, no script, no external asset, one hashed style sheet
 * (style.ts), charts as inline SVG (charts.ts). Organised by the method's four effectiveness
 * dimensions with process health beside them, each measure with its trend over the last cycles;
 * then coverage, durations, action items, the employee survey by group (suppressed groups say
 * why), completion vs rating change, comments where allowed, and every group's numbers as a table.
 * Every string from people or the store goes through `esc`.
 */
import { guidePack } from '../../shared/content/guide';
import { esc } from '../html/page';
import { formatDay, type Lang } from '../surveys/messages';
import { barRows, histogram, scatter } from './charts';
import { text } from './messages';
import {
  type DashboardView,
  groupLabel,
  ICONS,
  langSwitch,
  minutes,
  pct,
  query,
  rText,
  shell,
} from './render-base';
import { DIMENSIONS, measureRow, PROCESS } from './render-measures';
import { commentsBlock, groupTable, surveyTable, warningItem } from './render-tables';

export { type DashboardView, shell } from './render-base';

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
