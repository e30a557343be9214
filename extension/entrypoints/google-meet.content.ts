import { MATCHES, MEET_EXCLUDE } from '../adapters/hosts';
import { runLauncher } from '../adapters/meeting';
import { googleMeet } from '../adapters/sites/meetings';

/** Google Meet: the launcher, and call start/end. */
export default defineContentScript({
  matches: [...MATCHES.googleMeet],
  excludeMatches: MEET_EXCLUDE,
  main(ctx) {
    runLauncher(googleMeet, ctx.signal);
  },
});
