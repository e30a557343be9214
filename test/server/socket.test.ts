// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** Over a real socket: body limits (Content-Length and chunked), rate limits, CORS, a sync round trip. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { session, world } from './helpers';

type Served = { url: string; port: number; close: () => Promise<void> };

const servers: Served[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function listen(w: Awaited<ReturnType<typeof world>>): Promise<Served> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: w.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const served = {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        (server as http.Server).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
  servers.push(served);
  return served;
}

/** A raw chunked upload that never says how long it is; resolves with the response status and body. */
function chunkedPost(port: number, path: string, token: string, chunks: number, chunkSize: number) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
        res.on('error', reject);
      },
    );
    // Once the server has answered, it may close while we are still writing (EPIPE): expected.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    let i = 0;
    const piece = Buffer.alloc(chunkSize, 0x20); // whitespace: still "JSON" if it were ever parsed
    const pump = () => {
      while (i < chunks) {
        i++;
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    req.write('{"push":{}}');
    pump();
  });
}

describe('over a real socket', () => {
  it('refuses an oversized body declared by Content-Length with 413', async () => {
    const w = await world({ bodyLimitBytes: 4096 });
    const s = await listen(w);
    const before = w.snapshot();
    const body = JSON.stringify({
      push: { sessions: [{ ...session('a1', { notes: 'x'.repeat(10_000) }), baseVersion: 0 }] },
    });
    const r = await fetch(`${s.url}/api/v1/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.A.token}`, 'content-type': 'application/json' },
      body,
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as any).error.code).toBe('payload_too_large');
    expect(w.snapshot()).toBe(before);
  });

  it('refuses an oversized chunked body without Content-Length with 413', async () => {
    const w = await world({ bodyLimitBytes: 4096 });
    const s = await listen(w);
    const before = w.snapshot();
    const r = await chunkedPost(s.port, '/api/v1/sync', w.A.token, 64, 1024);
    expect(r.status).toBe(413);
    // A much larger upload is cut off early too.
    const huge = await chunkedPost(s.port, '/api/v1/sync', w.A.token, 8 * 1024, 1024);
    expect(huge.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('payload_too_large');
    expect(w.snapshot()).toBe(before);
    // A chunked body under the limit goes through.
    const ok = await chunkedPost(s.port, '/api/v1/sync', w.A.token, 2, 1024);
    expect(ok.status).toBe(200);
    // And the server is still healthy.
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });

  it('a burst past the rate limit is 429 with Retry-After; X-Forwarded-For does not get around it', async () => {
    const w = await world({ rateLimitPerMinute: 5 });
    const s = await listen(w);
    const get = (headers: Record<string, string>) => fetch(`${s.url}/api/v1/me`, { headers });
    const auth = { authorization: `Bearer ${w.A.token}` };
    for (let i = 0; i < 5; i++)
      expect((await get({ ...auth, 'x-forwarded-for': `10.0.0.${i}` })).status).toBe(200);
    const limited = await get({ ...auth, 'x-forwarded-for': '10.9.9.9' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as any).error.code).toBe('rate_limited');
    // Another token has its own budget.
    expect((await get({ authorization: `Bearer ${w.B.token}` })).status).toBe(200);
    // Anonymous callers are limited by socket address, whatever they claim.
    for (let i = 0; i < 5; i++)
      expect((await fetch(`${s.url}/health`, { headers: { 'x-forwarded-for': `1.1.1.${i}` } })).status).toBe(
        200,
      );
    expect((await fetch(`${s.url}/health`, { headers: { 'x-forwarded-for': '8.8.8.8' } })).status).toBe(429);
    // Guessing tokens counts against the address too.
    expect((await get({ authorization: 'Bearer tdm_guess' })).status).toBe(429);
  });

  it('CORS answers the extension and configured origins only; secure headers are set', async () => {
    const w = await world({ corsOrigins: ['https://hr.corp.example'] });
    const s = await listen(w);
    const pre = (origin: string) =>
      fetch(`${s.url}/api/v1/sync`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const ext = await pre('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(ext.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    const moz = await pre('moz-extension://0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    expect(moz.headers.get('access-control-allow-origin')).toBe(
      'moz-extension://0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    );
    expect((await pre('https://hr.corp.example')).headers.get('access-control-allow-origin')).toBe(
      'https://hr.corp.example',
    );
    expect((await pre('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const h = await fetch(`${s.url}/health`);
    expect(h.headers.get('x-content-type-options')).toBe('nosniff');
    expect(h.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('a sync round trip: push, pull from a second device with the cursor', async () => {
    const w = await world();
    const s = await listen(w);
    const post = async (body: unknown) => {
      const r = await fetch(`${s.url}/api/v1/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.A.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as any };
    };
    const first = await post({});
    expect(first.status).toBe(200);
    expect(first.body.pull.employees.map((e: any) => e.id)).toEqual(['a1', 'a2']);
    const rec = session('a1', { notes: '先肯定成绩' });
    const pushed = await post({
      cursor: first.body.cursor,
      clientId: 'laptop',
      pushId: 'p1',
      push: { sessions: [{ ...rec, baseVersion: 0 }] },
    });
    expect(pushed.body.results).toEqual([{ type: 'session', id: rec.id, status: 'applied', version: 1 }]);
    expect(pushed.body.pull.sessions).toEqual([
      expect.objectContaining({ id: rec.id, notes: '先肯定成绩', version: 1 }),
    ]);
    const other = await post({ cursor: first.body.cursor });
    expect(other.body.pull.sessions.map((x: any) => x.id)).toEqual([rec.id]);
    const quiet = await post({ cursor: other.body.cursor });
    expect(quiet.body.pull.sessions).toEqual([]);
    expect(quiet.body.cursor).toBe(other.body.cursor);
  });
});
