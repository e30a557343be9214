/**
 * Child process for the sync benchmark (sync.bench.ts). Modes:
 *   echo                      a bare Hono JSON echo (the baseline)
 *   lowdb <dataDir>           the real Tandem app on the lowdb store in dataDir
 *   postgres <url> <schema>   the real Tandem app on PostgreSQL (several may share one schema)
 * Prints one JSON line `{port, openMs, rss}` when ready (opening the store took `openMs`; `rss`
 * is the resident memory then); SIGTERM closes the store and exits.
 *
 * `seed()` fills a store before the servers start (the benchmark process calls it), so that
 * every variant measures the same data and two instances on one database share it.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app';
import { bootstrap } from '../../server/auth/bootstrap';
import { hashToken, newToken } from '../../server/auth/tokens';
import { defaultAppConfig } from '../../server/config';
import { openLowdbStore } from '../../server/storage/lowdb';
import { openPostgresStore } from '../../server/storage/postgres';
import type { Store } from '../../server/storage/types';

export type BenchClient = { token: string; employeeId: string };

/**
 * Managers with a team each, one cycle, `sessions` realistic sessions (~2 KB each) spread over
 * the managers, and `itemsPerSession` action items on each (the metrics budget's 3 : 1).
 */
export async function seed(
  store: Store,
  sessions: number,
  clients: number,
  itemsPerSession = 3,
): Promise<BenchClient[]> {
  await bootstrap(store, { clock: () => new Date() });
  const now = new Date().toISOString();
  const managers = Array.from({ length: clients }, (_, i) => ({
    id: randomUUID(),
    token: newToken(),
    email: `manager${i}@bench.test`,
  }));
  await store.write(async (tx) => {
    for (const m of managers) {
      await tx.put('users', {
        id: m.id,
        name: m.email,
        email: m.email,
        role: 'manager',
        createdAt: now,
        tokenHash: hashToken(m.token),
      });
      for (let e = 0; e < 10; e++) {
        await tx.put('employees', {
          id: `${m.email}-e${e}`,
          name: `Employee ${e}`,
          email: `e${e}.${m.email}`,
          managerEmail: m.email,
          status: 'active',
        });
      }
    }
    await tx.put('cycles', { id: 'bench', name: 'Bench', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  });
  // Written in batches like an import would; puts within a batch go out together (PostgreSQL
  // pipelines them on the transaction's connection).
  const filler = 'Notes from the conversation, what was agreed and why. '.repeat(30);
  for (let done = 0; done < sessions; ) {
    const batch = Math.min(500, sessions - done);
    await store.write(async (tx) => {
      await Promise.all(
        Array.from({ length: batch }, async (_, i) => {
          const m = managers[(done + i) % managers.length]!;
          const seq = await tx.nextSeq();
          const sessionId = randomUUID();
          for (let k = 0; k < itemsPerSession; k++) {
            await tx.put('actionItems', {
              id: randomUUID(),
              sessionId,
              title: `Follow-up ${k + 1}: draft the plan and share it before the next conversation`,
              owner: 'employee',
              status: 'open',
              version: 1,
              updatedAt: now,
              seq: await tx.nextSeq(),
              ownerId: m.id,
            });
          }
          await tx.put('sessions', {
            id: sessionId,
            employeeId: `${m.email}-e${(done + i) % 10}`,
            cycleId: 'bench',
            kind: 'review',
            status: 'recorded',
            mainGoal: 'Agree the rating and next half-year goals',
            notes: filler,
            version: 1,
            updatedAt: now,
            seq,
            ownerId: m.id,
          });
        }),
      );
    });
    done += batch;
  }
  return managers.map((m) => ({ token: m.token, employeeId: `${m.email}-e0` }));
}

async function main() {
  const [mode = 'echo', a = '', b = ''] = process.argv.slice(2);
  let fetch: (req: Request) => Response | Promise<Response>;
  let store: Store | undefined;
  let openMs = 0;
  if (mode === 'echo') {
    const app = new Hono();
    app.post('/echo', async (c) => c.json(await c.req.json()));
    fetch = app.fetch;
  } else {
    const t0 = performance.now();
    store = mode === 'postgres' ? await openPostgresStore(a, { schema: b }) : await openLowdbStore(a);
    openMs = performance.now() - t0;
    const app = createApp({
      store,
      clock: () => new Date(),
      config: defaultAppConfig({ rateLimitPerMinute: 0 }),
    });
    fetch = app.fetch;
  }
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    // How long opening the store took and the memory it holds, for the start-up figures.
    const rss = process.memoryUsage().rss;
    process.stdout.write(`${JSON.stringify({ port: info.port, openMs, rss })}\n`);
  });
  const stop = async () => {
    server.close();
    await store?.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
