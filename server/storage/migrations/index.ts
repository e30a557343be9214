/**
 * The PostgreSQL store's schema migrations: every `NNN_name.sql` file in this folder, applied in
 * order of NNN, each exactly once per schema (recorded in `tandem_migrations`). A migration runs
 * with `search_path` set to the store's schema, so its SQL names tables without a schema.
 *
 * Never edit a migration that has shipped: add the next number. Each file is applied inside the
 * one migration transaction, so a failing migration leaves the schema as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Migration = { version: number; name: string; sql: string };

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

function load(): Migration[] {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = FILE.exec(file);
    if (!m) continue;
    out.push({
      version: Number(m[1]),
      name: m[2]!,
      sql: readFileSync(new URL(file, import.meta.url), 'utf8'),
    });
  }
  out.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`storage migrations must be numbered 001, 002, … without gaps; found ${m.version}`);
    }
  });
  return out;
}

/** Every migration, in order; `MIGRATIONS[i].version === i + 1`. */
export const MIGRATIONS: readonly Migration[] = Object.freeze(load());
