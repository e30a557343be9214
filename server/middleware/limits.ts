/**
 * Request limits: body size (counted over the stream, so chunked bodies without Content-Length
 * are held to it too), per-token rate limit, CORS for the extension, secure headers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { AppConfig } from '../config';
import type { AppEnv } from './env';
import { ApiError } from './errors';

function tooLarge(limit: number): ApiError {
  // The rest of the body is never read, so the connection cannot be reused for another request.
  return new ApiError(
    413,
    'payload_too_large',
    `The request body is larger than ${limit} bytes.`,
    { limitBytes: limit },
    { Connection: 'close' },
  );
}

/**
 * Reads the whole body with a byte counter and refuses it (413) as soon as it passes `limit`,
 * whatever Content-Length claimed. The bytes are kept on `c.var.rawBody` and put back on the
 * request so that later `c.req.json()` / `c.req.parseBody()` work as usual.
 */
export function bodyLimit(limit: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    const declared = c.req.header('content-length');
    if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
    if (!raw.body) return next();
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Not cancelled: cancelling destroys the socket before the 413 is written. The node
        // adapter drains (bounded) or closes the connection once the answer is sent.
        reader.releaseLock();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.set('rawBody', body);
    c.req.raw = new Request(raw, { body, duplex: 'half' } as RequestInit);
    await next();
  };
}

type Window = { start: number; count: number };

/**
 * Fixed one-minute windows per key. `hit(key)` counts one request and answers null when it is
 * allowed, or the seconds to wait (for `Retry-After`) when the key is over `perMinute`.
 * `perMinute` 0 turns it off. Memory stays bounded: expired windows are swept past 10 000 keys.
 */
export function fixedWindowLimiter(perMinute: number, clock: () => Date): (key: string) => number | null {
  const windows = new Map<string, Window>();
  const WINDOW_MS = 60_000;
  return (key) => {
    if (perMinute <= 0) return null;
    const now = clock().getTime();
    let w = windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      if (windows.size > 10_000) {
        for (const [k, v] of windows) if (now - v.start >= WINDOW_MS) windows.delete(k);
      }
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count <= perMinute) return null;
    return Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
  };
}

/** The 429 answer for a limit of `perMinute`, with `Retry-After`. */
export function rateLimited(perMinute: number, retryAfter: number): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    `Too many requests: at most ${perMinute} a minute. Retry in ${retryAfter} s.`,
    { retryAfterSeconds: retryAfter },
    { 'Retry-After': String(retryAfter) },
  );
}

/** The socket's remote address (never X-Forwarded-For, which anyone can write); none in-process. */
export function remoteAddress(c: Context<AppEnv>): string | undefined {
  return c.env?.incoming?.socket?.remoteAddress;
}

/**
 * Fixed one-minute windows per caller: keyed on the token hash for authenticated requests and
 * on the socket's remote address otherwise (never on X-Forwarded-For, which anyone can write).
 * Requests with neither (in-process `app.request`) are not limited. `perMinute` 0 turns it off.
 */
export function rateLimit(perMinute: number, clock: () => Date): MiddlewareHandler<AppEnv> {
  const hit = fixedWindowLimiter(perMinute, clock);
  return async (c, next) => {
    if (perMinute <= 0) return next();
    const hash = c.get('tokenHash');
    const address = remoteAddress(c);
    const key = hash ? `token:${hash}` : address ? `addr:${address}` : undefined;
    if (!key) return next();
    const retryAfter = hit(key);
    if (retryAfter !== null) throw rateLimited(perMinute, retryAfter);
    await next();
  };
}

const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-z]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

/** CORS only for the extension's own pages and the configured origins. */
export function extensionCors(config: AppConfig): MiddlewareHandler<AppEnv> {
  const allowed = new Set(config.corsOrigins);
  return cors({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) || allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
    // If-None-Match: the content pack is fetched conditionally (GET /api/v1/guide → 304).
    allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'],
    exposeHeaders: ['ETag', 'Retry-After'],
    maxAge: 600,
  });
}

export const securityHeaders = (): MiddlewareHandler<AppEnv> =>
  secureHeaders({ crossOriginResourcePolicy: 'same-origin', referrerPolicy: 'no-referrer' });
