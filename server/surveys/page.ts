/**
 * The survey page (DESIGN §4): `GET /s/:token` shows the form, `POST /s/:token` stores the answer
 * once (form post or JSON).
 *
 * - Link hygiene: GET never changes anything (mail and chat scanners prefetch links); every answer
 *   is `Cache-Control: no-store`, `Referrer-Policy: no-referrer`, `X-Robots-Tag: noindex`, with a
 *   CSP that allows only the page's own hashed style sheet and posts to itself.
 * - Once only: the answer is one write transaction that re-reads the survey, marks it answered and
 *   inserts the response, so two racing posts store one answer and the other gets 410.
 * - Anonymity: the response holds the answers, the survey id, the session id and the kind; never
 *   the token, an address, a browser or a time. The survey's `answeredAt` is kept to the day, so
 *   it cannot be matched to a proxy's access log by the second.
 * - CSRF: a form post must carry the per-render token (links.ts) and must not come from another
 *   site (`Sec-Fetch-Site`, and `Origin` when the browser sends a real one: with no-referrer,
 *   browsers send `Origin: null` for a same-origin form post, so "null" alone proves nothing
 *   either way and the token decides). A JSON post needs `application/json`, which no other site
 *   can send without a CORS preflight that this service refuses.
 * - Abuse: a rate limit per address and per link (`TANDEM_SURVEY_RATE_LIMIT`,
 *   `TANDEM_SURVEY_LINK_RATE_LIMIT`; 0 turns one off, the service-wide `TANDEM_RATE_LIMIT=0` both),
 *   and a small body limit mounted in app.ts.
 */

import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { GuidePack } from '../../shared/content/schema';
import { EmployeeAnswer, ManagerAnswer, type SurveyResponse } from '../../shared/schemas';
import { hashToken, tokenMatches } from '../auth/tokens';
import { bodyText } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { ApiError, errorResponse, invalidInput } from '../middleware/errors';
import { fixedWindowLimiter, rateLimited, remoteAddress } from '../middleware/limits';
import { currentGuide } from '../routes/guide';
import type { StoredSession, StoredSurvey } from '../storage/types';
import { checkFormToken, formToken, LINK_TOKEN, readSurveyKeys, type SurveyKeys } from './links';
import { formatDay, kindPhrase, type Lang, negotiateLang, page } from './messages';
import { PAGE_CSP, questionsOf, renderForm, renderStatus } from './render';

/** Largest survey answer accepted (a 2 000-character comment in CJK, percent-encoded, fits). */
export const SURVEY_BODY_LIMIT = 64 * 1024;

/** Requests a minute, per link and per address, on `/s/*`. */

type State = 'open' | 'used' | 'expired' | 'closed';

type Found = {
  survey: StoredSurvey;
  session: StoredSession | undefined;
  keys: SurveyKeys;
  state: State;
  /** The survey wording of the content pack in use (the organisation's own, if HR set one). */
  texts: GuidePack['survey'];
};

function stateOf(survey: StoredSurvey, session: StoredSession | undefined, now: string): State {
  if (survey.answeredAt) return 'used';
  if (!session || session.deleted) return 'closed';
  if (survey.expiresAt <= now) return 'expired';
  return 'open';
}

/** The day an answer came in, without the time (see the module comment). */
function answeredDay(now: Date): string {
  return `${now.toISOString().slice(0, 10)}T00:00:00.000Z`;
}

function setPageHeaders(c: Context<AppEnv>, lang?: Lang): void {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex, nofollow');
  c.header('Content-Security-Policy', PAGE_CSP);
  c.header('Vary', 'Accept-Language');
  if (lang) c.header('Content-Language', lang);
}

function html(c: Context<AppEnv>, status: ContentfulStatusCode, body: string, lang: Lang): Response {
  setPageHeaders(c, lang);
  return c.html(body, status);
}

type Kind = 'form' | 'json' | 'other';

function bodyKind(c: Context<AppEnv>): Kind {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'application/json') return 'json';
  return 'other';
}

/** Whether the request comes from another site (by the headers browsers set and pages cannot). */
function crossSite(c: Context<AppEnv>, publicUrl: string): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return false;
  const own = new Set([new URL(c.req.url).origin]);
  try {
    own.add(new URL(publicUrl).origin);
  } catch {}
  return !own.has(origin);
}

function aboutLine(lang: Lang, session: StoredSession | undefined): string {
  const t = page[lang];
  const kind = kindPhrase(session?.kind ?? '', lang);
  const heldAt = session?.endedAt ?? session?.recordedAt;
  return heldAt ? t.about(kind, formatDay(heldAt, lang)) : t.aboutUndated(kind);
}

const SCALE_VALUE = /^\d{1,2}$/;

/** What a form post said: the answers when valid, else messages by field; always what was sent. */
type ParsedForm = {
  answers: SurveyResponse['answers'] | null;
  values: Record<string, string>;
  errors: Record<string, string>;
};

/** A form post's fields as the schema wants them; what was sent is kept to re-render it. */
function parseForm(kind: StoredSurvey['kind'], form: URLSearchParams, lang: Lang): ParsedForm {
  const t = page[lang];
  const values: Record<string, string> = {};
  const raw: Record<string, unknown> = {};
  for (const q of questionsOf(kind)) {
    const v = form.get(q.id);
    if (v === null) continue;
    values[q.id] = v;
    raw[q.id] = SCALE_VALUE.test(v) ? Number(v) : v;
  }
  const comment = (form.get('comment') ?? '').replace(/\r\n?/g, '\n');
  values.comment = comment;
  if (comment.trim() !== '') raw.comment = comment;
  const schema: z.ZodType = kind === 'employee' ? EmployeeAnswer : ManagerAnswer;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { answers: parsed.data as SurveyResponse['answers'], values, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (errors[field]) continue;
    errors[field] = field === 'comment' ? t.errorComment : field === 'nps' ? t.errorNps : t.errorLikert;
  }
  return { answers: null, values, errors };
}

function parseJson(kind: StoredSurvey['kind'], value: unknown): SurveyResponse['answers'] {
  const schema: z.ZodType = kind === 'employee' ? EmployeeAnswer : ManagerAnswer;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error);
  const answers = parsed.data as SurveyResponse['answers'] & { comment?: string };
  if (answers.comment === '') delete answers.comment;
  return answers;
}

function jsonBody(c: Context<AppEnv>): unknown {
  const text = bodyText(c).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/** The one-message pages, by what happened. */
type Notice = 'missing' | 'used' | 'expired' | 'closed' | 'forbidden' | 'rate' | 'unsupported' | 'thanks';

const NOTICE_STATUS: Record<Notice, ContentfulStatusCode> = {
  missing: 404,
  used: 410,
  expired: 410,
  closed: 410,
  forbidden: 403,
  rate: 429,
  unsupported: 415,
  thanks: 200,
};

function noticeView(lang: Lang, notice: Notice, extra: { expiresAt?: string; wait?: number; kind?: string }) {
  const t = page[lang];
  switch (notice) {
    case 'missing':
      return { tone: 'info', icon: 'info', title: t.notFoundTitle, body: t.notFoundBody } as const;
    case 'used':
      return { tone: 'ok', icon: 'check', title: t.usedTitle, body: t.usedBody } as const;
    case 'expired': {
      const body = t.expiredBody(formatDay(extra.expiresAt ?? '', lang, true));
      return { tone: 'warn', icon: 'clock', title: t.expiredTitle, body } as const;
    }
    case 'closed':
      return { tone: 'info', icon: 'info', title: t.closedTitle, body: t.closedBody } as const;
    case 'forbidden':
      return { tone: 'warn', icon: 'info', title: t.forbiddenTitle, body: t.forbiddenBody } as const;
    case 'rate':
      return { tone: 'warn', icon: 'clock', title: t.rateTitle, body: t.rateBody(extra.wait ?? 60) } as const;
    case 'unsupported':
      return { tone: 'warn', icon: 'info', title: t.unsupportedTitle, body: t.unsupportedBody } as const;
    case 'thanks': {
      const body = extra.kind === 'manager' ? t.thanksManager : t.thanksEmployee;
      return { tone: 'ok', icon: 'check', title: t.thanksTitle, body, soft: t.closeHint } as const;
    }
  }
}

function gone(state: Exclude<State, 'open'>): ApiError {
  const message = {
    used: 'This survey link has already been used.',
    expired: 'This survey link has expired.',
    closed: 'This survey is closed.',
  }[state];
  return new ApiError(410, `survey_${state}`, message);
}

export function surveyPageRouter({ store, clock, config }: Deps) {
  const on = config.rateLimitPerMinute > 0;
  const linkLimit = on ? config.surveyRateLimitPerLink : 0;
  const addressLimit = on ? config.surveyRateLimitPerAddress : 0;
  const perLink = fixedWindowLimiter(linkLimit, clock);
  const perAddress = fixedWindowLimiter(addressLimit, clock);

  /** 429 when this address or this link asked too often. */
  function limit(c: Context<AppEnv>, token: string): { err: ApiError; wait: number } | null {
    const address = remoteAddress(c);
    const byAddress = address === undefined ? null : perAddress(`addr:${address}`);
    if (byAddress !== null) return { err: rateLimited(addressLimit, byAddress), wait: byAddress };
    const byLink = perLink(`link:${hashToken(token)}`);
    if (byLink !== null) return { err: rateLimited(linkLimit, byLink), wait: byLink };
    return null;
  }

  async function find(token: string): Promise<Found | null> {
    if (!LINK_TOKEN.test(token)) return null;
    const hash = hashToken(token);
    const now = clock().toISOString();
    return store.read(async (tx) => {
      const matches = await tx.find('surveys', { tokenHash: hash });
      const survey = matches.find((s) => tokenMatches(token, s.tokenHash));
      if (!survey) return null;
      const keys = await readSurveyKeys(tx);
      if (!keys) return null;
      const session = await tx.get('sessions', survey.sessionId);
      const texts = (await currentGuide(tx)).survey;
      return { survey, session, keys, state: stateOf(survey, session, now), texts };
    });
  }

  /** A one-message page; the language switch only where `?lang=` can re-ask (pages shown by GET). */
  function show(
    c: Context<AppEnv>,
    lang: Lang,
    notice: Notice,
    opts: { viaGet?: boolean; expiresAt?: string; wait?: number; kind?: string } = {},
  ): Response {
    const view = noticeView(lang, notice, opts);
    return html(
      c,
      NOTICE_STATUS[notice],
      renderStatus({ lang, ...view, withSwitch: opts.viaGet ?? false }),
      lang,
    );
  }

  return new Hono<AppEnv>()
    .get('/s/:token', async (c) => {
      const token = c.req.param('token');
      const lang = negotiateLang(c.req.header('accept-language'), c.req.query('lang'));
      const limited = limit(c, token);
      if (limited) {
        c.header('Retry-After', String(limited.wait));
        return show(c, lang, 'rate', { wait: limited.wait });
      }
      const found = await find(token);
      if (!found) return show(c, lang, 'missing', { viaGet: true });
      if (found.state !== 'open') {
        return show(c, lang, found.state, { viaGet: true, expiresAt: found.survey.expiresAt });
      }
      const form = renderForm({
        lang,
        kind: found.survey.kind,
        about: aboutLine(lang, found.session),
        csrf: formToken(found.keys, found.survey.id, clock()),
        values: {},
        errors: {},
        texts: found.texts,
      });
      return html(c, 200, form, lang);
    })
    .post('/s/:token', async (c) => {
      const token = c.req.param('token');
      const kind = bodyKind(c);
      const json = kind === 'json';
      const form = kind === 'form' ? new URLSearchParams(bodyText(c)) : null;
      const lang = negotiateLang(c.req.header('accept-language'), form?.get('lang') ?? c.req.query('lang'));
      setPageHeaders(c);
      /** JSON posts get the service's JSON errors; form posts a page. */
      const refuse = (err: ApiError, page: () => Response) => (json ? errorResponse(c, err) : page());

      const limited = limit(c, token);
      if (limited) {
        c.header('Retry-After', String(limited.wait));
        return refuse(limited.err, () => show(c, lang, 'rate', { wait: limited.wait }));
      }
      if (kind === 'other') return show(c, lang, 'unsupported');
      if (crossSite(c, config.publicUrl)) {
        const err = new ApiError(403, 'cross_site', 'Survey answers are accepted only from the survey page.');
        return refuse(err, () => show(c, lang, 'forbidden'));
      }
      const found = await find(token);
      if (!found) {
        return refuse(new ApiError(404, 'not_found', 'No such survey link.'), () => show(c, lang, 'missing'));
      }
      const { survey, keys, state } = found;
      if (state !== 'open') {
        return refuse(gone(state), () => show(c, lang, state, { expiresAt: survey.expiresAt }));
      }
      const now = clock();

      let answers: SurveyResponse['answers'];
      if (json) {
        answers = parseJson(survey.kind, jsonBody(c));
      } else {
        const fields = form!;
        const check = checkFormToken(keys, survey.id, fields.get('csrf') ?? undefined, now);
        if (check === 'missing' || check === 'invalid') return show(c, lang, 'forbidden');
        const parsed = parseForm(survey.kind, fields, lang);
        const again = (status: ContentfulStatusCode, notice?: string) =>
          html(
            c,
            status,
            renderForm({
              lang,
              kind: survey.kind,
              about: aboutLine(lang, found.session),
              csrf: formToken(keys, survey.id, now),
              values: parsed.values,
              errors: parsed.errors,
              texts: found.texts,
              ...(notice ? { notice } : {}),
            }),
            lang,
          );
        // Our own token, but the page was open too long: keep what was typed, ask to send again.
        if (check === 'stale') return again(403, page[lang].staleForm);
        if (!parsed.answers) return again(400);
        answers = parsed.answers;
      }

      // Once only: re-read, mark answered and insert the response in one write transaction.
      const outcome = await store.write(async (tx): Promise<State> => {
        const current = await tx.get('surveys', survey.id);
        if (!current) return 'closed';
        const session = await tx.get('sessions', current.sessionId);
        const latest = stateOf(current, session, now.toISOString());
        if (latest !== 'open') return latest;
        await tx.put('surveys', { ...current, answeredAt: answeredDay(now) });
        const response = {
          id: randomUUID(),
          surveyId: current.id,
          sessionId: current.sessionId,
          kind: current.kind,
          answers,
        } as SurveyResponse;
        await tx.put('surveyResponses', response);
        return 'open';
      });
      if (outcome !== 'open') {
        return refuse(gone(outcome), () => show(c, lang, outcome, { expiresAt: survey.expiresAt }));
      }
      if (json) return c.json({ ok: true }, 201);
      return show(c, lang, 'thanks', { kind: survey.kind });
    });
}
