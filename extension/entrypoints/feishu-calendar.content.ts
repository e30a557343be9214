import { runCalendar } from '../adapters/calendar';
import { MATCHES } from '../adapters/hosts';
import { feishuCalendar } from '../adapters/sites/feishu-calendar';

/** Feishu / Lark calendar: "Prepare with Tandem" beside the open event (inferred markup). */
export default defineContentScript({
  matches: [...MATCHES.feishuCalendar],
  main(ctx) {
    runCalendar(feishuCalendar, ctx.signal);
  },
});
