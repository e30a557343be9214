/**
 * Opening the store the environment chooses (DESIGN §4): PostgreSQL when `DATABASE_URL` is set
 * (tables in `TANDEM_PG_SCHEMA`, migrations applied at open), lowdb in `TANDEM_DATA_DIR`
 * otherwise. Used by the service entry (main.ts) and the storage tools (admin/cli.ts), so both
 * explain a store that cannot be opened in the same words: one paragraph saying what is wrong and
 * what to do, with the database URL shown without its password. Messages start lower-case so that
 * callers can prefix them ("Tandem cannot start: …"); lowdb's lock and damage messages are passed on
 * as they are.
 */
import { openLowdbStore } from './lowdb';
import { openPostgresStore, redactUrl } from './postgres';
import type { Store } from './types';

export type StoreChoice = {
  dataDir: string;
  databaseUrl?: string | undefined;
  pgSchema?: string | undefined;
};

/** A store that cannot be opened; `message` is the paragraph to show. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What a PostgreSQL failure at open means, for people. */
export function explainPostgresError(e: unknown, url: string, schema: string): string {
  const where = redactUrl(url);
  const code = String((e as { code?: unknown })?.code ?? '');
  const why = errorText(e);
  const head = `the PostgreSQL database at ${where} (schema "${schema}") cannot be used`;
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
      return (
        `${head}: no database server answers there (${code}: ${why}). Check that PostgreSQL is running and ` +
        'reachable from this machine, and the host and port in DATABASE_URL.'
      );
    case '28P01':
    case '28000':
    case 'SASL_SIGNATURE_MISMATCH':
    case 'AUTH_TYPE_NOT_IMPLEMENTED':
      return (
        `${head}: the server refused the login (${why}). Check the user name and password in DATABASE_URL ` +
        "(percent-encode special characters in the password) and the server's pg_hba.conf."
      );
    case '3D000':
      return `${head}: the database does not exist (${why}). Create it (createdb) or fix the database name in DATABASE_URL.`;
    case '42501':
      return (
        `${head}: the user may not create or change what Tandem needs (${why}). Grant it CREATE on the database ` +
        'and USAGE, CREATE on the schema, or use the schema owner.'
      );
    default:
      if (e instanceof TypeError && /url/i.test(why)) {
        return `${head}: DATABASE_URL is not a valid URL (${why}). Use postgres://user:password@host:5432/database.`;
      }
      return `${head}: ${why}. Nothing was changed.`;
  }
}

/** Opens the chosen store; throws `StoreOpenError` with a message for people when it cannot. */
export async function openChosenStore(choice: StoreChoice): Promise<Store> {
  if (choice.databaseUrl) {
    const schema = choice.pgSchema ?? 'public';
    try {
      return await openPostgresStore(choice.databaseUrl, { schema });
    } catch (e) {
      throw new StoreOpenError(explainPostgresError(e, choice.databaseUrl, schema), { cause: e });
    }
  }
  try {
    return await openLowdbStore(choice.dataDir);
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'StoreLockedError' || name === 'StoreDamagedError') {
      throw new StoreOpenError(errorText(e), { cause: e });
    }
    throw new StoreOpenError(
      `the data directory ${choice.dataDir} could not be opened (${errorText(e)}). Check that it exists or can be ` +
        'created and that this user may read and write it, or set TANDEM_DATA_DIR to another directory.',
      { cause: e },
    );
  }
}
