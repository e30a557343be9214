import { runCalendar } from '../adapters/calendar';
import { MATCHES } from '../adapters/hosts';
import { outlook } from '../adapters/sites/outlook';

/** Outlook on the web: "Prepare with Tandem" beside the open event (peek or full view). */
export default defineContentScript({
  matches: [...MATCHES.outlook],
  main(ctx) {
    runCalendar(outlook, ctx.signal);
  },
});
