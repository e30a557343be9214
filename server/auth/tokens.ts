/**
 * Bearer tokens: 32 random bytes (256 bits) as base64url with a `tdm_` prefix, shown once and
 * stored only as their SHA-256 hash (hex). Lookup is by hash; the stored hash is then compared
 * again in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'tdm_';

export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented token against a stored hash. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** RFC 6750 token68 characters; anything else in the header is malformed. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/** The token from `Authorization: Bearer <token>`, or null when the header is malformed. */
export function parseBearer(header: string): string | null {
  const m = /^Bearer +(\S+)\s*$/i.exec(header);
  if (!m?.[1] || m[1].length > 512 || !TOKEN68.test(m[1])) return null;
  return m[1];
}

/** Alias of `generateToken` (the name the sync benchmark uses). */
export const newToken = generateToken;
