/**
 * The two elements Tandem puts on pages: `<tandem-calendar>` (an inline "Prepare" button) and
 * `<tandem-launcher>` (a small floating button). Each is a host element with a closed shadow root,
 * so the page's CSS and scripts cannot restyle or read it. No `customElements.define`: content
 * scripts in Chrome have no custom element registry; a hyphenated tag can hold a shadow root anyway.
 */

import { type AdapterMessage, panelHint, send } from './messages';

const BASE = `:host{all:initial;display:inline-block;vertical-align:middle}
button{all:unset;box-sizing:border-box;cursor:pointer;display:inline-flex;align-items:center;gap:6px;
font:500 13px/1.2 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;
color:#fff;background:#2f6f5e;border-radius:16px;padding:6px 12px;box-shadow:0 1px 2px rgba(0,0,0,.2)}
button:hover{background:#245a4c}button:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}
i{position:relative;width:16px;height:10px;flex:none}
i::before,i::after{content:"";position:absolute;top:0;width:7px;height:7px;border:1.6px solid currentColor;border-radius:50%}
i::before{left:0}i::after{right:0}`;

// The hint under the button when the browser would not open the panel from a page click (Firefox).
const HINT = `:host{position:relative}p{all:initial;position:absolute;right:0;top:calc(100% + 6px);width:max-content;
max-width:240px;font:400 12px/1.35 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;
color:#1f2328;background:#fff;border:1px solid #c9d1d9;border-radius:8px;padding:6px 8px;box-shadow:0 2px 6px rgba(0,0,0,.15)}
:host([data-floating]) p{top:auto;bottom:calc(100% + 6px)}`;

const FLOAT = `:host{position:fixed!important;right:16px;bottom:88px;z-index:2147483646}
button{border-radius:20px;padding:8px 12px}
:host([data-state="in-call"]) button::after{content:"";width:7px;height:7px;border-radius:50%;background:#7ee2a8}`;

export interface HostOptions {
  label: string;
  /** The label's language (`zh-CN` or `en`), set on the host for assistive tech. */
  lang: string;
  title?: string;
  floating?: boolean;
  /** Runs on a real user click only (`isTrusted`): a page script cannot trigger it. */
  onClick: () => void;
}

const hints = new WeakMap<HTMLElement, HTMLParagraphElement>();

/**
 * Show `text` beside the button (or remove it with `null`), read out by screen readers. Used when
 * the browser did not open the panel from the click: Firefox counts a click on a web page, even
 * on our own button, as no user action for `sidebarAction.open()`.
 */
export function showHint(host: HTMLElement, text: string | null): void {
  const p = hints.get(host);
  if (!p) return;
  p.textContent = text ?? '';
  p.hidden = !text;
  host.dataset.hint = text ? 'shown' : '';
}

/** Send a message that asks for the panel; when the browser kept it closed, say what to do instead. */
export function askForPanel(host: HTMLElement | null, msg: AdapterMessage, zh: boolean): void {
  if (host) showHint(host, null);
  void send(msg).then((reply) => {
    if (host && reply?.ok && !reply.panel) showHint(host, panelHint(zh));
  });
}

export function createHost(tag: 'tandem-calendar' | 'tandem-launcher', opts: HostOptions): HTMLElement {
  const host = document.createElement(tag);
  host.setAttribute('lang', opts.lang);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BASE + HINT + (opts.floating ? FLOAT : '');
  if (opts.floating) host.dataset.floating = '';
  const button = document.createElement('button');
  button.type = 'button';
  // The mark (two linked rings) is drawn in CSS: no HTML or SVG parsing while mounting.
  button.append(document.createElement('i'), opts.label);
  if (opts.title) button.title = opts.title;
  button.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    if (!e.isTrusted) return;
    try {
      opts.onClick();
    } catch {
      // Quiet on the page.
    }
  });
  // Keep the page's own handlers (a dialog closing on outside clicks, keyboard shortcuts) out of our clicks.
  for (const type of ['mousedown', 'pointerdown', 'keydown']) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }
  const hint = document.createElement('p');
  hint.setAttribute('role', 'status');
  hint.hidden = true;
  hints.set(host, hint);
  shadow.append(style, button, hint);
  return host;
}
