// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** The demo organisation seeded into a memory store, the app over it with a clock the test can move. */
import { createApp } from '../../server/app';
import { defaultAppConfig } from '../../server/config';
import { type SeedResult, seedDemo } from '../../server/demo/seed';
import { createMemoryStore } from '../../server/storage/memory';

const NOW = new Date('2026-11-25T09:00:00.000Z');

export async function demoWorld(overrides: Parameters<typeof defaultAppConfig>[0] = {}) {
  let now = NOW;
  const store = createMemoryStore();
  const seeded: SeedResult = await seedDemo(store, { today: NOW });
  const config = defaultAppConfig({ rateLimitPerMinute: 0, ...overrides });
  const app = createApp({ store, clock: () => now, config, log: () => {} });
  async function get(path: string, token?: string, headers: Record<string, string> = {}) {
    const res = await app.request(path, {
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    // ignoreBOM: keep the CSV's byte order mark, which Response.text() would drop.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, headers: res.headers, text, body };
  }
  return {
    store,
    seeded,
    app,
    config,
    get,
    setNow: (d: Date) => {
      now = d;
    },
  };
}
