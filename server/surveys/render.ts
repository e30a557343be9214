/**
 * The survey page's HTML: server-rendered, no script, no external asset, one inline style sheet
 * allowed by its hash in the page's CSP. Radio groups are native (`fieldset`/`legend`, arrow keys
 * move within a group, space picks, Tab leaves) with large boxes to tap; light and dark follow the
 * system. Every string from people or the store goes through `esc`.
 */
import { guidePack } from '../../shared/content/guide';
import type { GuidePack } from '../../shared/content/schema';
import { esc, htmlDocument, LOGO_SVG, languageNav, styleHash, styleOnlyCsp } from '../html/page';
import { type Lang, page } from './messages';

const CSS = `:root{color-scheme:light dark;--bg:#f6f6f3;--surface:#fff;--surface-2:#efefeb;--text:#1b1c1f;--muted:#5a5e66;--border:#d6d6cf;--accent:#2d57c8;--accent-soft:#e9eefb;--accent-text:#1f45a8;--on-accent:#fff;--ok:#207565;--ok-soft:#e3f2ee;--warn:#9a5410;--warn-soft:#fbefe2;--err:#b3261e;--err-soft:#fcebea;--shadow:0 1px 2px rgb(0 0 0/6%),0 8px 24px rgb(0 0 0/5%);--font:system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}
@media (prefers-color-scheme:dark){:root{--bg:#141518;--surface:#1d1f23;--surface-2:#26282d;--text:#e9e9ec;--muted:#a4a8b0;--border:#3a3c43;--accent:#8aa9ff;--accent-soft:#232c45;--accent-text:#b3c7ff;--on-accent:#0f1524;--ok:#5cc7b0;--ok-soft:#17302b;--warn:#e6a15c;--warn-soft:#33261a;--err:#ff8a80;--err-soft:#3a1e1d;--shadow:none}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.6 var(--font);-webkit-font-smoothing:antialiased}
.wrap{max-width:600px;margin:0 auto;padding:16px 16px 40px}
.top{display:flex;align-items:center;justify-content:space-between;gap:12px;margin:4px 2px 16px}
.brand{display:flex;align-items:center;gap:8px;font-weight:650;letter-spacing:.01em;color:var(--muted);font-size:15px}
.brand svg{color:var(--accent)}
.lang{display:flex;gap:2px;padding:3px;border:1px solid var(--border);border-radius:999px;background:var(--surface)}
.lang a{display:block;padding:6px 12px;border-radius:999px;color:var(--muted);text-decoration:none;font-size:14px;line-height:1.3;min-height:32px}
.lang a[aria-current]{background:var(--accent-soft);color:var(--accent-text);font-weight:600}
.card{background:var(--surface);border:1px solid var(--border);border-radius:18px;box-shadow:var(--shadow);padding:24px 20px}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 6px;letter-spacing:-.01em}
.about{margin:0 0 12px;color:var(--accent-text);font-weight:600;font-size:.95rem}
.intro{margin:0 0 16px;color:var(--muted)}
.privacy{display:flex;gap:12px;align-items:flex-start;background:var(--surface-2);border-radius:12px;padding:12px 14px;margin:0 0 8px;font-size:.9rem;color:var(--muted)}
.privacy svg{flex:none;margin-top:2px;color:var(--ok)}
.privacy strong{display:block;color:var(--text);font-size:.95rem}
.privacy p{margin:2px 0 0}
.alert{border-radius:12px;padding:12px 14px;margin:16px 0 0;font-weight:600}
.alert.err{background:var(--err-soft);color:var(--err)}
.alert.warn{background:var(--warn-soft);color:var(--warn)}
form{margin:0}
fieldset,.field{border:0;margin:0;padding:20px 0 18px;min-width:0;border-top:1px solid var(--border)}
fieldset:first-of-type{margin-top:16px}
legend{padding:0;float:left;width:100%;font-weight:600;font-size:1.05rem;line-height:1.45;margin-bottom:12px}
legend+*{clear:both}
.num{display:block;color:var(--muted);font-weight:500;font-size:.8rem;letter-spacing:.04em;margin-bottom:2px}
.scale{display:grid;gap:8px;grid-template-columns:repeat(5,1fr)}
.scale.s11{grid-template-columns:repeat(11,1fr);gap:6px}
.opt{position:relative;display:block}
.opt input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.opt span{display:flex;align-items:center;justify-content:center;min-height:48px;border:1.5px solid var(--border);border-radius:12px;background:var(--surface);font-weight:600;font-size:1.05rem;font-variant-numeric:tabular-nums;transition:background-color .12s,border-color .12s,transform .12s}
.opt:hover span{border-color:var(--accent)}
.opt input:checked+span{background:var(--accent);border-color:var(--accent);color:var(--on-accent);transform:translateY(-1px)}
.opt input:focus-visible+span{outline:3px solid var(--accent);outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:12px;margin-top:8px;color:var(--muted);font-size:.8rem;line-height:1.3}
.ends span:last-child{text-align:right}
.bad legend{color:var(--err)}
.bad .opt span{border-color:var(--err)}
.msg{display:flex;gap:6px;align-items:center;color:var(--err);font-weight:600;font-size:.9rem;margin:0 0 10px}
.field label{display:block;font-weight:600;font-size:1.05rem;margin-bottom:4px}
.hint{margin:0 0 10px;color:var(--muted);font-size:.875rem}
textarea{display:block;width:100%;min-height:112px;padding:12px 14px;border:1.5px solid var(--border);border-radius:12px;background:var(--surface);color:var(--text);font:inherit;resize:vertical}
textarea:focus-visible{outline:3px solid var(--accent);outline-offset:1px;border-color:var(--accent)}
.bad textarea{border-color:var(--err)}
button{display:block;width:100%;min-height:52px;margin:8px 0 0;border:0;border-radius:14px;background:var(--accent);color:var(--on-accent);font:inherit;font-weight:650;font-size:1.05rem;cursor:pointer}
button:hover{filter:brightness(1.06)}
button:focus-visible{outline:3px solid var(--accent);outline-offset:3px}
.req{margin:10px 0 0;text-align:center;color:var(--muted);font-size:.8rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.status{text-align:center;padding:40px 22px 36px;margin-top:4vh}
.status .icon{display:inline-flex;align-items:center;justify-content:center;width:64px;height:64px;border-radius:50%;margin-bottom:16px}
.status.ok .icon{background:var(--ok-soft);color:var(--ok)}
.status.info .icon{background:var(--accent-soft);color:var(--accent-text)}
.status.warn .icon{background:var(--warn-soft);color:var(--warn)}
.status p{margin:8px auto 0;max-width:30em;color:var(--muted)}
.status .soft{font-size:.9rem}
footer{margin:20px 4px 0;text-align:center;color:var(--muted);font-size:.78rem}
@media (max-width:520px){.card{padding:20px 16px;border-radius:16px}.scale.s11{grid-template-columns:repeat(6,1fr);gap:8px}h1{font-size:1.35rem}}
@media (prefers-reduced-motion:reduce){.opt span{transition:none}.opt input:checked+span{transform:none}}`;

/** `'sha256-…'` of the one inline style sheet, for the CSP. */
export const STYLE_HASH = styleHash(CSS);

/** The page's Content-Security-Policy: nothing but this style sheet and posts to itself. */
export const PAGE_CSP = styleOnlyCsp(STYLE_HASH);

const ICONS = {
  logo: LOGO_SVG,
  lock: '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="4.5" y="10.5" width="15" height="10" rx="2.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
  check:
    '<svg width="32" height="32" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  clock:
    '<svg width="30" height="30" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 7.5V12l3 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>',
  info: '<svg width="30" height="30" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 11v5.5M12 7.6v.1" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>',
  alert:
    '<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2.2"/><path d="M12 7.5v5.5M12 16.4v.1" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/></svg>',
} as const;

function shell(lang: Lang, title: string, main: string, withSwitch: boolean): string {
  const languages = withSwitch
    ? languageNav(lang, { className: 'lang', label: page[lang].languageSwitch, href: (l) => `?lang=${l}` })
    : '';
  const body = `<div class="wrap">
<header class="top"><span class="brand">${ICONS.logo}Tandem</span>${languages}</header>
${main}
<footer>${esc(page[lang].footer)}</footer>
</div>`;
  return htmlDocument({ lang, title, css: CSS, referrer: 'no-referrer', body });
}

// ---------------------------------------------------------------------------------------------
// The form

export type SurveyKindId = 'employee' | 'manager';

/** The questions of a survey kind, in page order, with their scale. */
export function questionsOf(
  kind: SurveyKindId,
): { id: string; scale: '1-5' | '0-10'; text: Record<Lang, string> }[] {
  return kind === 'employee' ? guidePack.survey.employee : guidePack.survey.manager;
}

export type FormView = {
  lang: Lang;
  kind: SurveyKindId;
  /** "About your coaching check-in on 2 March". */
  about: string;
  csrf: string;
  /** What was sent, as sent (radios by their value, the comment as typed). */
  values: Record<string, string>;
  /** Messages by field id. */
  errors: Record<string, string>;
  /** A notice above the form (the page was open too long). */
  notice?: string;
  /** The survey texts of the organisation's content pack; the built-in ones when absent. */
  texts?: GuidePack['survey'];
};

function scaleField(
  view: FormView,
  q: { id: string; scale: '1-5' | '0-10'; text: Record<Lang, string> },
  n: number,
  total: number,
): string {
  const { lang, values, errors } = view;
  const [lo, hi] = q.scale === '0-10' ? [0, 10] : [1, 5];
  const texts = view.texts ?? guidePack.survey;
  const ends = q.scale === '0-10' ? texts.npsLabels : texts.scaleLabels;
  const err = errors[q.id];
  // 0–10 wraps onto two rows on a phone: the end labels then say which number they belong to.
  const wraps = q.scale === '0-10';
  const opts: string[] = [];
  for (let v = lo; v <= hi; v++) {
    const checked = values[q.id] === String(v) ? ' checked' : '';
    const end = v === lo ? ends.low[lang] : v === hi ? ends.high[lang] : '';
    const extra = end ? `<span class="vh"> ${esc(end)}</span>` : '';
    opts.push(
      `<label class="opt"><input type="radio" name="${q.id}" value="${v}"${checked}><span>${v}${extra}</span></label>`,
    );
  }
  const describedBy = err ? ` aria-describedby="err-${q.id}"` : '';
  const invalid = err ? ' aria-invalid="true"' : '';
  const msg = err ? `<p class="msg" id="err-${q.id}">${ICONS.alert}${esc(err)}</p>` : '';
  return `<fieldset id="q-${q.id}" class="${err ? 'bad' : ''}"${describedBy}${invalid}>
<legend><span class="num">${n} / ${total}</span>${esc(q.text[lang])}</legend>
${msg}<div class="scale${hi === 10 ? ' s11' : ''}">${opts.join('')}</div>
<div class="ends" aria-hidden="true"><span>${endLabel(lo, ends.low[lang], wraps)}</span><span>${endLabel(hi, ends.high[lang], wraps)}</span></div>
</fieldset>`;
}

function endLabel(n: number, label: string, withNumber: boolean): string {
  return withNumber ? `${n} = ${esc(label)}` : esc(label);
}

export function renderForm(view: FormView): string {
  const t = page[view.lang];
  const { lang, kind, errors } = view;
  const texts = view.texts ?? guidePack.survey;
  // Ids and scales are fixed by the pack's schema; only the wording comes from the pack.
  const questions = kind === 'employee' ? texts.employee : texts.manager;
  const total = questions.length + 1;
  const title = kind === 'employee' ? t.titleEmployee : t.titleManager;
  const intro = kind === 'employee' ? texts.intro[lang] : t.introManager;
  const privacy = kind === 'employee' ? texts.privacy[lang] : t.privacyManager;
  const nErrors = Object.keys(errors).length;
  const alerts = [
    view.notice ? `<p class="alert warn" role="status">${esc(view.notice)}</p>` : '',
    nErrors ? `<p class="alert err" role="alert">${esc(t.errorSummary(nErrors))}</p>` : '',
  ].join('');
  const fields = questions.map((q, i) => scaleField(view, q, i + 1, total)).join('\n');
  const cErr = errors.comment;
  const commentHint = kind === 'employee' ? t.commentHintEmployee : t.commentHintManager;
  const comment = `<div class="field${cErr ? ' bad' : ''}">
<label for="comment"><span class="num">${total} / ${total}</span>${esc(texts.comment[lang])}</label>
<p class="hint" id="comment-hint">${esc(commentHint)}</p>
${cErr ? `<p class="msg" id="err-comment">${ICONS.alert}${esc(cErr)}</p>` : ''}<textarea id="comment" name="comment" rows="4" maxlength="2000" aria-describedby="comment-hint${cErr ? ' err-comment' : ''}"${cErr ? ' aria-invalid="true"' : ''}>${esc(view.values.comment ?? '')}</textarea>
</div>`;
  const main = `<main class="card">
<h1>${esc(title)}</h1>
<p class="about">${esc(view.about)}</p>
<p class="intro">${esc(intro)}</p>
<div class="privacy">${ICONS.lock}<div><strong>${esc(t.privacyTitle)}</strong><p>${esc(privacy)}</p></div></div>
${alerts}
<form method="post" accept-charset="utf-8">
<input type="hidden" name="csrf" value="${esc(view.csrf)}">
<input type="hidden" name="lang" value="${lang}">
${fields}
${comment}
<button type="submit">${esc(t.submit)}</button>
<p class="req">${esc(t.required)}</p>
</form>
</main>`;
  return shell(lang, title, main, true);
}

// ---------------------------------------------------------------------------------------------
// One-message pages: thank you, used, expired, unknown, refused

export type StatusView = {
  lang: Lang;
  tone: 'ok' | 'info' | 'warn';
  icon: 'check' | 'clock' | 'info';
  title: string;
  body: string;
  soft?: string;
  /** Show the language switch (pages reached by GET, where `?lang=` works). */
  withSwitch?: boolean;
};

export function renderStatus(v: StatusView): string {
  const main = `<main class="card status ${v.tone}">
<div class="icon">${ICONS[v.icon]}</div>
<h1>${esc(v.title)}</h1>
<p>${esc(v.body)}</p>
${v.soft ? `<p class="soft">${esc(v.soft)}</p>` : ''}
</main>`;
  return shell(v.lang, v.title, main, v.withSwitch ?? false);
}
