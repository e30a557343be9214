/**
 * The HR dashboard (DESIGN §4 `GET /dashboard`):
 *
 * - `GET /dashboard` — signed out: the sign-in page; signed in as HR: the dashboard for
 *   `?cycleId=&groupBy=&minGroup=&lang=` (defaults: the last cycle that has ended, by department,
 *   5, the browser's language); a session whose user is no longer HR: 403 page.
 * - `POST /dashboard/session` — form `token=`: an HR token signs in (cookie, 303 to the
 *   dashboard); a manager's token gets a clear 403 page; an unknown one the form again (401).
 * - `POST /dashboard/sign-out` — deletes the session, clears the cookie, 303 to sign-in.
 * - `GET /dashboard/export.csv` — the metrics CSV of what is on screen, for the signed-in HR user.
 *
 * Pages carry a strict CSP (no script; the hashed sheet), `no-store`, and posts must come from
 * this origin (session.ts). Comments from the employee survey appear only here (collectComments).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { computeMetrics, DEFAULT_MIN_GROUP, metricsToCsv } from '../metrics';
import { readMetricsInput } from '../metrics/inputs';
import { userByToken } from '../middleware/auth';
import { bodyText } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { ApiError } from '../middleware/errors';
import { fileSafe, MIN_GROUP_FLOOR, metricsError, todayUtc } from '../routes/metrics';
import { type Lang, negotiateLang } from '../surveys/messages';
import { text } from './messages';
import { renderDashboard, renderMessage, renderSignIn } from './render';
import {
  clearSessionCookie,
  createSession,
  deleteSession,
  sameOrigin,
  sessionUser,
  setSessionCookie,
} from './session';
import { DASHBOARD_CSP } from './style';
import { buildDashboard, defaultCycle, sortedCycles } from './view';

const PageQuery = z.object({
  cycleId: z.string().trim().min(1).max(100).optional().catch(undefined),
  groupBy: z.enum(['department', 'manager', 'none']).catch('department'),
  minGroup: z.coerce.number().int().min(MIN_GROUP_FLOOR).max(1000).optional().catch(undefined),
});

function headers(c: Context<AppEnv>, lang: Lang): void {
  c.header('Content-Security-Policy', DASHBOARD_CSP);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Robots-Tag', 'noindex, nofollow');
  c.header('Vary', 'Accept-Language, Cookie');
  c.header('Content-Language', lang);
}

function page(c: Context<AppEnv>, status: ContentfulStatusCode, html: string, lang: Lang): Response {
  headers(c, lang);
  return c.html(html, status);
}

function formOf(c: Context<AppEnv>): URLSearchParams | null {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' ? new URLSearchParams(bodyText(c)) : null;
}

export function dashboardRouter(deps: Deps) {
  const { store, clock, config } = deps;
  const langOf = (c: Context<AppEnv>, given?: string | null) =>
    negotiateLang(c.req.header('accept-language'), given ?? c.req.query('lang'));

  return new Hono<AppEnv>()
    .get('/dashboard', async (c) => {
      const lang = langOf(c);
      const t = text[lang];
      const user = await sessionUser(store, c, clock());
      if (!user) return page(c, 200, renderSignIn(lang), lang);
      if (user.role !== 'hr')
        return page(c, 403, renderMessage(lang, t.forbiddenTitle, t.forbiddenBody), lang);

      const q = PageQuery.parse(c.req.query());
      const asOf = todayUtc(clock);
      const minGroup = q.minGroup ?? DEFAULT_MIN_GROUP;
      const { input, users } = await store.read(async (tx) => ({
        input: await readMetricsInput(tx),
        users: await tx.find('users'),
      }));
      const cycles = sortedCycles(input);
      let notice: string | undefined;
      let cycle = q.cycleId ? cycles.find((x) => x.id === q.cycleId) : undefined;
      if (q.cycleId && !cycle) notice = t.unknownCycle(q.cycleId);
      cycle ??= defaultCycle(cycles, asOf);
      if (!cycle) return page(c, 200, renderMessage(lang, t.title, t.noCycles), lang);
      const data = buildDashboard(input, { cycleId: cycle.id, groupBy: q.groupBy, asOf, minGroup });
      for (const u of users) if (!data.names.has(u.email)) data.names.set(u.email, u.name);
      const html = renderDashboard({
        lang,
        data,
        groupBy: q.groupBy,
        asOf,
        minGroup,
        minGroupGiven: q.minGroup !== undefined,
        userName: user.name,
        ...(notice ? { notice } : {}),
      });
      return page(c, 200, html, lang);
    })
    .get('/dashboard/export.csv', async (c) => {
      const user = await sessionUser(store, c, clock());
      if (!user) throw new ApiError(401, 'unauthorized', 'Sign in to the dashboard first.');
      if (user.role !== 'hr') throw new ApiError(403, 'forbidden', 'Only hr users may do this.');
      const q = PageQuery.parse(c.req.query());
      if (!q.cycleId)
        throw new ApiError(400, 'invalid_input', 'cycleId is required.', [
          { path: 'cycleId', message: 'required' },
        ]);
      const input = await store.read(readMetricsInput);
      let csv: string;
      try {
        csv = metricsToCsv(
          computeMetrics(input, {
            cycleId: q.cycleId,
            groupBy: q.groupBy,
            asOf: todayUtc(clock),
            minGroup: q.minGroup ?? DEFAULT_MIN_GROUP,
          }),
        );
      } catch (e) {
        metricsError(e);
      }
      c.header('Cache-Control', 'no-store');
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header(
        'Content-Disposition',
        `attachment; filename="tandem-metrics-${fileSafe(q.cycleId)}-${q.groupBy}.csv"`,
      );
      return c.body(csv);
    })
    .post('/dashboard/session', async (c) => {
      const form = formOf(c);
      const lang = langOf(c, form?.get('lang'));
      const t = text[lang];
      if (!sameOrigin(c, config.publicUrl)) {
        return page(c, 403, renderMessage(lang, t.crossSiteTitle, t.crossSiteBody), lang);
      }
      const token = form?.get('token')?.trim() ?? '';
      const user = token && token.length <= 512 ? await userByToken(store, token) : undefined;
      if (!user) return page(c, 401, renderSignIn(lang, { error: t.badToken }), lang);
      if (user.role !== 'hr')
        return page(c, 403, renderMessage(lang, t.forbiddenTitle, t.forbiddenBody), lang);
      const id = await createSession(store, user, clock());
      setSessionCookie(c, id, config.publicUrl);
      headers(c, lang);
      return c.redirect(`/dashboard?lang=${lang}`, 303);
    })
    .post('/dashboard/sign-out', async (c) => {
      const form = formOf(c);
      const lang = langOf(c, form?.get('lang'));
      const t = text[lang];
      if (!sameOrigin(c, config.publicUrl)) {
        return page(c, 403, renderMessage(lang, t.crossSiteTitle, t.crossSiteBody), lang);
      }
      await deleteSession(store, c);
      clearSessionCookie(c, config.publicUrl);
      headers(c, lang);
      return c.redirect(`/dashboard?lang=${lang}`, 303);
    });
}
