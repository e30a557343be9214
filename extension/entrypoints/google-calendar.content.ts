import { runCalendar } from '../adapters/calendar';
import { MATCHES } from '../adapters/hosts';
import { googleCalendar } from '../adapters/sites/google-calendar';

/** Google Calendar: "Prepare with Tandem" beside the open event. */
export default defineContentScript({
  matches: [...MATCHES.googleCalendar],
  main(ctx) {
    runCalendar(googleCalendar, ctx.signal);
  },
});
