/**
 * PostgreSQL-only behaviour: several instances on one schema (migrations racing, writers on
 * every instance, readers never skipping), the schema layout and failure modes at start.
 * The general storage behaviour is the contract suite (storage.contract.test.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { dropSchema, freshSchema, PG_REQUIRED, pgAvailable, warnPgMissing, withPg } from '../../test/pg';
import { MIGRATIONS } from './migrations/index';
import { openPostgresStore, redactUrl, TABLES } from './postgres';
import { hammer, sampleRows, sampleSession } from './storage.contract';
import type { Store } from './types';

describe('redactUrl', () => {
  it('drops the password from the userinfo and the query', () => {
    expect(redactUrl('postgres://tandem:s3cr%40t@db.internal:5432/tandem')).toBe(
      'postgres://tandem@db.internal:5432/tandem',
    );
    expect(redactUrl('postgres://db/tandem?user=x&password=hunter2&sslmode=require')).not.toContain(
      'hunter2',
    );
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
  });
});

const url = await pgAvailable();

if (!url) {
  if (PG_REQUIRED) {
    describe('postgres store', () => {
      it('needs a PostgreSQL server (TANDEM_REQUIRE_PG=1)', async () => {
        await warnPgMissing('the PostgreSQL store tests cannot run');
      });
    });
  } else {
    await warnPgMissing('the PostgreSQL store tests are NOT being run');
    describe('postgres store', () => {
      it.skip('PostgreSQL is not available', () => {});
    });
  }
} else {
  describe('postgres store', () => {
    const stores: Store[] = [];
    const schemas: string[] = [];
    const schema = () => {
      const s = freshSchema();
      schemas.push(s);
      return s;
    };
    const open = async (s: string, max = 4) => {
      const store = await openPostgresStore(url, { schema: s, max });
      stores.push(store);
      return store;
    };

    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close();
      for (const s of schemas.splice(0)) await dropSchema(url, s);
    });

    it('migrates once when several instances start at the same time', async () => {
      const s = schema();
      const started = await Promise.all([open(s), open(s), open(s), open(s)]);
      expect(new Set(started.map((x) => x.storeId)).size).toBe(1);
      const again = await open(s);
      expect(again.storeId).toBe(started[0]!.storeId);

      await withPg(url, async (sql) => {
        const applied = await sql.unsafe(
          `select version, name from "${s}".tandem_migrations order by version`,
        );
        expect(applied.map((r) => [r.version, r.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
        const tables = await sql`select table_name from information_schema.tables where table_schema = ${s}`;
        expect(tables.map((t) => t.table_name).sort()).toEqual(
          [...Object.values(TABLES).map((t) => t.table), 'meta', 'tandem_migrations'].sort(),
        );
      });
      expect(started[0]!.kind).toBe('postgres');
      expect(started[0]!.location).toBe(url);
    });

    it('writers on two instances: seqs unique and gap-free, readers on either never skip a change', async () => {
      const s = schema();
      const [a, b] = await Promise.all([open(s), open(s)]);
      const { seqs } = await hammer([a, b], [a, b], { writers: 8, txPerWriter: 12 });
      const sorted = [...seqs].sort((x, y) => x - y);
      expect(sorted).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(await b.read((tx) => tx.currentSeq())).toBe(seqs.length);
    });

    it('read-modify-write from two instances never loses an update', async () => {
      const s = schema();
      const [a, b] = await Promise.all([open(s), open(s)]);
      await a.write((tx) => tx.put('settings', { id: 'counter', value: 0 }));
      const N = 30;
      await Promise.all(
        Array.from({ length: N }, (_, i) =>
          (i % 2 ? a : b).write(async (tx) => {
            const row = await tx.get('settings', 'counter');
            await sleep(i % 3);
            await tx.put('settings', { id: 'counter', value: (row!.value as number) + 1 });
          }),
        ),
      );
      expect((await b.read((tx) => tx.get('settings', 'counter')))?.value).toBe(N);
    });

    it('a write on one instance makes writes elsewhere wait, but not reads', async () => {
      const s = schema();
      const [a, b] = await Promise.all([open(s), open(s)]);
      const events: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let started!: () => void;
      const aStarted = new Promise<void>((r) => {
        started = r;
      });
      const first = a.write(async (tx) => {
        events.push('a:start');
        await tx.put('settings', { id: 'a', value: 1 });
        started();
        await gate;
        events.push('a:end');
      });
      await aStarted;
      const second = b.write(async (tx) => {
        events.push('b:start');
        expect(await tx.get('settings', 'a')).toEqual({ id: 'a', value: 1 });
      });
      // Reads go ahead while the write holds the lock, and do not see its uncommitted row.
      expect(await b.read((tx) => tx.get('settings', 'a'))).toBeUndefined();
      expect(await a.read((tx) => tx.find('settings'))).toEqual([]);
      events.push('read done');
      await sleep(150);
      release();
      await Promise.all([first, second]);
      expect(events).toEqual(['a:start', 'read done', 'a:end', 'b:start']);
    });

    it('keeps generated columns in step with the JSON', async () => {
      const s = schema();
      const store = await open(s);
      const session = sampleSession({ seq: 7, ownerId: 'm-9', version: 4, deleted: true });
      const [user] = sampleRows('users');
      const odd = { ...sampleSession(), seq: 1.5, ownerId: 42, version: '3' } as unknown as typeof session;
      await store.write(async (tx) => {
        await tx.put('sessions', session);
        await tx.put('sessions', odd);
        await tx.put('users', user);
      });
      await withPg(url, async (sql) => {
        const rows = await sql.unsafe(
          `select id, seq::int, owner_id, version::int, deleted, employee_id, cycle_id from "${s}".sessions order by id`,
        );
        const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
        expect(byId[session.id]).toMatchObject({
          seq: 7,
          owner_id: 'm-9',
          version: 4,
          deleted: true,
          employee_id: 'E100',
          cycle_id: '2026-h2',
        });
        // Values of another JSON type than the column's leave the column NULL (find re-checks `data`).
        expect(byId[odd.id]).toMatchObject({ seq: null, owner_id: null, version: null, deleted: null });
        const [u] = await sql.unsafe(`select token_hash, email from "${s}".users`);
        expect(u).toEqual({ token_hash: user.tokenHash, email: user.email });
      });
      await store.read(async (tx) => {
        expect(await tx.find('sessions', { ownerId: 42 as unknown as string })).toStrictEqual([odd]);
        expect(await tx.find('sessions', { seq: 1.5 })).toStrictEqual([odd]);
        expect(await tx.find('sessions', { version: '3' as unknown as number })).toStrictEqual([odd]);
        expect(await tx.find('sessions', { version: 3 })).toEqual([]);
        expect(await tx.find('sessions', { ownerId: '42' })).toEqual([]);
      });
    });

    it('has indexes for cursors and lookups', async () => {
      const s = schema();
      await open(s);
      await withPg(url, async (sql) => {
        const rows = await sql`select indexname, indexdef from pg_indexes where schemaname = ${s}`;
        const defs = rows.map((r) => String(r.indexdef).replace(/"/g, ''));
        const has = (table: string, cols: string) =>
          defs.some((d) => d.includes(` ON ${s}.${table} USING btree (${cols})`));
        expect(has('sessions', 'seq')).toBe(true);
        expect(has('sessions', 'owner_id, seq')).toBe(true);
        expect(has('action_items', 'seq')).toBe(true);
        expect(has('action_items', 'owner_id, seq')).toBe(true);
        expect(has('employees', 'email')).toBe(true);
        expect(has('employees', 'manager_email')).toBe(true);
        expect(has('surveys', 'token_hash')).toBe(true);
        expect(
          defs.some(
            (d) => d.startsWith('CREATE UNIQUE INDEX') && d.includes('users USING btree (token_hash)'),
          ),
        ).toBe(true);
      });
    });

    it('refuses two users with the same token hash, leaving nothing partial', async () => {
      const store = await open(schema());
      const [u1, u2] = sampleRows('users');
      await store.write((tx) => tx.put('users', u1));
      await expect(
        store.write(async (tx) => {
          await tx.put('settings', { id: 'partial', value: 1 });
          await tx.put('users', { ...u2, tokenHash: u1.tokenHash });
        }),
      ).rejects.toThrow(/unique|duplicate/i);
      expect(await store.read((tx) => tx.get('settings', 'partial'))).toBeUndefined();
      expect(await store.read((tx) => tx.find('users'))).toStrictEqual([u1]);
    });

    it('keeps stores in different schemas apart', async () => {
      const [a, b] = await Promise.all([open(schema()), open(schema())]);
      expect(a.storeId).not.toBe(b.storeId);
      await a.write(async (tx) => tx.put('sessions', sampleSession({ seq: await tx.nextSeq() })));
      expect(await b.read((tx) => tx.find('sessions'))).toEqual([]);
      expect(await b.read((tx) => tx.currentSeq())).toBe(0);
    });

    it('hides the password in location', async () => {
      const withPassword = url.replace(/^(postgres(?:ql)?:\/\/)([^:@/]+)@/, '$1$2:not-the-password@');
      if (withPassword === url) return; // a URL with a password already; redactUrl is tested above
      const store = await openPostgresStore(withPassword, { schema: schema(), max: 1 }).catch(
        () => undefined,
      );
      if (!store) return; // the server checks passwords; nothing more to see here
      stores.push(store);
      expect(store.location).not.toContain('not-the-password');
      expect(store.location).toBe(url);
    });

    it('refuses a schema migrated by a newer build, and a damaged one, loudly', async () => {
      const s = schema();
      await (await open(s)).close();
      await withPg(url, (sql) =>
        sql.unsafe(`insert into "${s}".tandem_migrations (version, name) values (999, 'future')`),
      );
      await expect(openPostgresStore(url, { schema: s })).rejects.toThrow(/storage version 999.*newer/);

      const d = schema();
      await (await open(d)).close();
      await withPg(url, (sql) => sql.unsafe(`delete from "${d}".meta`));
      await expect(openPostgresStore(url, { schema: d })).rejects.toThrow(/damaged/);
    });

    it('fails at open, not later, when the server cannot be reached', async () => {
      await expect(
        openPostgresStore('postgres://postgres@127.0.0.1:1/test', { schema: schema() }),
      ).rejects.toThrow();
    });
  });
}
