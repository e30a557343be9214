/**
 * The employee one-pager from the service (issue 9): `GET /api/v1/employees/:id/summary?asOf=`,
 * fetched by the background (the only context holding the token) for the side panel's Prepare tab.
 * The answer is checked for shape before it goes to the panel; anything else becomes a `problem`
 * and the panel falls back to the one-pager it computes from local data.
 */
import { z } from 'zod';
import type { SummaryResult } from '../messages';
import { readConnection } from '../store/storage';
import { ApiFailure, apiCall, type Fetch } from './api';
import type { SecretStore } from './secrets';
import { TOKEN } from './sync';

const Num = z.number().finite();
const Rate = Num.nullable();
const TalkRef = z.object({
  sessionId: z.string(),
  cycleId: z.string(),
  kind: z.enum(['plan', 'coaching', 'review']),
  status: z.string(),
  at: z.string().nullable(),
});

/** What the panel reads of the service's summary (extra fields pass through). */
export const SummarySchema = z.looseObject({
  employee: z.looseObject({ id: z.string(), name: z.string() }),
  asOf: z.string(),
  ratings: z.array(
    z.looseObject({ cycleId: z.string(), cycleName: z.string().nullable(), rating: Num, change: Rate }),
  ),
  talks: z.array(
    TalkRef.extend({
      durationMinutes: Rate,
      mainGoal: z.string().nullable(),
      consensus: z.string().nullable(),
      appealed: z.boolean(),
      keyPoints: z.array(z.string()),
      keyPointsFrom: z.string().nullable(),
      actionItems: z.object({ total: Num, open: Num, done: Num, dropped: Num }),
    }).loose(),
  ),
  actionItems: z.looseObject({
    total: Num,
    due: Num,
    done: Num,
    overdue: Num,
    completionRate: Rate,
    onTimeRate: Rate,
  }),
  supportCommitments: z.looseObject({ due: Num, done: Num, rate: Rate }),
  openSupport: z.array(
    z.looseObject({
      id: z.string(),
      sessionId: z.string(),
      title: z.string(),
      dueOn: z.string().nullable(),
      overdue: z.boolean(),
      from: TalkRef,
    }),
  ),
});

export async function fetchSummary(
  fetchFn: Fetch,
  secrets: SecretStore,
  employeeId: string,
  asOf: string | undefined,
): Promise<SummaryResult> {
  const conn = await readConnection();
  const token = await secrets.get(TOKEN);
  if (!conn || !token) return { ok: false, problem: 'solo' };
  const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  try {
    const body = await apiCall<{ summary?: unknown }>(
      fetchFn,
      conn.url,
      `/api/v1/employees/${encodeURIComponent(employeeId)}/summary${query}`,
      { token },
    );
    const parsed = SummarySchema.safeParse(body?.summary);
    if (!parsed.success || parsed.data.employee.id !== employeeId) return { ok: false, problem: 'invalid' };
    return { ok: true, summary: parsed.data as never, fetchedAt: new Date().toISOString() };
  } catch (e) {
    if (!(e instanceof ApiFailure)) return { ok: false, problem: 'error' };
    if (e.kind === 'network') return { ok: false, problem: 'offline' };
    if (e.status === 404) return { ok: false, problem: 'not-found', status: 404 };
    if (e.status === 401 || e.status === 403) return { ok: false, problem: 'unauthorized', status: e.status };
    return { ok: false, problem: 'error', status: e.status };
  }
}
