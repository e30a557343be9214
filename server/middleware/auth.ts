/**
 * Bearer authentication. `identify` resolves the caller (if any) for every request so that the
 * rate limit can key on the token; `requireUser` / `requireRole` enforce it per route.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role, User } from '../../shared/schemas';
import { hashToken, parseBearer, tokenMatches } from '../auth/tokens';
import type { Store, StoredUser } from '../storage/types';
import type { AppEnv } from './env';
import { ApiError } from './errors';

/** The user a token belongs to: looked up by hash, then compared in constant time. */
export async function userByToken(store: Store, token: string): Promise<StoredUser | undefined> {
  const candidates = await store.read((tx) => tx.find('users', { tokenHash: hashToken(token) }));
  return candidates.find((u) => tokenMatches(token, u.tokenHash));
}

export function identify(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const token = parseBearer(header);
      if (token) {
        const user = await userByToken(store, token);
        if (user) {
          c.set('user', user);
          c.set('tokenHash', user.tokenHash);
        }
      }
      if (!c.get('user')) c.set('badToken', true);
    }
    await next();
  };
}

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="tandem"' };

/** The authenticated caller; throws 401 when there is none. */
export function currentUser(c: Context<AppEnv>): StoredUser {
  const user = c.get('user');
  if (user) return user;
  if (c.get('badToken')) {
    throw new ApiError(401, 'invalid_token', 'The bearer token is malformed or unknown.', undefined, {
      ...CHALLENGE,
      'WWW-Authenticate': 'Bearer realm="tandem", error="invalid_token"',
    });
  }
  throw new ApiError(
    401,
    'unauthorized',
    'Sign in with "Authorization: Bearer <token>".',
    undefined,
    CHALLENGE,
  );
}

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  currentUser(c);
  await next();
};

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = currentUser(c);
    if (!roles.includes(user.role)) {
      throw new ApiError(403, 'forbidden', `Only ${roles.join(' or ')} users may do this.`);
    }
    await next();
  };
}

/** A user as shown to people: never the token hash. */
export function publicUser(u: StoredUser): User {
  const { tokenHash: _hash, ...user } = u;
  return user;
}
