// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in this test
/**
 * The storage tools (`npm run admin`): export → import round trips between lowdb and PostgreSQL
 * give equal collections; a dump without secrets moves everything but credentials and gives
 * users new tokens; bad dumps are refused with every problem's path and nothing written; a
 * non-empty target is refused unless --force; a dump that fails while being written leaves
 * nothing behind.
 *
 * The data is made by the real app (HR routes, sync, surveys), so the dump is checked against
 * what the service actually stores. PostgreSQL parts follow test/pg.ts (skipped loudly without a
 * server, failing under TANDEM_REQUIRE_PG=1).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchema, PG_REQUIRED, pgAvailable, warnPgMissing } from '../../test/pg';
import { jsonCall } from '../../test/service-process';
import { createApp } from '../app';
import { bootstrap } from '../auth/bootstrap';
import { defaultAppConfig } from '../config';
import { openLowdbStore } from '../storage/lowdb';
import { openPostgresStore } from '../storage/postgres';
import { COLLECTIONS, type Store } from '../storage/types';
import { runAdmin } from './cli';
import type { Dump } from './dump';

const tmp: string[] = [];
const schemas: string[] = [];
const pgUrl = await pgAvailable();

afterAll(async () => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
  if (pgUrl) for (const s of schemas) await dropSchema(pgUrl, s).catch(() => {});
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'tandem-admin-'));
  tmp.push(d);
  return d;
}

// The talks end a day ago; the app runs 8 days later, when their surveys are due (and not yet
// expired by the real clock, which `import` uses to decide what goes back to the outbox).
const DAY = 24 * 60 * 60 * 1000;
const T0 = Math.floor(Date.now() / 1000) * 1000;
const at = (ms: number) => new Date(T0 + ms).toISOString();
const CLOCK = () => new Date(T0 + 8 * DAY);
const AS_OF = at(8 * DAY);
const config = defaultAppConfig({ rateLimitPerMinute: 0, publicUrl: 'http://tandem.test' });

async function admin(argv: string[], env: Record<string, string>) {
  let out = '';
  let err = '';
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'TANDEM_PG_SCHEMA', 'TANDEM_DATA_DIR']) delete base[k];
  const code = await runAdmin(argv, { ...base, ...env }, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function client(store: Store) {
  const app = createApp({ store, clock: CLOCK, config });
  return (token: string, method: string, p: string, json?: unknown) =>
    jsonCall((path, init) => app.request(path, init), token, method, p, json);
}

type Seeded = { hrToken: string; managerToken: string; managerCursor: string; outboxUrls: string[] };

/** Realistic content through the real app: users, roster, cycle, ratings, sessions (recorded,
 * edited, deleted), action items, private notes, retried pushes, surveys and an answer. */
async function seed(store: Store): Promise<Seeded> {
  const hrToken = `tdm_${randomBytes(32).toString('base64url')}`;
  await bootstrap(store, { token: hrToken, clock: CLOCK });
  const call = client(store);
  const m = await call(hrToken, 'POST', '/api/v1/users', {
    name: 'Mia Manager',
    email: 'mia@corp.example',
    role: 'manager',
  });
  expect(m.status).toBe(201);
  const other = await call(hrToken, 'POST', '/api/v1/users', {
    name: 'Oli',
    email: 'oli@corp.example',
    role: 'manager',
  });
  expect(other.status).toBe(201);
  const token = m.body.token as string;
  const roster = [0, 1, 2].map((i) => ({
    id: `e${i}`,
    name: `Employee ${i}`,
    email: `e${i}@corp.example`,
    department: i ? 'R&D' : 'Sales',
    managerEmail: 'mia@corp.example',
    status: 'active',
  }));
  expect((await call(hrToken, 'PUT', '/api/v1/employees', roster)).status).toBe(200);
  expect([200, 201]).toContain(
    (
      await call(hrToken, 'PUT', '/api/v1/cycles/2026-h1', {
        name: 'H1',
        startsOn: '2026-01-01',
        endsOn: '2026-06-30',
      })
    ).status,
  );
  expect(
    (await call(hrToken, 'PUT', '/api/v1/ratings', [{ employeeId: 'e1', cycleId: '2026-h1', rating: 3.5 }]))
      .status,
  ).toBe(200);

  const ids = [randomUUID(), randomUUID(), randomUUID()];
  const session = (id: string, e: number, status: string, baseVersion: number, extra: object = {}) => ({
    id,
    employeeId: `e${e}`,
    cycleId: '2026-h1',
    kind: 'review',
    status,
    notes: `Notes ${id.slice(0, 4)} — 中文 ✓`,
    privateNotes: 'only for Mia',
    agenda: {
      strengths: 'clear writing',
      causes: [{ category: 'skill', text: 'new tool' }],
      questions: ['How?'],
    },
    ...extra,
    baseVersion,
  });
  const recorded = { startedAt: at(-DAY - 3_600_000), endedAt: at(-DAY), recordedAt: at(-DAY + 600_000) };
  const push1 = {
    clientId: 'laptop',
    pushId: 'p1',
    push: {
      sessions: [
        session(ids[0]!, 0, 'held', 0),
        session(ids[1]!, 1, 'planned', 0),
        session(ids[2]!, 2, 'planned', 0),
      ],
    },
  };
  const r1 = await call(token, 'POST', '/api/v1/sync', push1);
  expect(r1.body.results.map((r: any) => r.status)).toEqual(['applied', 'applied', 'applied']);
  const item = randomUUID();
  const r2 = await call(token, 'POST', '/api/v1/sync', {
    cursor: r1.body.cursor,
    clientId: 'laptop',
    pushId: 'p2',
    push: {
      sessions: [session(ids[0]!, 0, 'recorded', 1, recorded), session(ids[1]!, 1, 'recorded', 1, recorded)],
      actionItems: [
        {
          id: item,
          sessionId: ids[0],
          title: 'Pair on the migration',
          owner: 'manager',
          status: 'open',
          dueOn: '2026-04-01',
          baseVersion: 0,
        },
        {
          id: randomUUID(),
          sessionId: ids[2],
          title: 'Gone with its session',
          owner: 'employee',
          status: 'open',
          baseVersion: 0,
        },
      ],
      deletes: [{ type: 'session', id: ids[2], baseVersion: 1 }],
    },
  });
  expect(r2.body.results.map((r: any) => r.status)).toEqual([
    'applied',
    'applied',
    'applied',
    'applied',
    'applied',
  ]);
  // A stale edit: a conflict (its stored push result carries the server's record).
  const r3 = await call(token, 'POST', '/api/v1/sync', {
    cursor: r2.body.cursor,
    clientId: 'phone',
    pushId: 'p1',
    push: { sessions: [session(ids[0]!, 0, 'held', 1)] },
  });
  expect(r3.body.results[0].status).toBe('conflict');

  // Surveys: both are due; one employee answers.
  const outbox = await call(token, 'GET', `/api/v1/surveys/outbox?asOf=${AS_OF}`);
  const outboxUrls: string[] = [];
  if (outbox.status === 200) {
    expect(outbox.body.items.length).toBe(4);
    for (const it of outbox.body.items) outboxUrls.push(it.url);
    const first = outbox.body.items.find((i: any) => i.kind === 'employee');
    await call(token, 'POST', `/api/v1/surveys/${outbox.body.items[1].surveyId}/sent`);
    const app = createApp({ store, clock: CLOCK, config });
    const answer = await app.request(new URL(first.url).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://tandem.test' },
      body: JSON.stringify({ fair: 4, clarity: 5, plan: 4, respected: 5, nps: 9, comment: 'fine' }),
    });
    expect(answer.status).toBe(201);
  }
  return { hrToken, managerToken: token, managerCursor: r3.body.cursor, outboxUrls };
}

async function lowdbWithData(): Promise<{ dir: string; seeded: Seeded }> {
  const dir = tempDir();
  const store = await openLowdbStore(dir);
  const seeded = await seed(store);
  await store.close();
  return { dir, seeded };
}

function readDump(file: string): Dump {
  return JSON.parse(readFileSync(file, 'utf8')) as Dump;
}

/** Collections with `seq` taken out of synced rows, plus the order those rows had by seq. */
function comparable(d: Dump) {
  const order = [...d.collections.sessions, ...d.collections.actionItems]
    .sort((a, b) => a.seq - b.seq)
    .map((r) => r.id);
  const collections = Object.fromEntries(
    COLLECTIONS.map((c) => [
      c,
      (d.collections[c] as { id: string; seq?: number }[])
        .map(({ seq: _s, ...rest }) =>
          c === 'sessions' || c === 'actionItems' ? rest : { seq: _s, ...rest },
        )
        .map((r) => JSON.parse(JSON.stringify(r)))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    ]),
  );
  return { collections, order };
}

async function storeCounts(store: Store): Promise<number> {
  return store.read(async (tx) => {
    let n = 0;
    for (const c of COLLECTIONS) n += (await tx.find(c)).length;
    return n;
  });
}

describe('admin: export and import (lowdb)', () => {
  it('exports without secrets by default, and a dump validates, round-trips and issues new tokens', async () => {
    const { dir, seeded } = await lowdbWithData();
    const out = path.join(tempDir(), 'dump.json');
    const ex = await admin(['export', '--out', out], { TANDEM_DATA_DIR: dir });
    expect(ex.code, ex.err).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/tokenHash|only for Mia|survey-link-secret/);
    const dump = readDump(out);
    expect(dump).toMatchObject({ format: 'tandem-dump/1', secrets: false, source: { kind: 'lowdb' } });
    expect(dump.source.seq).toBeGreaterThan(0);
    expect(dump.collections.sessions.some((s) => s.deleted)).toBe(true); // tombstones travel

    // Without --tokens-out the import refuses before writing anything.
    const target = tempDir();
    const refused = await admin(['import', '--in', out], { TANDEM_DATA_DIR: target });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/--tokens-out/);

    const tokensFile = path.join(tempDir(), 'tokens.json');
    const im = await admin(['import', '--in', out, '--tokens-out', tokensFile], { TANDEM_DATA_DIR: target });
    expect(im.code, im.err).toBe(0);
    expect(im.err).toMatch(/fresh snapshot/);
    expect(statSync(tokensFile).mode & 0o777).toBe(0o600);
    const { tokens } = JSON.parse(readFileSync(tokensFile, 'utf8')) as {
      tokens: { email: string; token: string }[];
    };
    expect(tokens.map((t) => t.email).sort()).toEqual([
      'hr@tandem.local',
      'mia@corp.example',
      'oli@corp.example',
    ]);

    const store = await openLowdbStore(target);
    try {
      const call = client(store);
      expect((await call(seeded.managerToken, 'GET', '/api/v1/me')).status).toBe(401); // old tokens are gone
      const mia = tokens.find((t) => t.email === 'mia@corp.example')!.token;
      expect((await call(mia, 'GET', '/api/v1/me')).status).toBe(200);
      // An old cursor is refused; a snapshot has everything but the private notes.
      const stale = await call(mia, 'POST', '/api/v1/sync', { cursor: seeded.managerCursor });
      expect(stale.status).toBe(400);
      expect(stale.body.error.code).toBe('invalid_cursor');
      const snap = await call(mia, 'POST', '/api/v1/sync', {});
      expect(snap.body.pull.sessions).toHaveLength(2);
      expect(snap.body.pull.sessions.every((s: any) => s.privateNotes == null)).toBe(true);
      expect(snap.body.pull.actionItems).toHaveLength(1);
      if (seeded.outboxUrls.length) {
        // New links: the old ones do not work, the outbox offers working ones again (the answered
        // one excepted), including the one that had been sent.
        const outbox = await call(mia, 'GET', `/api/v1/surveys/outbox?asOf=${AS_OF}`);
        expect(outbox.body.items).toHaveLength(3);
        for (const it of outbox.body.items) expect(seeded.outboxUrls).not.toContain(it.url);
      }
    } finally {
      await store.close();
    }
  });

  it('refuses a bad dump with every problem path, writing nothing', async () => {
    const { dir } = await lowdbWithData();
    const out = path.join(tempDir(), 'dump.json');
    expect((await admin(['export', '--with-secrets', '--out', out], { TANDEM_DATA_DIR: dir })).code).toBe(0);
    const dump = readDump(out) as any;
    dump.collections.sessions[0].status = 'finished';
    dump.collections.sessions[1].id = dump.collections.sessions[0].id;
    dump.collections.users[0].email = 'not an email';
    dump.collections.actionItems[0].surprise = true;
    dump.collections.cycles.push({
      id: 'x',
      name: 'Backwards',
      startsOn: '2026-02-01',
      endsOn: '2026-01-01',
    });
    delete dump.collections.pushes;
    const bad = path.join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify(dump));

    const target = tempDir();
    const r = await admin(['import', '--in', bad, '--force'], { TANDEM_DATA_DIR: target });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a valid Tandem dump \(\d+ problems\)\. Nothing was written/);
    for (const p of [
      'collections.sessions.0.status',
      'collections.sessions.1.id: duplicate id',
      'collections.users.0.email',
      'collections.actionItems.0.surprise: unknown field',
      'collections.cycles.1.endsOn',
      'collections.pushes',
    ]) {
      expect(r.err).toContain(p);
    }
    const notJson = path.join(tempDir(), 'x.json');
    writeFileSync(notJson, '{"format": "tandem-dump/1", ');
    expect((await admin(['import', '--in', notJson], { TANDEM_DATA_DIR: target })).err).toMatch(
      /not readable JSON/,
    );
    const store = await openLowdbStore(target);
    expect(await storeCounts(store)).toBe(0);
    await store.close();
  });

  it('refuses a non-empty target unless --force, which replaces it', async () => {
    const { dir } = await lowdbWithData();
    const out = path.join(tempDir(), 'dump.json');
    expect((await admin(['export', '--with-secrets', '--out', out], { TANDEM_DATA_DIR: dir })).code).toBe(0);
    const target = tempDir();
    const other = await openLowdbStore(target);
    await bootstrap(other, { clock: CLOCK });
    await other.close();
    const r = await admin(['import', '--in', out], { TANDEM_DATA_DIR: target });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not empty \(1 users\); nothing was imported.*--force/s);
    const forced = await admin(['import', '--in', out, '--force'], { TANDEM_DATA_DIR: target });
    expect(forced.code, forced.err).toBe(0);
    const again = path.join(tempDir(), 'again.json');
    expect(
      (await admin(['export', '--with-secrets', '--out', again], { TANDEM_DATA_DIR: target })).code,
    ).toBe(0);
    expect(comparable(readDump(again))).toEqual(comparable(readDump(out)));
  });

  it('explains a database that cannot be reached', async () => {
    const r = await admin(['status'], { DATABASE_URL: 'postgres://tandem:hunter2@127.0.0.1:1/test' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no database server answers there/);
    expect(r.err).not.toContain('hunter2');
  });
});

if (!pgUrl) {
  if (!PG_REQUIRED)
    await warnPgMissing('the lowdb ↔ PostgreSQL export/import round trips are NOT being tested');
  describe('admin: lowdb ↔ PostgreSQL', () => {
    if (PG_REQUIRED) {
      it('needs a PostgreSQL server (TANDEM_REQUIRE_PG=1)', async () => {
        await warnPgMissing('the export/import round trips cannot run');
      });
    } else it.skip('PostgreSQL is not available', () => {});
  });
} else {
  const url = pgUrl;
  const pgEnv = () => {
    const schema = freshSchema();
    schemas.push(schema);
    return { env: { DATABASE_URL: url, TANDEM_PG_SCHEMA: schema }, schema };
  };

  describe('admin: lowdb ↔ PostgreSQL', () => {
    it('lowdb → PostgreSQL → lowdb gives equal collections, and the moved store serves the same clients', async () => {
      const { dir, seeded } = await lowdbWithData();
      const a = path.join(tempDir(), 'a.json');
      expect((await admin(['export', '--with-secrets', '--out', a], { TANDEM_DATA_DIR: dir })).code).toBe(0);

      const { env, schema } = pgEnv();
      const im = await admin(['import', '--in', a], env);
      expect(im.code, im.err).toBe(0);
      const b = path.join(tempDir(), 'b.json');
      const exB = await admin(['export', '--with-secrets', '--out', b], env);
      expect(exB.code, exB.err).toBe(0);
      const dumpA = readDump(a);
      const dumpB = readDump(b);
      expect(dumpB.source.kind).toBe('postgres');
      expect(dumpB.source.storeId).not.toBe(dumpA.source.storeId);
      expect(comparable(dumpB)).toEqual(comparable(dumpA));

      const status = await admin(['status'], env);
      expect(status.out).toMatch(/storage: {2}postgres/);
      expect(status.out).toMatch(/sessions\s+3/);

      // PostgreSQL → lowdb.
      const back = tempDir();
      expect((await admin(['import', '--in', b], { TANDEM_DATA_DIR: back })).code).toBe(0);
      const c = path.join(tempDir(), 'c.json');
      expect((await admin(['export', '--with-secrets', '--out', c], { TANDEM_DATA_DIR: back })).code).toBe(0);
      expect(comparable(readDump(c))).toEqual(comparable(dumpA));

      // The moved store works for the same people: tokens and survey links kept, cursors refused.
      const store = await openPostgresStore(url, { schema, max: 2 });
      try {
        const call = client(store);
        expect((await call(seeded.managerToken, 'GET', '/api/v1/me')).status).toBe(200);
        expect(
          (await call(seeded.managerToken, 'POST', '/api/v1/sync', { cursor: seeded.managerCursor })).status,
        ).toBe(400);
        const snap = await call(seeded.managerToken, 'POST', '/api/v1/sync', {});
        expect(snap.body.pull.sessions.map((s: any) => s.privateNotes)).toEqual([
          'only for Mia',
          'only for Mia',
        ]);
        if (seeded.outboxUrls.length) {
          const outbox = await call(seeded.managerToken, 'GET', `/api/v1/surveys/outbox?asOf=${AS_OF}`);
          for (const it of outbox.body.items) expect(seeded.outboxUrls).toContain(it.url);
        }
        // New writes continue the sequence after the imported rows.
        const next = await call(seeded.managerToken, 'POST', '/api/v1/sync', {
          cursor: snap.body.cursor,
          push: {
            deletes: [
              {
                type: 'session',
                id: snap.body.pull.sessions[0].id,
                baseVersion: snap.body.pull.sessions[0].version,
              },
            ],
          },
        });
        expect(next.body.results[0].status).toBe('applied');
        expect(next.body.pull.deletes.length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    });

    it('a dump that fails while being written leaves PostgreSQL untouched', async () => {
      const { dir } = await lowdbWithData();
      const a = path.join(tempDir(), 'a.json');
      expect((await admin(['export', '--with-secrets', '--out', a], { TANDEM_DATA_DIR: dir })).code).toBe(0);
      // Valid as a dump, but two users share a token hash: PostgreSQL's unique index refuses the
      // second one midway through the transaction.
      const dump = readDump(a) as any;
      dump.collections.users[1].tokenHash = dump.collections.users[0].tokenHash;
      const bad = path.join(tempDir(), 'bad.json');
      writeFileSync(bad, JSON.stringify(dump));
      const { env, schema } = pgEnv();
      const r = await admin(['import', '--in', bad], env);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Import failed, nothing was written/);
      const store = await openPostgresStore(url, { schema, max: 1 });
      try {
        expect(await storeCounts(store)).toBe(0);
        expect(await store.read((tx) => tx.currentSeq())).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
}
