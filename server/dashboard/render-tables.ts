/** The dashboard's HTML: warnings, the employee survey by group, comments, and every group's numbers as a table. */
import { esc } from '../html/page';
import type { CommentGroup, Group, MetricsWarning, SuppressionReason } from '../metrics';
import { text } from './messages';
import {
  type DashboardView,
  groupCell,
  groupLabel,
  ICONS,
  minutes,
  npsText,
  pct,
  rating,
} from './render-base';

export function warningItem(w: MetricsWarning, v: DashboardView): string {
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

export function surveyTable(v: DashboardView): string {
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

export function commentsBlock(v: DashboardView): string {
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

export function groupTable(v: DashboardView): string {
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
