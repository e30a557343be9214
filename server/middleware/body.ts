/** Reading request bodies by content type: 415 for the wrong type, 400 for bytes that do not parse. */
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';

export type BodyKind = 'json' | 'csv';

function mediaType(c: Context<AppEnv>): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function kindOf(type: string): BodyKind | undefined {
  if (type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type)) return 'json';
  if (type === 'text/csv') return 'csv';
  return undefined;
}

function bytes(c: Context<AppEnv>): Uint8Array {
  return c.get('rawBody') ?? new Uint8Array(0);
}

/** The body as UTF-8 text; other encodings (an Excel GBK export, say) are a clear 400. */
export function bodyText(c: Context<AppEnv>): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes(c));
  } catch {
    throw new ApiError(
      400,
      'invalid_encoding',
      'The body is not valid UTF-8; save the file as UTF-8 (CSV UTF-8).',
    );
  }
}

function parseJsonText(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.trim() === '')
    throw new ApiError(400, 'invalid_json', 'The body is empty; a JSON value was expected.');
  try {
    return JSON.parse(trimmed);
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message : 'unparsable';
    throw new ApiError(400, 'invalid_json', `The body is not valid JSON: ${detail}`);
  }
}

/** Which of the accepted kinds the request declares; 415 for anything else. */
export function bodyKind(c: Context<AppEnv>, accepted: BodyKind[]): BodyKind {
  const kind = kindOf(mediaType(c));
  if (!kind || !accepted.includes(kind)) {
    const names = accepted.map((k) => (k === 'json' ? 'application/json' : 'text/csv')).join(' or ');
    throw new ApiError(415, 'unsupported_media_type', `Send the body as ${names}.`);
  }
  return kind;
}

export function readJson(c: Context<AppEnv>): unknown {
  bodyKind(c, ['json']);
  return parseJsonText(bodyText(c));
}

export function readCsvOrJson(
  c: Context<AppEnv>,
): { kind: 'csv'; text: string } | { kind: 'json'; value: unknown } {
  const kind = bodyKind(c, ['csv', 'json']);
  const text = bodyText(c);
  return kind === 'csv' ? { kind, text } : { kind, value: parseJsonText(text) };
}
