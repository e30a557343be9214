/**
 * PostgreSQL for tests: finds a server to test against and makes throwaway schemas on it.
 *
 * The server is `TANDEM_TEST_DATABASE_URL` if set, otherwise the local one
 * (`postgres://postgres@127.0.0.1:5432/test`, then the same as `root`). Tests never touch
 * anything but the `tandem_test_*` schemas they make, and drop those afterwards.
 *
 * When no server answers, PostgreSQL tests skip with a loud warning; with `TANDEM_REQUIRE_PG=1`
 * they fail instead (CI sets it so that a missing database can never pass as green).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

const CANDIDATES = ['postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];

export const PG_REQUIRED = process.env.TANDEM_REQUIRE_PG === '1';

let found: Promise<{ url: string | null; reason: string }> | undefined;

async function probe(url: string): Promise<string | null> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, idle_timeout: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/** The URL of a PostgreSQL server that answers, or null (with why, in `pgUnavailableReason`). */
export function pgAvailable(): Promise<string | null> {
  found ??= (async () => {
    const env = process.env.TANDEM_TEST_DATABASE_URL;
    const urls = env ? [env] : CANDIDATES;
    const reasons: string[] = [];
    for (const url of urls) {
      const error = await probe(url);
      if (error === null) return { url, reason: '' };
      reasons.push(`${url.replace(/:[^@/]*@/, '@')}: ${error}`);
    }
    return { url: null, reason: reasons.join('; ') };
  })();
  return found.then((f) => f.url);
}

/** Why `pgAvailable()` found nothing ('' when it found a server). */
export async function pgUnavailableReason(): Promise<string> {
  await pgAvailable();
  return (await found!).reason;
}

/** Prints the loud "skipped" banner, or throws under TANDEM_REQUIRE_PG=1. */
export async function warnPgMissing(what: string): Promise<void> {
  const reason = await pgUnavailableReason();
  const message = `PostgreSQL is not available (${reason}); ${what}`;
  if (PG_REQUIRED) throw new Error(`TANDEM_REQUIRE_PG=1 but ${message}`);
  const bar = '!'.repeat(100);
  console.warn(
    `\n${bar}\n!!! SKIPPED: ${message}.\n!!! Start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or set TANDEM_TEST_DATABASE_URL; TANDEM_REQUIRE_PG=1 makes this a failure.\n${bar}\n`,
  );
}

/** A new schema name, `tandem_test_<random>`; nothing is created until a store opens it. */
export function freshSchema(): string {
  return `tandem_test_${randomBytes(6).toString('hex')}`;
}

/** Drops a test schema and everything in it. Refuses names that are not test schemas. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^tandem_test_[a-z0-9_]+$/.test(schema)) throw new Error(`refusing to drop schema "${schema}"`);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop schema if exists "${schema}" cascade`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A short-lived admin connection for assertions on the database itself. */
export async function withPg<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
