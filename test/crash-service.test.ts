/**
 * The crash test against the real service (DESIGN §7 durability): `server/main.ts` runs on a
 * random port with a temp data dir; managers push sessions through `POST /api/v1/sync` from
 * several concurrent clients; the process is killed with SIGKILL at a random moment; after a
 * restart on the same directory, a sync pull must return every session whose push was answered
 * `applied`. Several rounds on the same directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from './service-process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = 6;
const CLIENTS = 8;

const dirs: string[] = [];
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Service = { child: ChildProcess; base: string; exited: Promise<void>; output: () => string };

function start(dir: string, token: string): Promise<Service> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        // This test is about the embedded store: never let an inherited DATABASE_URL switch it.
        DATABASE_URL: undefined,
        TANDEM_PG_SCHEMA: undefined,
        PORT: '0',
        HOST: '127.0.0.1',
        TANDEM_DATA_DIR: dir,
        TANDEM_BOOTSTRAP_TOKEN: token,
        TANDEM_RATE_LIMIT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let out = '';
    const exited = new Promise<void>((r) =>
      child.on('close', () => {
        children.delete(child);
        r();
      }),
    );
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve({ child, base: m[1]!, exited, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', reject);
    void exited.then(() => reject(new Error(`service exited before listening:\n${out}`)));
  });
}

describe('the service under kill -9', () => {
  it(`keeps every session whose push was acknowledged, over ${ROUNDS} crashes`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-crash-service-'));
    dirs.push(dir);
    const hr = randomBytes(24).toString('base64url');

    // First start: a manager with a team and a cycle.
    let svc = await start(dir, hr);
    const mgr = await call(svc.base, hr, 'POST', '/api/v1/users', {
      name: 'Crash Manager',
      email: 'crash@corp.example',
      role: 'manager',
    });
    expect(mgr.status, JSON.stringify(mgr.body)).toBe(201);
    const token: string = mgr.body.token;
    const team = Array.from({ length: CLIENTS }, (_, i) => ({
      id: `e${i}`,
      name: `Employee ${i}`,
      email: `e${i}@corp.example`,
      department: 'R&D',
      managerEmail: 'crash@corp.example',
      status: 'active',
    }));
    const roster = await call(svc.base, hr, 'PUT', '/api/v1/employees', team);
    expect(roster.status, JSON.stringify(roster.body)).toBe(200);
    const cycle = await call(svc.base, hr, 'PUT', '/api/v1/cycles/2026-h1', {
      name: 'H1',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    expect([200, 201]).toContain(cycle.status);

    const acked: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let stop = false;
      const errors: string[] = [];
      const clients = Array.from({ length: CLIENTS }, async (_, k) => {
        while (!stop) {
          const sessions = Array.from({ length: 1 + (k % 3) }, () => ({
            id: randomUUID(),
            employeeId: `e${k}`,
            cycleId: '2026-h1',
            kind: 'coaching',
            status: 'planned',
            notes: 'x'.repeat(500),
            baseVersion: 0,
          }));
          try {
            const r = await call(svc.base, token, 'POST', '/api/v1/sync', { push: { sessions } });
            if (r.status !== 200) {
              errors.push(`${r.status} ${JSON.stringify(r.body)}`);
              return;
            }
            for (const res of r.body.results) if (res.status === 'applied') acked.push(res.id);
          } catch {
            return; // the service died mid-request: that push was never acknowledged
          }
        }
      });
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 350));
      svc.child.kill('SIGKILL');
      await svc.exited;
      stop = true;
      await Promise.all(clients);
      expect(errors).toEqual([]);

      svc = await start(dir, hr);
      const pull = await call(svc.base, token, 'POST', '/api/v1/sync', {});
      expect(pull.status).toBe(200);
      const have = new Set((pull.body.pull.sessions as { id: string }[]).map((s) => s.id));
      const lost = acked.filter((id) => !have.has(id));
      expect(lost, `round ${round}: acknowledged sessions missing after restart`).toEqual([]);
      expect(svc.output()).not.toMatch(/shown only once/); // the HR user was not made again
    }
    expect(acked.length).toBeGreaterThan(ROUNDS);

    // A clean stop: SIGTERM closes the store (compacts) and exits 0.
    const code = new Promise<number | null>((r) => svc.child.once('exit', (c) => r(c)));
    svc.child.kill('SIGTERM');
    expect(await code).toBe(0);
    expect(svc.output()).toMatch(/every acknowledged write is saved/);
  }, 90_000);
});
