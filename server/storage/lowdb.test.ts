/** The lowdb adapter on real files in temp directories: durability, damage, lock, compaction. */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { afterAll, describe, expect, it } from 'vitest';
import { FILES, type LowdbStore, openLowdbStore, StoreDamagedError, StoreLockedError } from './lowdb';
import type { StoredSession } from './types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKER = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'tandem-lowdb-'));
  dirs.push(d);
  return d;
}

function quiet() {
  const logs: string[] = [];
  return { logs, log: (m: string) => logs.push(m) };
}

function session(id: string, seq: number, extra: Partial<StoredSession> = {}): StoredSession {
  return {
    id,
    employeeId: 'e1',
    cycleId: 'c1',
    kind: 'review',
    status: 'planned',
    version: 1,
    updatedAt: '2025-01-01T00:00:00.000Z',
    seq,
    ownerId: 'm1',
    ...extra,
  } as StoredSession;
}

async function putSessions(store: LowdbStore, ids: string[]): Promise<void> {
  await Promise.all(
    ids.map((id) =>
      store.write(async (tx) => {
        await tx.put('sessions', session(id, await tx.nextSeq(), { notes: `notes of ${id}` }));
      }),
    ),
  );
}

async function sessionIds(store: LowdbStore): Promise<string[]> {
  return store.read(async (tx) => (await tx.find('sessions')).map((s) => s.id).sort());
}

const ids = (n: number, prefix = 's') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

/** A directory whose journal holds `n` sessions that no snapshot has (the process "crashed"). */
async function crashedDir(n: number): Promise<{ dir: string; storeId: string }> {
  const dir = tempDir();
  const store = await openLowdbStore(dir, quiet());
  await putSessions(store, ids(n));
  await store.abandon();
  return { dir, storeId: store.storeId };
}

async function expectDamaged(dir: string, message: RegExp): Promise<void> {
  const err = await openLowdbStore(dir, quiet()).then(
    async (s) => {
      await s.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreDamagedError);
  expect((err as Error).message).toMatch(/^Tandem cannot start: /);
  expect((err as Error).message).toMatch(message);
  // The failed start released the lock and changed nothing.
  expect(existsSync(path.join(dir, FILES.lock))).toBe(false);
}

describe('lowdb store: round trip', () => {
  it('creates a missing data dir and keeps everything across close and reopen', async () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const a = await openLowdbStore(dir, quiet());
    expect(a.kind).toBe('lowdb');
    expect(a.location).toBe(path.join(dir, 'tandem.json'));
    await putSessions(a, ids(30));
    await a.write(async (tx) => {
      await tx.put('users', {
        id: 'u1',
        name: 'Ann',
        email: 'ann@example.com',
        role: 'hr',
        createdAt: '2025-01-01T00:00:00.000Z',
        tokenHash: 'h',
      });
      await tx.remove('sessions', 's003');
      await tx.put('sessions', session('s004', await tx.nextSeq(), { deleted: true, version: 2 }));
    });
    const seq = await a.read((tx) => tx.currentSeq());
    await a.close();
    await expect(a.write(async () => 1)).rejects.toThrow(/closed/);
    expect(existsSync(path.join(dir, FILES.lock))).toBe(false);

    const b = await openLowdbStore(dir, quiet());
    expect(b.storeId).toBe(a.storeId);
    expect(await b.read((tx) => tx.currentSeq())).toBe(seq);
    expect(await sessionIds(b)).toEqual(ids(30).filter((id) => id !== 's003'));
    expect(await b.read((tx) => tx.get('sessions', 's004'))).toMatchObject({ deleted: true, version: 2 });
    expect(await b.read((tx) => tx.get('users', 'u1'))).toMatchObject({ name: 'Ann' });
    expect((await b.read((tx) => tx.changes('sessions', seq - 1))).map((s) => s.id)).toEqual(['s004']);
    // The next seq goes on from where it was.
    await b.write(async (tx) => {
      expect(await tx.nextSeq()).toBe(seq + 1);
    });
    await b.close();
  });

  it('writes a snapshot lowdb itself can read, one key per collection', async () => {
    const dir = tempDir();
    const s = await openLowdbStore(dir, quiet());
    await putSessions(s, ['a', 'b']);
    await s.close();
    const db = new Low<Record<string, unknown>>(new JSONFile(path.join(dir, 'tandem.json')), {});
    await db.read();
    expect(db.data).toMatchObject({ format: 'tandem/1', storeId: s.storeId, seq: 2, lsn: 2 });
    const collections = db.data.collections as Record<string, { id: string }[]>;
    expect(Object.keys(collections)).toContain('users');
    expect(collections.sessions!.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(typeof db.data.savedAt).toBe('string');
  });

  it('shares fsyncs between concurrent writers (group commit)', async () => {
    const dir = tempDir();
    const s = await openLowdbStore(dir, quiet());
    await putSessions(s, ids(200));
    const { journalSyncs, lsn } = s.stats();
    expect(lsn).toBe(200);
    expect(journalSyncs).toBeLessThan(200);
    await s.close();
  });
});

describe('lowdb store: start after a crash', () => {
  it('replays the journal when the process died without compacting', async () => {
    const { dir, storeId } = await crashedDir(40);
    const snapshot = JSON.parse(readFileSync(path.join(dir, 'tandem.json'), 'utf8'));
    expect(snapshot.lsn).toBe(0); // nothing but the journal has the writes
    const s = await openLowdbStore(dir, quiet());
    expect(s.storeId).toBe(storeId);
    expect(await sessionIds(s)).toEqual(ids(40));
    await s.close();
  });

  it('cuts a torn last line away, logs it, and goes on', async () => {
    const { dir } = await crashedDir(10);
    const journal = path.join(dir, FILES.journal);
    const good = statSync(journal).size;
    appendFileSync(journal, '{"n":11,"seq":11,"ops":[{"op":"put","c":"sessions","row":{"id":"tor');
    const { logs, log } = quiet();
    const s = await openLowdbStore(dir, { log });
    expect(logs.join('\n')).toMatch(/torn by a crash mid-write.*never acknowledged/);
    expect(statSync(journal).size).toBe(good);
    expect(await sessionIds(s)).toEqual(ids(10));
    await putSessions(s, ['after']);
    await s.abandon();
    const again = await openLowdbStore(dir, quiet());
    expect(await sessionIds(again)).toEqual(['after', ...ids(10)]);
    await again.close();
  });

  it('fails loudly on a corrupt line before the end of the journal', async () => {
    const { dir } = await crashedDir(5);
    const journal = path.join(dir, FILES.journal);
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('notes of', 'NOTES OF');
    writeFileSync(journal, lines.join('\n'));
    await expectDamaged(
      dir,
      /line 3 \(byte \d+\) is corrupt \(checksum mismatch\).*up to transaction 1\b.*truncate -s \d+/,
    );
  });

  it('fails loudly on a NUL-filled journal, and on NUL bytes in its tail', async () => {
    const { dir } = await crashedDir(5);
    const journal = path.join(dir, FILES.journal);
    const size = statSync(journal).size;
    appendFileSync(journal, Buffer.alloc(300));
    await expectDamaged(dir, /line 7 .*contains NUL bytes.*truncate -s \d+/);
    writeFileSync(journal, Buffer.alloc(size));
    await expectDamaged(dir, /tandem\.journal\.jsonl is filled with NUL bytes/);
  });

  it('fails loudly on an empty journal', async () => {
    const { dir } = await crashedDir(3);
    writeFileSync(path.join(dir, FILES.journal), '');
    await expectDamaged(dir, /tandem\.journal\.jsonl is empty/);
  });

  it('fails loudly when a journal file is missing (a gap in transactions)', async () => {
    const dir = tempDir();
    const s = await openLowdbStore(dir, quiet());
    await putSessions(s, ids(5, 'a'));
    await s.compact(); // seals 1-5 (kept: no .prev covers it yet)
    await putSessions(s, ids(5, 'b'));
    await s.compact(); // snapshot at 10, .prev at 5, seals 6-10
    await putSessions(s, ids(5, 'c'));
    await s.abandon();
    // The snapshot is damaged and the journal that linked .prev to the rest is gone.
    writeFileSync(path.join(dir, 'tandem.json'), '');
    for (const f of readdirSync(dir))
      if (/^tandem\.journal\.\d+\.jsonl$/.test(f)) unlinkSync(path.join(dir, f));
    await expectDamaged(
      dir,
      /tandem\.json is empty.*cannot be rebuilt.*covers transactions up to 5 but the journals start at 11/,
    );
  });

  it('starts from the journal alone when there is no snapshot', async () => {
    const { dir, storeId } = await crashedDir(12);
    unlinkSync(path.join(dir, 'tandem.json'));
    const s = await openLowdbStore(dir, quiet());
    expect(s.storeId).toBe(storeId);
    expect(await sessionIds(s)).toEqual(ids(12));
    await s.close();
    expect(JSON.parse(readFileSync(path.join(dir, 'tandem.json'), 'utf8')).lsn).toBe(12);
  });
});

describe('lowdb store: a damaged snapshot', () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    ['empty', (f) => writeFileSync(f, ''), /tandem\.json is empty \(0 bytes\)/],
    [
      'truncated',
      (f) => truncateSync(f, Math.floor(statSync(f).size / 2)),
      /tandem\.json is not valid JSON, probably truncated/,
    ],
    [
      'NUL-filled',
      (f) => writeFileSync(f, Buffer.alloc(statSync(f).size)),
      /tandem\.json is filled with NUL bytes/,
    ],
    ['not a snapshot', (f) => writeFileSync(f, '{"sessions": []}'), /is not a Tandem snapshot/],
  ];

  for (const [name, damage, message] of cases) {
    it(`${name}: fails loudly when it cannot be rebuilt, never starting empty`, async () => {
      const dir = tempDir();
      const s = await openLowdbStore(dir, quiet());
      await putSessions(s, ids(8));
      await s.close(); // snapshot has everything; .prev is the empty first one, whose journal is kept
      for (const f of readdirSync(dir))
        if (/^tandem\.journal\.\d+\.jsonl$/.test(f)) unlinkSync(path.join(dir, f));
      damage(path.join(dir, 'tandem.json'));
      await expectDamaged(dir, message);
      await expectDamaged(dir, /Restore .*tandem\.json from a backup.*will not start an empty store/);
    });
  }

  it('is rebuilt from tandem.json.prev and the journals when they reach back to it', async () => {
    const dir = tempDir();
    const s = await openLowdbStore(dir, quiet());
    await putSessions(s, ids(8, 'a'));
    await s.compact();
    await putSessions(s, ids(8, 'b'));
    await s.close();
    writeFileSync(path.join(dir, 'tandem.json'), Buffer.alloc(4096));
    const { logs, log } = quiet();
    const again = await openLowdbStore(dir, { log });
    expect(logs.join('\n')).toMatch(
      /WARNING .*tandem\.json is filled with NUL bytes .*; rebuilding from .*tandem\.json\.prev \(transaction 8\)/,
    );
    expect(await sessionIds(again)).toEqual([...ids(8, 'a'), ...ids(8, 'b')]);
    expect(readdirSync(dir).some((f) => f.startsWith('tandem.json.damaged-'))).toBe(true);
    await again.close();
    const third = await openLowdbStore(dir, quiet());
    expect(await sessionIds(third)).toEqual([...ids(8, 'a'), ...ids(8, 'b')]);
    await third.close();
  });
});

describe('lowdb store: compaction', () => {
  it('preserves everything, rotates the journal and drops journals that .prev covers', async () => {
    const dir = tempDir();
    const s = await openLowdbStore(dir, quiet());
    await putSessions(s, ids(20, 'a'));
    const before = s.stats().journalBytes;
    const r1 = await s.compact();
    expect(r1).toMatchObject({ compacted: true, lsn: 20 });
    expect(s.stats().journalBytes).toBeLessThan(before);
    expect(readdirSync(dir).sort()).toEqual(
      [
        'tandem.journal.000000000020.jsonl',
        'tandem.journal.jsonl',
        'tandem.json',
        'tandem.json.prev',
        'tandem.lock',
      ].sort(),
    );
    // Writes during a compaction are kept.
    const writing = (async () => {
      for (const id of ids(20, 'b')) await putSessions(s, [id]);
    })();
    while (s.stats().lsn < 22) await new Promise((r) => setImmediate(r));
    const r2 = await s.compact();
    await writing;
    expect(r2.compacted).toBe(true);
    expect(r2.lsn).toBeGreaterThan(21);
    await putSessions(s, ids(5, 'c'));
    const r3 = await s.compact();
    expect(r3.lsn).toBe(45);
    // .prev now covers at least transaction 20, so the first sealed journal is gone.
    expect(existsSync(path.join(dir, 'tandem.journal.000000000020.jsonl'))).toBe(false);
    expect(await s.compact()).toMatchObject({ compacted: false });
    await s.close();
    const again = await openLowdbStore(dir, quiet());
    expect(await sessionIds(again)).toEqual([...ids(20, 'a'), ...ids(20, 'b'), ...ids(5, 'c')]);
    expect(JSON.parse(readFileSync(path.join(dir, 'tandem.json'), 'utf8')).lsn).toBe(45);
    await again.close();
  });

  it('compacts by itself once the journal passes the threshold', async () => {
    const dir = tempDir();
    const s = await openLowdbStore(dir, { ...quiet(), compactAtBytes: 8 * 1024 });
    for (let i = 0; i < 10; i++) await putSessions(s, ids(10, `r${i}-`));
    await new Promise((r) => setTimeout(r, 50));
    expect(s.stats().snapshotLsn).toBeGreaterThan(0);
    expect(s.stats().journalBytes).toBeLessThan(40 * 1024);
    await s.abandon();
    const again = await openLowdbStore(dir, quiet());
    expect((await sessionIds(again)).length).toBe(100);
    await again.close();
  });
});

function startHolder(dir: string): Promise<{ child: ChildProcess; exited: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dir, '1'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) => child.on('close', () => r()));
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (c: string) => {
      out += c;
      if (out.includes('ready')) resolve({ child, exited });
    });
    child.on('error', reject);
    void exited.then(() => reject(new Error(`holder exited early: ${out}`)));
  });
}

describe('lowdb store: one process per data dir', () => {
  it('refuses a second opener in the same process', async () => {
    const dir = tempDir();
    const s = await openLowdbStore(dir, quiet());
    await expect(openLowdbStore(dir, quiet())).rejects.toThrow(StoreLockedError);
    await s.close();
    const again = await openLowdbStore(dir, quiet());
    await again.close();
  });

  it('refuses while another live process holds it, and takes it over once that process is dead', async () => {
    const dir = tempDir();
    const { child, exited } = await startHolder(dir);
    try {
      const err = await openLowdbStore(dir, quiet()).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(StoreLockedError);
      expect(err!.message).toContain(
        `another Tandem service (pid ${child.pid}) is using the data directory ${dir}`,
      );
      expect(err!.message).toMatch(/stop it or choose another TANDEM_DATA_DIR/);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const { logs, log } = quiet();
    const s = await openLowdbStore(dir, { log });
    expect(logs.join('\n')).toContain(`took over the stale lock of pid ${child.pid}`);
    expect((await sessionIds(s)).length).toBeGreaterThanOrEqual(0);
    await s.close();
  }, 20_000);

  it('takes over a lock left with this very pid (pid 1 in a container) or an unreadable one', async () => {
    const dir = tempDir();
    const lock = path.join(dir, FILES.lock);
    writeFileSync(lock, JSON.stringify({ pid: process.pid, hostname: os.hostname(), startedAt: 'x' }));
    const s = await openLowdbStore(dir, quiet());
    expect(JSON.parse(readFileSync(lock, 'utf8')).startedAt).not.toBe('x');
    await s.close();
    writeFileSync(lock, '');
    const t = await openLowdbStore(dir, quiet());
    await t.close();
  });
});
