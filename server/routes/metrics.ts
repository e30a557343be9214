/**
 * `GET /api/v1/metrics` (DESIGN §4, §6): HR's metrics of one cycle as JSON, or as CSV with
 * `format=csv`. The query is validated whole (400 with a path per problem); `minGroup` may not go
 * below MIN_GROUP_FLOOR, whatever the engine would accept, so that no request can ask for figures
 * of two or three people. The inputs come from one consistent read (server/metrics/inputs.ts).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { DateOnly } from '../../shared/schemas';
import { computeMetrics, DEFAULT_MIN_GROUP, MetricsInputError, metricsToCsv } from '../metrics';
import { loadMetricsInput } from '../metrics/inputs';
import { requireRole } from '../middleware/auth';
import type { AppEnv, Deps } from '../middleware/env';
import { ApiError, invalidInput } from '../middleware/errors';

/** The smallest `minGroup` anyone may ask for. */
export const MIN_GROUP_FLOOR = 3;

export const MetricsQuery = z
  .object({
    cycleId: z.string().trim().min(1, 'required: the id of a cycle').max(100),
    groupBy: z.enum(['department', 'manager', 'none']).default('department'),
    asOf: DateOnly.optional(),
    minGroup: z
      .string()
      .regex(/^\d{1,4}$/, 'expected a whole number')
      .transform(Number)
      .pipe(
        z
          .number()
          .min(MIN_GROUP_FLOOR, `must be at least ${MIN_GROUP_FLOOR}: smaller groups could single people out`)
          .max(1000, 'at most 1000'),
      )
      .optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

export type MetricsQuery = z.infer<typeof MetricsQuery>;

/** Today's date in UTC from the injected clock. */
export const todayUtc = (clock: () => Date) => clock().toISOString().slice(0, 10);

/** Maps the engine's refusals onto the service's errors. */
export function metricsError(e: unknown): never {
  if (e instanceof MetricsInputError) {
    if (e.code === 'unknown_cycle') throw new ApiError(404, 'not_found', e.message, e.details);
    throw new ApiError(400, 'invalid_input', e.message, e.details);
  }
  throw e;
}

/** A file name part from a cycle id or grouping: letters, digits, `.`, `_` and `-` only. */
export const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'cycle';

export function metricsRouter({ store, clock }: Deps) {
  return new Hono<AppEnv>().get('/metrics', requireRole('hr'), async (c) => {
    const parsed = MetricsQuery.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput(parsed.error);
    const q = parsed.data;
    const input = await loadMetricsInput(store);
    let response: ReturnType<typeof computeMetrics>;
    try {
      response = computeMetrics(input, {
        cycleId: q.cycleId,
        groupBy: q.groupBy,
        asOf: q.asOf ?? todayUtc(clock),
        minGroup: q.minGroup ?? DEFAULT_MIN_GROUP,
      });
    } catch (e) {
      metricsError(e);
    }
    c.header('Cache-Control', 'no-store');
    if (q.format === 'json') return c.json(response);
    const name = `tandem-metrics-${fileSafe(response.cycle.id)}-${q.groupBy}.csv`;
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    return c.body(metricsToCsv(response));
  });
}
