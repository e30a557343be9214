/**
 * The dashboard's one style sheet, allowed by its hash in the page's CSP (no `unsafe-inline`, no
 * inline `style` attributes anywhere). The palette and type follow the survey page
 * (server/surveys/render.ts); light and dark follow the system.
 */
import { styleHash, styleOnlyCsp } from '../html/page';

export const CSS = `:root{color-scheme:light dark;--bg:#f4f4f0;--surface:#fff;--surface-2:#f0f0eb;--text:#1b1c1f;--muted:#5a5e66;--faint:#8a8e96;--border:#dcdcd4;--grid:#e6e6df;--accent:#2d57c8;--accent-soft:#e9eefb;--accent-text:#1f45a8;--on-accent:#fff;--c1:#8fa8e8;--c2:#4f74d6;--c3:#1f3f9a;--ok:#207565;--ok-soft:#e3f2ee;--warn:#9a5410;--warn-soft:#fbefe2;--warn-bar:#e39a4f;--err:#b3261e;--shadow:0 1px 2px rgb(0 0 0/5%),0 6px 20px rgb(0 0 0/4%);--font:system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}
@media (prefers-color-scheme:dark){:root{--bg:#121316;--surface:#1b1d21;--surface-2:#24262b;--text:#e9e9ec;--muted:#a4a8b0;--faint:#7d818a;--border:#34363d;--grid:#2b2d33;--accent:#8aa9ff;--accent-soft:#232c45;--accent-text:#b3c7ff;--on-accent:#0f1524;--c1:#3d5290;--c2:#6f8fe6;--c3:#b3c7ff;--ok:#5cc7b0;--ok-soft:#17302b;--warn:#e6a15c;--warn-soft:#33261a;--warn-bar:#c98443;--err:#ff8a80;--shadow:none}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.55 var(--font);-webkit-font-smoothing:antialiased}
a{color:var(--accent-text)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:6px}
.skip{position:absolute;left:12px;top:-60px;background:var(--surface);padding:8px 12px;border-radius:8px;z-index:2}
.skip:focus{top:12px}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px 40px}
.bar{display:flex;align-items:center;justify-content:space-between;gap:16px;padding:14px 0}
.brand{display:flex;align-items:center;gap:8px;font-weight:650;color:var(--muted);font-size:15px}
.brand svg{color:var(--accent)}
.brand b{color:var(--text);font-weight:650}
.tools{display:flex;align-items:center;gap:10px}
.pills{display:flex;flex-wrap:wrap;gap:2px;padding:3px;border:1px solid var(--border);border-radius:999px;background:var(--surface)}
.pills a{display:block;padding:5px 13px;border-radius:999px;color:var(--muted);text-decoration:none;font-size:14px;line-height:1.4;white-space:nowrap}
.pills a:hover{color:var(--text)}
.pills a[aria-current]{background:var(--accent-soft);color:var(--accent-text);font-weight:600}
.ghost{font:inherit;font-size:14px;padding:6px 14px;border-radius:999px;border:1px solid var(--border);background:var(--surface);color:var(--text);cursor:pointer}
.ghost:hover{border-color:var(--accent)}
.hero{margin:10px 0 14px}
.toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:12px 22px;margin:0 0 18px;padding:10px 14px;background:var(--surface);border:1px solid var(--border);border-radius:16px}
.toolbar .btn{margin-left:auto}
h1{font-size:1.85rem;line-height:1.2;margin:0 0 6px;letter-spacing:-.015em}
.sub{margin:0;color:var(--muted);max-width:46em}
.ctl{display:flex;align-items:center;gap:10px}
.ctl>span{color:var(--muted);font-size:13px}
.btn{display:inline-flex;align-items:center;gap:7px;padding:7px 15px;border-radius:999px;background:var(--accent);color:var(--on-accent);text-decoration:none;font-weight:600;font-size:14px}
.btn:hover{filter:brightness(1.06)}
.notice{background:var(--warn-soft);color:var(--warn);border-radius:12px;padding:10px 14px;margin:0 0 16px;font-weight:600}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:14px;margin-bottom:16px}
.kpi{background:var(--surface);border:1px solid var(--border);border-radius:16px;padding:14px 18px;box-shadow:var(--shadow)}
.kpi .k{color:var(--muted);font-size:13px}
.kpi .v{font-size:1.9rem;font-weight:680;letter-spacing:-.02em;font-variant-numeric:tabular-nums;line-height:1.25}
.kpi .s{color:var(--faint);font-size:12.5px}
.kpi.alert .v{color:var(--warn)}
.card{background:var(--surface);border:1px solid var(--border);border-radius:18px;box-shadow:var(--shadow);padding:18px 20px;min-width:0}
.card h2{font-size:1.08rem;margin:0;letter-spacing:-.005em;display:flex;align-items:center;gap:8px}
.card .q{margin:3px 0 10px;color:var(--muted);font-size:13.5px}
.note{color:var(--muted);font-size:13px;margin:6px 0 0}
.warnings{margin-bottom:16px;border-color:var(--warn-soft)}
.warnings ul{list-style:none;margin:10px 0 0;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:10px}
.warnings li{display:flex;gap:12px;align-items:flex-start;background:var(--warn-soft);border-radius:12px;padding:10px 12px}
.warnings li svg{flex:none;color:var(--warn);margin-top:2px}
.warnings .tag{display:block;font-weight:650;color:var(--warn);font-size:13px}
.warnings p{margin:1px 0 0;font-size:14px}
.ok-line{display:flex;gap:8px;align-items:center;color:var(--ok);font-weight:600;margin:8px 0 0}
.dims{display:grid;grid-template-columns:1fr 1fr 1fr;gap:14px;margin-bottom:16px}
.dim-grid{grid-column:span 2;display:grid;grid-template-columns:1fr 1fr;gap:14px}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%}
.d-consensus{background:#7b61d1}.d-development{background:#2f9e7a}.d-motivation{background:#e0863a}.d-performance{background:#2d57c8}.d-process{background:#8a8e96}
.measure{display:grid;grid-template-columns:1fr auto;grid-template-rows:auto auto;column-gap:12px;align-items:center;padding:9px 0;border-top:1px solid var(--grid)}
.measure:first-of-type{border-top:0}
.m-label{font-size:13.5px;color:var(--muted);grid-column:1}
.m-main{grid-column:1;display:flex;align-items:baseline;gap:10px;flex-wrap:wrap}
.m-value{font-size:1.45rem;font-weight:680;letter-spacing:-.02em;font-variant-numeric:tabular-nums}
.m-value.hidden{font-size:.9rem;font-weight:600;color:var(--muted);letter-spacing:0}
.m-delta{font-size:12.5px;color:var(--faint);font-variant-numeric:tabular-nums}
.m-delta.good{color:var(--ok)}.m-delta.bad{color:var(--warn)}
.m-note{grid-column:1;font-size:12px;color:var(--faint)}
.measure .spark{grid-column:2;grid-row:1/4}
.spark-line{fill:none;stroke:var(--accent);stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
.spark-dot{fill:var(--surface);stroke:var(--accent);stroke-width:1.5}
.spark-now{fill:var(--accent)}
.spark-base,.spark-empty{stroke:var(--grid);stroke-width:1}
.spark-empty{stroke-dasharray:3 3}
.charts{display:grid;grid-template-columns:7fr 5fr;gap:14px;margin-bottom:16px}
.charts.even{grid-template-columns:1fr 1fr}
.chart{display:block;width:100%;height:auto;margin-top:8px;font-family:var(--font)}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin:8px 0 0;padding:0;list-style:none;font-size:12.5px;color:var(--muted)}
.legend li{display:flex;align-items:center;gap:6px}
.sw{display:inline-block;width:12px;height:8px;border-radius:3px}
.sw.s1{background:var(--c1)}.sw.s2{background:var(--c2)}.sw.s3{background:var(--c3)}.sw.sg{background:var(--ok)}.sw.sw2{background:var(--warn-bar)}
.grid{stroke:var(--grid);stroke-width:1}
.zero{stroke:var(--faint);stroke-width:1}
.target{stroke:var(--warn);stroke-width:1.5;stroke-dasharray:4 3}
.track{fill:var(--surface-2)}
.s1{fill:var(--c1)}.s2{fill:var(--c2)}.s3{fill:var(--c3)}.sg{fill:var(--ok)}
.axis{fill:var(--faint);font-size:11px}
.row-label{fill:var(--text);font-size:12.5px}
.row-value{fill:var(--muted);font-size:12px;font-variant-numeric:tabular-nums}
.bar-main{fill:var(--c2)}.bar-good{fill:var(--ok)}.bar-warn{fill:var(--warn-bar)}
.band{fill:var(--ok-soft)}
.bar-value{fill:var(--text);font-size:12px;font-weight:600}
.pt{fill:var(--accent);fill-opacity:.55;stroke:var(--accent);stroke-width:1}
.fit{stroke:var(--warn);stroke-width:2;stroke-dasharray:6 4}
.ring-track{fill:none;stroke:var(--surface-2);stroke-width:9}
.ring-main{fill:none;stroke:var(--accent);stroke-width:9;stroke-linecap:round}
.ring-text{fill:var(--text);font-size:15px;font-weight:680}
.empty{display:flex;align-items:center;justify-content:center;min-height:160px;color:var(--muted);background:var(--surface-2);border-radius:12px;margin-top:10px;padding:16px;text-align:center}
table{width:100%;border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:650;font-size:1.08rem;padding:0 0 10px}
th,td{padding:7px 8px;border-bottom:1px solid var(--grid);text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left;white-space:normal}
thead th{color:var(--muted);font-weight:600;font-size:12px;vertical-align:bottom;white-space:normal}
tfoot td,tfoot th{font-weight:650;border-bottom:0}
td.hid{color:var(--faint);font-style:italic}
.who small,.resp{display:block;color:var(--faint);font-size:11.5px;font-weight:400}
.survey-table th[scope=row]{min-width:150px}
.scroll{overflow-x:auto}
.survey-table th,.survey-table td{padding:7px 6px}
.survey-table td .mini{display:inline-block;vertical-align:middle;margin-right:6px}
.mini rect.track{fill:var(--surface-2)}.mini rect.fill{fill:var(--c2)}
.nps-pos{color:var(--ok);font-weight:650}.nps-neg{color:var(--warn);font-weight:650}
.hid-row td:not(:first-child){color:var(--muted)}
p.hid-msg{margin:4px 0 0}
.hid-msg{display:inline-flex;gap:6px;align-items:center;font-size:12.5px;color:var(--muted);background:var(--surface-2);border-radius:999px;padding:2px 10px}
.quotes{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:10px 0 0;padding:0;list-style:none}
.quotes li{background:var(--surface-2);border-radius:12px;padding:10px 12px;font-size:14px;position:relative}
.quotes li::before{content:"\\201C";color:var(--accent);font-size:22px;line-height:0;position:relative;top:7px;margin-right:3px;font-family:Georgia,serif}
.cgroup{margin-top:12px}
.cgroup h3{font-size:13px;color:var(--muted);margin:0;font-weight:600}
.privacy{display:flex;gap:10px;align-items:flex-start;color:var(--muted);font-size:13px;margin:14px 2px 0}
.privacy svg{flex:none;color:var(--ok);margin-top:2px}
.tablecard{margin-bottom:16px;overflow-x:auto}
footer{margin:18px 4px 0;text-align:center;color:var(--faint);font-size:12px}
.signin{max-width:440px;margin:8vh auto 0}
.signin h1{font-size:1.5rem}
.signin p{color:var(--muted)}
.signin label{display:block;font-weight:600;margin:18px 0 4px}
.signin .hint{font-size:13px;margin:0 0 8px}
.signin input{display:block;width:100%;padding:11px 13px;border:1.5px solid var(--border);border-radius:12px;background:var(--surface);color:var(--text);font:inherit;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:14px}
.signin input:focus-visible{outline:3px solid var(--accent);outline-offset:1px;border-color:var(--accent)}
.signin button{display:block;width:100%;min-height:46px;margin:16px 0 0;border:0;border-radius:12px;background:var(--accent);color:var(--on-accent);font:inherit;font-weight:650;cursor:pointer}
.signin .err{background:#fcebea;color:var(--err);border-radius:10px;padding:9px 12px;font-weight:600;margin:14px 0 0}
@media (prefers-color-scheme:dark){.signin .err{background:#3a1e1d}}
.status{text-align:center}
.status .icon{display:inline-flex;align-items:center;justify-content:center;width:60px;height:60px;border-radius:50%;background:var(--warn-soft);color:var(--warn);margin-bottom:10px}
@media (max-width:1000px){.dims,.charts,.charts.even{grid-template-columns:1fr}.dim-grid{grid-column:auto}.kpis{grid-template-columns:1fr 1fr}.warnings ul{grid-template-columns:1fr}.toolbar .btn{margin-left:0}}
@media (max-width:640px){.dim-grid{grid-template-columns:1fr}.quotes{grid-template-columns:1fr}.wrap{padding:0 14px 30px}}`;

export const STYLE_HASH = styleHash(CSS);

/** No script at all; the one style sheet; forms post only to this origin. */
export const DASHBOARD_CSP = styleOnlyCsp(STYLE_HASH);
