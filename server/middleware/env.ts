/** The Hono environment every router of the service shares. */
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config';
import type { Store, StoredUser } from '../storage/types';

export type Deps = { store: Store; clock: () => Date; config: AppConfig };

export type AppEnv = {
  /** Set by `@hono/node-server`; absent under `app.request(...)`. */
  Bindings: { incoming?: IncomingMessage } | undefined;
  Variables: {
    /** The caller, when the request carried a valid bearer token. */
    user?: StoredUser;
    /** SHA-256 (hex) of the caller's valid token; what the rate limit keys on. */
    tokenHash?: string;
    /** Whether an Authorization header was present but did not name a user. */
    badToken?: boolean;
    /** The request body as read (and counted) by the body limit. */
    rawBody?: Uint8Array;
  };
};
