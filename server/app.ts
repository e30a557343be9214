/**
 * The Hono application of DESIGN §4: shared middleware, then one small router per resource.
 * Storage, clock and configuration come in from outside so tests and the process entry
 * (`server/main.ts`) choose them.
 */
import { Hono } from 'hono';
import type { AppConfig } from './config';
import { dashboardRouter } from './dashboard/routes';
import { identify } from './middleware/auth';
import type { AppEnv, Deps } from './middleware/env';
import { type Logger, notFound, onError } from './middleware/errors';
import { bodyLimit, extensionCors, rateLimit, securityHeaders } from './middleware/limits';
import { actionItemsRouter } from './routes/action-items';
import { cyclesRouter } from './routes/cycles';
import { employeesRouter } from './routes/employees';
import { guideRouter } from './routes/guide';
import { healthRouter } from './routes/health';
import { metricsRouter } from './routes/metrics';
import { ratingsRouter } from './routes/ratings';
import { remindersRouter } from './routes/reminders';
import { sessionsRouter } from './routes/sessions';
import { summaryRouter } from './routes/summary';
import { usersRouter } from './routes/users';
import type { Store } from './storage/types';
import { SURVEY_BODY_LIMIT, surveyOutboxRouter, surveyPageRouter } from './surveys';
import { syncRouter } from './sync/route';

export type { AppEnv, Deps } from './middleware/env';

export type CreateAppOptions = { store: Store; clock: () => Date; config: AppConfig; log?: Logger };

export function createApp({ store, clock, config, log }: CreateAppOptions): Hono<AppEnv> {
  const deps: Deps = { store, clock, config };
  const app = new Hono<AppEnv>();
  app.onError(onError(log));
  app.notFound(notFound);

  app.use('*', securityHeaders());
  app.use('*', extensionCors(config));
  app.use('*', identify(store));
  app.use('*', rateLimit(config.rateLimitPerMinute, clock));
  // Survey answers are small: their own limit, read first, well under the service-wide one.
  app.use('/s/*', bodyLimit(Math.min(SURVEY_BODY_LIMIT, config.bodyLimitBytes)));
  app.use('*', bodyLimit(config.bodyLimitBytes));

  app.route('/', healthRouter(deps));
  app.route('/', surveyPageRouter(deps));
  app.route('/', dashboardRouter(deps));
  const api = new Hono<AppEnv>()
    .route('/', usersRouter(deps))
    .route('/', employeesRouter(deps))
    .route('/', cyclesRouter(deps))
    .route('/', guideRouter(deps))
    .route('/', ratingsRouter(deps))
    .route('/', sessionsRouter(deps))
    .route('/', actionItemsRouter(deps))
    .route('/', syncRouter(deps))
    .route('/', surveyOutboxRouter(deps))
    .route('/', metricsRouter(deps))
    .route('/', remindersRouter(deps))
    .route('/', summaryRouter(deps));
  app.route('/api/v1', api);
  return app;
}
