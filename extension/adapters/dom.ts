/**
 * Watching a single-page app's DOM without polling: one MutationObserver per document, its
 * callbacks coalesced to one run per batch of mutations. Every callback is guarded so that a
 * surprise in the page's markup never surfaces as an error on the page.
 */

/** Run `fn` now and after every batch of DOM changes under `root`, until `signal` aborts or the returned stop is called. */
export function watch(fn: () => void, root: Node = document, signal?: AbortSignal): () => void {
  const run = () => {
    try {
      fn();
    } catch {
      // The page changed under us: stay quiet, the next mutation tries again.
    }
  };
  const mo = new MutationObserver(run);
  mo.observe(root, { childList: true, subtree: true });
  const stop = () => mo.disconnect();
  signal?.addEventListener('abort', stop, { once: true });
  run();
  return stop;
}

/**
 * Call `cb(el)` once for each element matching `selector` as it appears under `root`; the cleanup
 * `cb` returns runs when that element leaves the DOM. Built on `watch`, so no polling.
 */
export function observe<E extends Element = Element>(
  selector: string,
  cb: (el: E) => (() => void) | undefined,
  opts: { root?: Document | Element; signal?: AbortSignal } = {},
): () => void {
  const root = opts.root ?? document;
  const live = new Map<E, (() => void) | undefined>();
  const check = () => {
    for (const [el, undo] of live) {
      if (!el.isConnected) {
        live.delete(el);
        undo?.();
      }
    }
    for (const el of root.querySelectorAll<E>(selector)) {
      if (!live.has(el)) live.set(el, cb(el));
    }
  };
  const stop = watch(check, root, opts.signal);
  return () => {
    stop();
    for (const undo of live.values()) undo?.();
    live.clear();
  };
}

/** An element's visible text (line breaks between blocks when laid out), whitespace tidied. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  // innerText keeps the line breaks between blocks (name / "Organizer"); read only on click.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered line breaks are the point
  const raw = (el as HTMLElement).innerText ?? el.textContent ?? '';
  return raw
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

/** The first element under `root` matching any of the selectors, tried in order. */
export function first<E extends Element = HTMLElement>(root: ParentNode, ...selectors: string[]): E | null {
  for (const s of selectors) {
    const el = root.querySelector<E>(s);
    if (el) return el;
  }
  return null;
}

/** Whether the browser (or page) language is Chinese. */
export function isZh(): boolean {
  return /^zh\b/i.test(navigator.language || document.documentElement.lang || '');
}
