// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/**
 * The real Tandem service for browser tests: `node --import tsx server/main.ts` on a free port with
 * its own data directory, stopped and started again on the same port and data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call as callService } from '../service-process';
import { ROOT } from './harness';

export interface Service {
  url: string;
  port: number;
  hrToken: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A JSON request with a bearer token; returns status and parsed body. */
  call(method: string, path: string, token: string, json?: unknown): Promise<{ status: number; body: any }>;
  createManager(name: string, email: string): Promise<string>;
  dispose(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

export async function startService(opts: { cycles?: boolean } = {}): Promise<Service> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-e2e-data-'));
  const hrToken = randomBytes(24).toString('base64url');
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const start = () =>
    new Promise<void>((ok, fail) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        TANDEM_DATA_DIR: dataDir,
        TANDEM_BOOTSTRAP_TOKEN: hrToken,
        TANDEM_RATE_LIMIT: '0',
      };
      delete env.NODE_ENV;
      const c = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      let out = '';
      const onData = (b: Buffer) => {
        out += b.toString();
        if (out.includes('listening on')) ok();
      };
      c.stdout!.on('data', onData);
      c.stderr!.on('data', (b: Buffer) => {
        out += b.toString();
      });
      c.once('exit', (code) => fail(new Error(`service exited (${code}) before listening:\n${out}`)));
    });

  const stop = () =>
    new Promise<void>((ok) => {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return ok();
      c.once('exit', () => ok());
      c.kill('SIGTERM');
    });

  const call = (method: string, path: string, token: string, json?: unknown) =>
    callService(url, token, method, path, json);

  await start();
  // HR's half-year cycles around today, named as the extension names a cycle it has not been told
  // about (`2026-H2`): sessions made in solo mode sync once connected, as they would in an org
  // that names its cycles so. A session naming a cycle the service lacks is refused (references.ts).
  const year = new Date().getUTCFullYear();
  for (const y of opts.cycles === false ? [] : [year - 1, year, year + 1]) {
    for (const [h, startsOn, endsOn] of [
      ['H1', '01-01', '06-30'],
      ['H2', '07-01', '12-31'],
    ] as const) {
      const body = { name: `${y} ${h}`, startsOn: `${y}-${startsOn}`, endsOn: `${y}-${endsOn}` };
      const r = await call('PUT', `/api/v1/cycles/${y}-${h}`, hrToken, body);
      if (r.status !== 201) throw new Error(`cycle ${y}-${h}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  }
  return {
    url,
    port,
    hrToken,
    start,
    stop,
    call,
    async createManager(name, email) {
      const r = await call('POST', '/api/v1/users', hrToken, { name, email, role: 'manager' });
      if (r.status !== 201) throw new Error(`createManager: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
    async dispose() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
