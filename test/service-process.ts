/**
 * The real service as a child process (`node --import tsx server/main.ts`) on a random port, for
 * tests that need more than `app.request`: several instances on one database, a backup taken
 * while the service writes. `stopAll()` in an `afterAll` kills whatever is still running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type ServiceProcess = {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  base: string;
  exited: Promise<number | null>;
  output: () => string;
  /** SIGTERM, then waits for the exit code. */
  stop: () => Promise<number | null>;
};

const running = new Set<ChildProcess>();

export function startService(env: Record<string, string | undefined>): Promise<ServiceProcess> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      TANDEM_RATE_LIMIT: '0',
    };
    // The parent's storage settings must not leak into a child that was given others.
    for (const k of ['DATABASE_URL', 'TANDEM_PG_SCHEMA', 'TANDEM_DATA_DIR', 'TANDEM_BOOTSTRAP_TOKEN']) {
      delete childEnv[k];
    }
    for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let out = '';
    const exited = new Promise<number | null>((r) =>
      child.on('close', (code) => {
        running.delete(child);
        r(code);
      }),
    );
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        resolve({
          child,
          base: m[1]!,
          exited,
          output: () => out,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', reject);
    void exited.then((code) => reject(new Error(`service exited (${code}) before listening:\n${out}`)));
  });
}

export function stopAll(): void {
  for (const c of running) c.kill('SIGKILL');
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are untyped JSON in tests
export type Reply = { status: number; body: any };

/**
 * One JSON call with a bearer token through `send` (a real `fetch`, or an app's `app.request` in
 * process); the reply's body is parsed as JSON when it is JSON, else left as text.
 */
export async function jsonCall(
  send: (p: string, init: RequestInit) => Response | Promise<Response>,
  token: string,
  method: string,
  p: string,
  json?: unknown,
): Promise<Reply> {
  const res = await send(p, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body };
}

/** One JSON call with a bearer token to the service at `base`. */
export function call(base: string, token: string, method: string, p: string, json?: unknown): Promise<Reply> {
  return jsonCall((path, init) => fetch(`${base}${path}`, init), token, method, p, json);
}
