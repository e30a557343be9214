/**
 * What the REST routes for sessions and action items share: reading the base version
 * (`baseVersion` in the body or `If-Match`), and turning a sync outcome into an HTTP answer.
 */
import type { Context } from 'hono';
import type { SyncResult } from '../../shared/schemas';
import type { AppEnv } from '../middleware/env';
import { ApiError } from '../middleware/errors';

const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;

/** The version a write is based on: body `baseVersion`, else `If-Match`, else `fallback`. */
export function baseVersionOf(
  c: Context<AppEnv>,
  body: Record<string, unknown> | null,
  fallback: number | null,
): number | null {
  const header = c.req.header('if-match');
  let fromHeader: number | undefined;
  if (header !== undefined) {
    const m = IF_MATCH.exec(header.trim());
    if (!m) {
      throw new ApiError(400, 'invalid_input', 'If-Match must be a version number, like "3".', [
        { path: 'If-Match', message: 'expected a version number' },
      ]);
    }
    fromHeader = Number(m[1]);
  }
  const fromBody = body?.baseVersion;
  if (fromBody !== undefined && fromHeader !== undefined && fromBody !== fromHeader) {
    throw new ApiError(400, 'invalid_input', 'baseVersion and If-Match disagree.', [
      { path: 'baseVersion', message: `differs from If-Match (${fromHeader})` },
    ]);
  }
  // A body value of the wrong type is left for the record schema to report with its path.
  if (fromBody !== undefined) return fromBody as number;
  return fromHeader ?? fallback;
}

/** A JSON object body whose `id`, if present, is the path's id. */
export function recordBody(value: unknown, id: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(400, 'invalid_input', 'Expected a JSON object.', [
      { path: '(root)', message: 'expected an object' },
    ]);
  }
  const body = value as Record<string, unknown>;
  if (body.id !== undefined && body.id !== id) {
    throw new ApiError(400, 'invalid_input', 'The id in the body differs from the id in the path.', [
      { path: 'id', message: `must be "${id}" (as in the path) or omitted` },
    ]);
  }
  return { ...body, id };
}

/** Conflicts are 409 with the server's record; rejections are 403. */
export function throwUnlessApplied(result: SyncResult): void {
  if (result.status === 'conflict') {
    throw new ApiError(
      409,
      'version_conflict',
      result.server
        ? `The record changed on the server (now version ${result.version}); merge and retry with that baseVersion.`
        : 'The record was deleted on the server or never stored at this version.',
      { version: result.version, server: result.server ?? null },
    );
  }
  if (result.status === 'rejected') {
    throw new ApiError(
      403,
      result.error?.code ?? 'forbidden',
      result.error?.message ?? 'Not yours to change.',
    );
  }
}

export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, 'not_found', `No ${kind} ${id}.`);
}
