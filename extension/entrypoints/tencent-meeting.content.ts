import { MATCHES } from '../adapters/hosts';
import { runLauncher } from '../adapters/meeting';
import { tencentMeeting } from '../adapters/sites/meetings';

/** Tencent Meeting / VooV web: the launcher, and call start/end (inferred markup). */
export default defineContentScript({
  matches: [...MATCHES.tencentMeeting],
  main(ctx) {
    runLauncher(tencentMeeting, ctx.signal);
  },
});
