import { Hono } from 'hono';
import type { AppEnv, Deps } from '../middleware/env';

export function healthRouter({ store, config }: Deps) {
  return new Hono<AppEnv>().get('/health', (c) =>
    c.json({ ok: true, storage: store.kind, version: config.version }),
  );
}
