/**
 * One error type for the whole service and the handler that turns anything thrown into
 * `{"error": {"code", "message", "details"?}}`. Stacks and internal messages never leave the
 * process.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { toFieldErrors } from '../../shared/schemas';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** Zod issues as `[{path, message}]`, with an optional prefix (`push.sessions.0`). */
export function invalidInput(error: ZodError, prefix: PropertyKey[] = []): ApiError {
  const details = toFieldErrors(error, prefix).map(({ path, message }) => ({ path, message }));
  return new ApiError(400, 'invalid_input', 'The request is not valid; see details.', details);
}

export function errorResponse(c: Context, err: ApiError): Response {
  const body: ErrorBody = { error: { code: err.code, message: err.message } };
  if (err.details !== undefined) body.error.details = err.details;
  for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
  return c.json(body, err.status);
}

const CODES: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export type Logger = (message: string, error: unknown) => void;

export function onError(log: Logger = (m, e) => console.error(m, e)): ErrorHandler {
  return (err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof ZodError) return errorResponse(c, invalidInput(err));
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const message = status >= 500 ? 'Internal server error.' : err.message || 'Request refused.';
      return errorResponse(c, new ApiError(status, CODES[status] ?? 'error', message));
    }
    log(`[tandem] ${c.req.method} ${c.req.path} failed:`, err);
    return errorResponse(c, new ApiError(500, 'internal', 'Internal server error.'));
  };
}

export const notFound: NotFoundHandler = (c) =>
  errorResponse(c, new ApiError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`));
