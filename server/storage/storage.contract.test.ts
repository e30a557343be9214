/**
 * Runs the storage contract (storage.contract.ts) against every adapter: the in-memory core,
 * lowdb in a temporary directory, and PostgreSQL in a fresh schema per test (dropped afterwards).
 *
 * PostgreSQL: see test/pg.ts. Without a server the PostgreSQL run is skipped with a loud warning;
 * with TANDEM_REQUIRE_PG=1 it fails instead.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { dropSchema, freshSchema, PG_REQUIRED, pgAvailable, warnPgMissing } from '../../test/pg';
import { createMemoryStore } from './memory';
import { openPostgresStore } from './postgres';
import { runStorageContract } from './storage.contract';
import type { Store } from './types';

runStorageContract('memory', async () => ({ store: createMemoryStore(), cleanup: async () => {} }));

// The lowdb adapter is built separately; run the contract against it once it exists.
const lowdbModule = new URL('./lowdb.ts', import.meta.url);
if (existsSync(fileURLToPath(lowdbModule))) {
  const { openLowdbStore } = (await import(/* @vite-ignore */ lowdbModule.href)) as {
    openLowdbStore: (dir: string) => Store | Promise<Store>;
  };
  runStorageContract('lowdb', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-contract-'));
    return {
      store: await openLowdbStore(dir),
      reopen: async () => openLowdbStore(dir),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  });
} else {
  console.warn('storage contract: server/storage/lowdb.ts does not exist yet; the lowdb run is skipped');
  describe('storage contract: lowdb', () => {
    it.skip('server/storage/lowdb.ts does not exist yet', () => {});
  });
}

const pgUrl = await pgAvailable();
if (pgUrl) {
  runStorageContract('postgres', async () => {
    const schema = freshSchema();
    return {
      store: await openPostgresStore(pgUrl, { schema, max: 4 }),
      reopen: () => openPostgresStore(pgUrl, { schema, max: 4 }),
      cleanup: () => dropSchema(pgUrl, schema),
    };
  });
} else if (PG_REQUIRED) {
  describe('storage contract: postgres', () => {
    it('needs a PostgreSQL server (TANDEM_REQUIRE_PG=1)', async () => {
      await warnPgMissing('the PostgreSQL storage contract cannot run');
    });
  });
} else {
  await warnPgMissing('the PostgreSQL storage contract is NOT being tested');
  describe('storage contract: postgres', () => {
    it.skip('PostgreSQL is not available', () => {});
  });
}
