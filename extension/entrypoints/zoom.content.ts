import { MATCHES } from '../adapters/hosts';
import { runLauncher } from '../adapters/meeting';
import { zoom } from '../adapters/sites/meetings';

/** Zoom web client (the meeting UI may be inside iframe#webclient): the launcher, and call start/end. */
export default defineContentScript({
  matches: [...MATCHES.zoom],
  main(ctx) {
    runLauncher(zoom, ctx.signal);
  },
});
