/**
 * First-load entry of the Prepare wiring: after the first paint, load `wiring.ts` (invites, calls,
 * the launcher) as its own chunk, so the side panel's first load stays small.
 */
let loading: Promise<typeof import('./wiring')> | null = null;

export function loadWiring(): Promise<typeof import('./wiring')> {
  loading ??= import('./wiring');
  return loading;
}

export function startPrepareWiring(): void {
  setTimeout(() => {
    loadWiring()
      .then((m) => m.start())
      .catch((e: unknown) => console.error('Tandem: could not start the invite and call wiring', e));
  }, 0);
}
