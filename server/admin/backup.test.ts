/**
 * `npm run admin -- backup` of a lowdb store while the service runs and writes: the backup is
 * taken by a separate process that does not hold the lock (the service does), loads as a store,
 * and contains every write acknowledged before the backup started. And the lock-free reader it
 * is built on stays consistent while compactions rotate journals and replace snapshots under it.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { call, startService, stopAll } from '../../test/service-process';
import { openLowdbStore, readLowdbDir } from '../storage/lowdb';
import { runAdmin } from './cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const dirs: string[] = [];

afterAll(() => {
  stopAll();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'tandem-backup-'));
  dirs.push(d);
  return d;
}

describe('admin backup of a running lowdb service', () => {
  it('is loadable and holds every write acknowledged before it started', async () => {
    const dir = tempDir();
    const hr = randomBytes(24).toString('base64url');
    const svc = await startService({ TANDEM_DATA_DIR: dir, TANDEM_BOOTSTRAP_TOKEN: hr });
    const m = await call(svc.base, hr, 'POST', '/api/v1/users', {
      name: 'B',
      email: 'b@corp.example',
      role: 'manager',
    });
    expect(m.status).toBe(201);
    const token: string = m.body.token;
    const team = Array.from({ length: 4 }, (_, i) => ({
      id: `e${i}`,
      name: `E${i}`,
      email: `e${i}@corp.example`,
      managerEmail: 'b@corp.example',
      status: 'active',
    }));
    expect((await call(svc.base, hr, 'PUT', '/api/v1/employees', team)).status).toBe(200);
    expect([200, 201]).toContain(
      (
        await call(svc.base, hr, 'PUT', '/api/v1/cycles/c1', {
          name: 'C',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
        })
      ).status,
    );

    const acked: string[] = [];
    let stop = false;
    const errors: string[] = [];
    const writers = Array.from({ length: 6 }, async (_, k) => {
      while (!stop) {
        const id = randomUUID();
        const r = await call(svc.base, token, 'POST', '/api/v1/sync', {
          push: {
            sessions: [
              {
                id,
                employeeId: `e${k % 4}`,
                cycleId: 'c1',
                kind: 'coaching',
                status: 'held',
                notes: 'n'.repeat(300),
                baseVersion: 0,
              },
            ],
          },
        });
        if (r.status !== 200 || r.body.results[0].status !== 'applied') errors.push(JSON.stringify(r.body));
        else acked.push(id);
      }
    });
    // Wait on a condition, not a fixed time: the backup must meet a store that is being written.
    for (const until = Date.now() + 30_000; acked.length < 20 && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 25));
    }

    // The backup runs as its own process while the writers go on.
    const ackedBefore = [...acked];
    const out = path.join(tempDir(), 'backup.json');
    const backup = await run(
      process.execPath,
      ['--import', 'tsx', 'server/admin/cli.ts', 'backup', '--out', out],
      {
        cwd: ROOT,
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL')),
          TANDEM_DATA_DIR: dir,
        },
      },
    );
    expect(backup.stderr).toMatch(/Backup of .* written to/);
    // `export` reads the same way: it works while the service holds the lock, too.
    const dumpFile = path.join(tempDir(), 'dump.json');
    const ex = await runAdmin(
      ['export', '--out', dumpFile],
      { ...process.env, DATABASE_URL: undefined, TANDEM_DATA_DIR: dir },
      {
        out: () => {},
        err: () => {},
      },
    );
    expect(ex).toBe(0);
    const exported = new Set(
      (
        JSON.parse(readFileSync(dumpFile, 'utf8')) as { collections: { sessions: { id: string }[] } }
      ).collections.sessions.map((s) => s.id),
    );
    expect(ackedBefore.filter((id) => !exported.has(id))).toEqual([]);
    stop = true;
    await Promise.all(writers);
    expect(errors).toEqual([]);
    expect(ackedBefore.length).toBeGreaterThan(10);
    expect(acked.length).toBeGreaterThan(ackedBefore.length); // writes went on during the backup
    expect(statSync(out).mode & 0o777).toBe(0o600);

    // The service is unharmed: it stops cleanly with everything.
    expect(await svc.stop()).toBe(0);

    // Restore: the backup as tandem.json of an empty data directory.
    const restored = tempDir();
    mkdirSync(restored, { recursive: true });
    copyFileSync(out, path.join(restored, 'tandem.json'));
    const store = await openLowdbStore(restored);
    try {
      const ids = await store.read(async (tx) => new Set((await tx.find('sessions')).map((s) => s.id)));
      expect(ackedBefore.filter((id) => !ids.has(id))).toEqual([]);
      expect(await store.read((tx) => tx.find('users'))).toHaveLength(2);
      // A restored store takes new writes.
      await store.write(async (tx) => tx.put('settings', { id: 'after-restore', value: 1 }));
    } finally {
      await store.close();
    }
  }, 60_000);

  it('reads consistently while compactions rotate the journal and replace the snapshot', async () => {
    const dir = tempDir();
    const store = await openLowdbStore(dir, { compactAtBytes: 4 * 1024, log: () => {} });
    const acked: number[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        await store.write(async (tx) => {
          await tx.put('settings', { id: `k${i}`, value: 'v'.repeat(200) });
          await tx.nextSeq();
        });
        acked.push(i);
        if (i % 4 === 3) await new Promise((r) => setTimeout(r, 1));
      }
    })();
    let retries = 0;
    let lastLsn = 0;
    let snapshotLsn = 0;
    try {
      for (let round = 0; round < 40; round++) {
        const before = acked.length;
        // Compactions every few writes here (4 KB): far more often than the service's 64 MB, so
        // a reading may have to start over many times.
        const reading = await readLowdbDir(dir, { attempts: 500 });
        retries += reading.retries;
        const have = reading.state.collections.settings;
        for (let i = 0; i < before; i++) expect(have.has(`k${i}`), `k${i} in reading ${round}`).toBe(true);
        // Nothing beyond a prefix of the committed writes, and seq matches the writes included.
        expect(reading.seq).toBe(have.size);
        expect(reading.lsn).toBeGreaterThanOrEqual(lastLsn);
        lastLsn = reading.lsn;
        await new Promise((r) => setTimeout(r, 5));
      }
      snapshotLsn = store.stats().snapshotLsn;
    } finally {
      stop = true;
      await writer;
      await store.close();
    }
    expect(snapshotLsn, 'compactions ran during the readings').toBeGreaterThan(0);
    // Not asserted (timing), but useful when reading the output.
    if (retries) console.info(`readLowdbDir read again ${retries}× because of compactions`);
  }, 60_000);
});
