/**
 * The two elements Tandem puts on pages: `<tandem-calendar>` (an inline "Prepare" button) and
 * `<tandem-launcher>` (a small floating button). Each is a host element with a closed shadow root,
 * so the page's CSS and scripts cannot restyle or read it. No `customElements.define`: content
 * scripts in Chrome have no custom element registry; a hyphenated tag can hold a shadow root anyway.
 */

const BASE = `:host{all:initial;display:inline-block;vertical-align:middle}
button{all:unset;box-sizing:border-box;cursor:pointer;display:inline-flex;align-items:center;gap:6px;
font:500 13px/1.2 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;
color:#fff;background:#2f6f5e;border-radius:16px;padding:6px 12px;box-shadow:0 1px 2px rgba(0,0,0,.2)}
button:hover{background:#245a4c}button:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}
i{position:relative;width:16px;height:10px;flex:none}
i::before,i::after{content:"";position:absolute;top:0;width:7px;height:7px;border:1.6px solid currentColor;border-radius:50%}
i::before{left:0}i::after{right:0}`;

const FLOAT = `:host{position:fixed!important;right:16px;bottom:88px;z-index:2147483646;display:inline-flex;gap:4px;touch-action:none}
:host([data-corner="bl"]){right:auto;left:16px}:host([data-corner="tr"]){bottom:auto;top:72px}
:host([data-corner="tl"]){bottom:auto;top:72px;right:auto;left:16px}:host([data-dragging]){opacity:.85;cursor:grabbing}
button{border-radius:20px;padding:8px 12px}.mark{display:none;background:#fff;color:#1f2a27;border:1px solid #2f6f5e}
.mark:hover{background:#eef5f2}:host([data-mode="fallback"]) .mark{display:inline-flex}
:host([data-state="in-call"]) button:first-of-type::after{content:"";width:7px;height:7px;border-radius:50%;background:#7ee2a8}`;

// The hint beside the button when the browser would not open the panel from a page click (Firefox).
const HINT = `:host{position:relative}p{all:initial;position:absolute;right:0;top:calc(100% + 6px);width:max-content;
max-width:240px;font:400 12px/1.35 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;
color:#1f2328;background:#fff;border:1px solid #c9d1d9;border-radius:8px;padding:6px 8px;box-shadow:0 2px 6px rgba(0,0,0,.15)}
:host([data-floating]) p{top:auto;bottom:calc(100% + 6px)}`;

export interface HostOptions {
  label: string;
  /** The label's language (`zh-CN` or `en`), set on the host for assistive tech. */
  lang: string;
  title?: string;
  floating?: boolean;
  /** Floating only: a second button, shown while the host has `data-mode="fallback"`. */
  mark?: { label: string; onClick: () => void };
  /** Runs on a real user click only (`isTrusted`): a page script cannot trigger it. */
  onClick: () => void;
}

function button(label: string, title: string | undefined, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.append(label);
  if (title) b.title = title;
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    if (!e.isTrusted) return;
    try {
      onClick();
    } catch {
      // Quiet on the page.
    }
  });
  return b;
}

export interface Host extends HTMLElement {
  /** Floating hosts with `mark`: sets that button's label (the page cannot reach the closed shadow root). */
  tandemMark?: (label: string) => void;
  /** Shows a hint beside the button (`null` hides it), announced to screen readers (`panel-hint.ts`). */
  tandemHint?: (text: string | null) => void;
}

export function createHost(tag: 'tandem-calendar' | 'tandem-launcher', opts: HostOptions): Host {
  const host: Host = document.createElement(tag);
  host.setAttribute('lang', opts.lang);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BASE + HINT + (opts.floating ? FLOAT : '');
  if (opts.floating) host.dataset.floating = '';
  const main = button(opts.label, opts.title, opts.onClick);
  // The mark (two linked rings) is drawn in CSS: no HTML or SVG parsing while mounting.
  main.prepend(document.createElement('i'));
  shadow.append(style, main);
  if (opts.mark) {
    const mark = button(opts.mark.label, undefined, opts.mark.onClick);
    mark.className = 'mark';
    shadow.append(mark);
    host.tandemMark = (label) => mark.replaceChildren(label);
  }
  const hint = document.createElement('p');
  hint.setAttribute('role', 'status');
  hint.hidden = true;
  shadow.append(hint);
  host.tandemHint = (text) => {
    hint.textContent = text ?? '';
    hint.hidden = !text;
    host.dataset.hint = text ? 'shown' : '';
  };
  // Keep the page's own handlers (a dialog closing on outside clicks, keyboard shortcuts) out of our clicks.
  for (const type of ['mousedown', 'pointerdown', 'keydown']) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }
  return host;
}

export type Corner = 'br' | 'bl' | 'tr' | 'tl';

/**
 * Let the manager drag a floating host to another corner (it snaps to the nearest one, so it never
 * rests over the middle of the page's controls). A drag swallows the click that ends it.
 */
export function makeMovable(host: HTMLElement, onCorner: (c: Corner) => void): void {
  let start: { x: number; y: number; id: number } | null = null;
  let moved = false;
  // Moves are followed on the window while the button is down: the pointer leaves the small host at once.
  const move = (e: PointerEvent) => {
    if (!start || e.pointerId !== start.id) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (!moved && Math.hypot(dx, dy) < 6) return;
    moved = true;
    host.setAttribute('data-dragging', '');
    host.style.setProperty('transform', `translate(${dx}px,${dy}px)`);
  };
  const end = (e: PointerEvent) => {
    if (!start || e.pointerId !== start.id) return;
    start = null;
    removeEventListener('pointermove', move, true);
    removeEventListener('pointerup', end, true);
    removeEventListener('pointercancel', end, true);
    if (!moved) return;
    host.removeAttribute('data-dragging');
    host.style.removeProperty('transform');
    const c: Corner = `${e.clientY < innerHeight / 2 ? 't' : 'b'}${e.clientX < innerWidth / 2 ? 'l' : 'r'}`;
    host.dataset.corner = c;
    onCorner(c);
    // The click that ends a drag is not a click on the launcher.
    setTimeout(() => {
      moved = false;
    }, 0);
  };
  host.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    start = { x: e.clientX, y: e.clientY, id: e.pointerId };
    moved = false;
    addEventListener('pointermove', move, true);
    addEventListener('pointerup', end, true);
    addEventListener('pointercancel', end, true);
  });
  host.addEventListener(
    'click',
    (e) => {
      if (moved) {
        e.stopPropagation();
        e.preventDefault();
      }
    },
    true,
  );
}
