import { MATCHES } from '../adapters/hosts';
import { runLauncher } from '../adapters/meeting';
import { teams } from '../adapters/sites/meetings';

/** Microsoft Teams web: the launcher, and call start/end. */
export default defineContentScript({
  matches: [...MATCHES.teams],
  main(ctx) {
    runLauncher(teams, ctx.signal);
  },
});
