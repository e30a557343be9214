import { MATCHES } from '../adapters/hosts';
import { runLauncher } from '../adapters/meeting';
import { feishuMeeting } from '../adapters/sites/meetings';

/** Feishu / Lark meetings: the launcher, and call start/end (inferred markup). */
export default defineContentScript({
  matches: [...MATCHES.feishuMeeting],
  main(ctx) {
    runLauncher(feishuMeeting, ctx.signal);
  },
});
