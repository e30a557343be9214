/**
 * Hand-written SVG charts for the dashboard: no library, no script, no inline `style` (the page's
 * CSP allows only its hashed style sheet); colours come from classes in that sheet, so light and
 * dark follow the system. Every chart is `role="img"` with an `aria-label` and a `<title>` that say
 * what it shows in words and numbers, and the page shows the same numbers as text or a table.
 */
import { esc } from '../html/page';

const f = (n: number) => (Math.round(n * 10) / 10).toString();

function svg(w: number, h: number, label: string, body: string, cls = 'chart'): string {
  return `<svg class="${cls}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(label)}" focusable="false"><title>${esc(label)}</title>${body}</svg>`;
}

/**
 * A sparkline over the last cycles: one point per cycle (null breaks the line), the last point
 * marked. `domain` fixes the vertical scale (rates: [0, 1]); otherwise it fits the values.
 */
export function sparkline(values: (number | null)[], label: string, domain?: [number, number]): string {
  const w = 112;
  const h = 34;
  const pad = 4;
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) {
    return svg(
      w,
      h,
      label,
      `<line class="spark-empty" x1="${pad}" y1="${h / 2}" x2="${w - pad}" y2="${h / 2}"/>`,
      'spark',
    );
  }
  let [lo, hi] = domain ?? [Math.min(...known), Math.max(...known)];
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const n = Math.max(values.length, 2);
  const x = (i: number) => pad + (i * (w - 2 * pad)) / (n - 1);
  const y = (v: number) => h - pad - ((v - lo) / (hi - lo)) * (h - 2 * pad);
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) parts.push(`<polyline class="spark-line" points="${run.join(' ')}"/>`);
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null) flush();
    else run.push(`${f(x(i))},${f(y(v))}`);
  });
  flush();
  const dots = values
    .map((v, i) =>
      v === null
        ? ''
        : `<circle class="${i === values.length - 1 ? 'spark-now' : 'spark-dot'}" cx="${f(x(i))}" cy="${f(y(v))}" r="${i === values.length - 1 ? 3.2 : 2}"/>`,
    )
    .join('');
  const base = `<line class="spark-base" x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}"/>`;
  return svg(w, h, label, base + parts.join('') + dots, 'spark');
}

export interface BarRow {
  label: string;
  /** Values in [0, 1] (null: no data), one per series. */
  values: (number | null)[];
  /** Text at the end of the row (the numbers). */
  text: string;
  note?: string;
}

/**
 * Horizontal bars, one row per group with one thin bar per series, and an optional target line
 * (e.g. 80 % review coverage).
 */
export function barRows(
  rows: BarRow[],
  series: { cls: string; name: string }[],
  label: string,
  opts: { target?: number; targetLabel?: string; width?: number } = {},
): string {
  const w = opts.width ?? 560;
  const labelW = 150;
  const textW = 150;
  const plotW = w - labelW - textW;
  const barH = 7;
  const gap = 3;
  const rowH = Math.max(30, series.length * (barH + gap) + 12);
  const top = 8;
  const h = top + rows.length * rowH + 22;
  const body: string[] = [];
  for (let t = 0; t <= 4; t++) {
    const gx = labelW + (plotW * t) / 4;
    body.push(`<line class="grid" x1="${f(gx)}" y1="${top - 4}" x2="${f(gx)}" y2="${h - 18}"/>`);
    body.push(`<text class="axis" x="${f(gx)}" y="${h - 4}" text-anchor="middle">${t * 25}%</text>`);
  }
  rows.forEach((r, i) => {
    const y0 = top + i * rowH;
    const inner = series.length * (barH + gap) - gap;
    const by = y0 + (rowH - inner) / 2;
    body.push(
      `<text class="row-label" x="${labelW - 10}" y="${f(y0 + rowH / 2 + 4)}" text-anchor="end">${esc(trim(r.label, 18))}</text>`,
    );
    series.forEach((s, k) => {
      const v = r.values[k];
      const yy = by + k * (barH + gap);
      body.push(
        `<rect class="track" x="${labelW}" y="${f(yy)}" width="${plotW}" height="${barH}" rx="3.5"/>`,
      );
      if (v !== null && v !== undefined) {
        const bw = Math.max(v > 0 ? 3 : 0, plotW * Math.min(1, Math.max(0, v)));
        body.push(
          `<rect class="${s.cls}" x="${labelW}" y="${f(yy)}" width="${f(bw)}" height="${barH}" rx="3.5"/>`,
        );
      }
    });
    body.push(
      `<text class="row-value" x="${labelW + plotW + 10}" y="${f(y0 + rowH / 2 + 4)}">${esc(r.text)}</text>`,
    );
  });
  if (opts.target !== undefined) {
    const tx = labelW + plotW * opts.target;
    body.push(`<line class="target" x1="${f(tx)}" y1="${top - 4}" x2="${f(tx)}" y2="${h - 18}"/>`);
  }
  return svg(w, h, label, body.join(''));
}

function trim(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s;
}

/** The duration histogram: six buckets, the method's 45–60 min band highlighted. */
export function histogram(
  buckets: { label: string; count: number; highlight?: boolean; short?: boolean }[],
  label: string,
  axis: string,
): string {
  const w = 520;
  const h = 210;
  const left = 34;
  const bottom = 40;
  const top = 18;
  const plotW = w - left - 8;
  const plotH = h - top - bottom;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const body: string[] = [];
  for (let v = 0; v <= yMax; v += step) {
    const y = top + plotH - (v / yMax) * plotH;
    body.push(`<line class="grid" x1="${left}" y1="${f(y)}" x2="${w - 8}" y2="${f(y)}"/>`);
    body.push(`<text class="axis" x="${left - 6}" y="${f(y + 4)}" text-anchor="end">${v}</text>`);
  }
  const bw = plotW / buckets.length;
  buckets.forEach((b, i) => {
    const x = left + i * bw + 6;
    const bh = (b.count / yMax) * plotH;
    const y = top + plotH - bh;
    const cls = b.highlight ? 'bar-good' : b.short ? 'bar-warn' : 'bar-main';
    if (b.highlight) {
      body.push(
        `<rect class="band" x="${f(left + i * bw)}" y="${top - 12}" width="${f(bw)}" height="${plotH + 12}" rx="6"/>`,
      );
    }
    body.push(
      `<rect class="${cls}" x="${f(x)}" y="${f(y)}" width="${f(bw - 12)}" height="${f(Math.max(bh, b.count ? 2 : 0))}" rx="4"/>`,
    );
    body.push(
      `<text class="bar-value" x="${f(x + (bw - 12) / 2)}" y="${f(y - 5)}" text-anchor="middle">${b.count}</text>`,
    );
    body.push(
      `<text class="axis" x="${f(x + (bw - 12) / 2)}" y="${top + plotH + 16}" text-anchor="middle">${esc(b.label)}</text>`,
    );
  });
  body.push(
    `<text class="axis" x="${f(left + plotW / 2)}" y="${h - 4}" text-anchor="middle">${esc(axis)}</text>`,
  );
  return svg(w, h, label, body.join(''));
}

function niceStep(max: number): number {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return Math.max(1, (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p);
}

/** Completion (x, 0–100 %) against rating change (y), with the zero line and r. */
export function scatter(
  points: { x: number; y: number }[],
  label: string,
  axes: { x: string; y: string },
): string {
  const w = 520;
  const h = 250;
  const left = 44;
  const bottom = 40;
  const top = 12;
  const right = 12;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const ext = Math.max(1, ...points.map((p) => Math.ceil(Math.abs(p.y))));
  const x = (v: number) => left + v * plotW;
  const y = (v: number) => top + plotH / 2 - (v / ext) * (plotH / 2);
  const body: string[] = [];
  for (let t = 0; t <= 4; t++) {
    body.push(`<line class="grid" x1="${f(x(t / 4))}" y1="${top}" x2="${f(x(t / 4))}" y2="${top + plotH}"/>`);
    body.push(
      `<text class="axis" x="${f(x(t / 4))}" y="${top + plotH + 16}" text-anchor="middle">${t * 25}%</text>`,
    );
  }
  for (let v = -ext; v <= ext; v += ext <= 2 ? 0.5 : 1) {
    body.push(
      `<line class="${v === 0 ? 'zero' : 'grid'}" x1="${left}" y1="${f(y(v))}" x2="${w - right}" y2="${f(y(v))}"/>`,
    );
    body.push(
      `<text class="axis" x="${left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${v > 0 ? '+' : ''}${v}</text>`,
    );
  }
  // A least-squares line when there are enough points.
  if (points.length >= 3) {
    const mx = points.reduce((a, p) => a + p.x, 0) / points.length;
    const my = points.reduce((a, p) => a + p.y, 0) / points.length;
    let sxy = 0;
    let sxx = 0;
    for (const p of points) {
      sxy += (p.x - mx) * (p.y - my);
      sxx += (p.x - mx) ** 2;
    }
    if (sxx > 0) {
      const b = sxy / sxx;
      const a = my - b * mx;
      const clampY = (v: number) => Math.max(-ext, Math.min(ext, v));
      body.push(
        `<line class="fit" x1="${f(x(0))}" y1="${f(y(clampY(a)))}" x2="${f(x(1))}" y2="${f(y(clampY(a + b)))}"/>`,
      );
    }
  }
  // Same point several times: jitter a little so each stays visible.
  const seen = new Map<string, number>();
  for (const p of points) {
    const key = `${p.x.toFixed(3)}|${p.y}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const dx = k ? ((k % 3) - 1) * 4 : 0;
    const dy = k ? (Math.floor(k / 3) % 2 ? 4 : -4) * Math.sign((k % 2) - 0.5) : 0;
    body.push(`<circle class="pt" cx="${f(x(p.x) + dx)}" cy="${f(y(p.y) + dy)}" r="4.5"/>`);
  }
  body.push(
    `<text class="axis" x="${f(left + plotW / 2)}" y="${h - 4}" text-anchor="middle">${esc(axes.x)}</text>`,
  );
  body.push(
    `<text class="axis" x="12" y="${f(top + plotH / 2)}" text-anchor="middle" transform="rotate(-90 12 ${f(top + plotH / 2)})">${esc(axes.y)}</text>`,
  );
  return svg(w, h, label, body.join(''));
}

/** A ring showing one share (0–1), the number in the middle as text. */
export function ring(value: number | null, label: string, text: string, cls = 'ring-main'): string {
  const size = 76;
  const r = 30;
  const c = 2 * Math.PI * r;
  const v = value === null ? 0 : Math.max(0, Math.min(1, value));
  const body = `<circle class="ring-track" cx="38" cy="38" r="${r}"/><circle class="${cls}" cx="38" cy="38" r="${r}" stroke-dasharray="${f(c * v)} ${f(c)}" transform="rotate(-90 38 38)"/><text class="ring-text" x="38" y="43" text-anchor="middle">${esc(text)}</text>`;
  return svg(size, size, label, body, 'ring');
}
