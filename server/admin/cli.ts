/**
 * Tandem storage tools: `npm run admin -- <command>`. The store is the one the service would use:
 * PostgreSQL when `DATABASE_URL` is set (schema `TANDEM_PG_SCHEMA`), otherwise lowdb in
 * `TANDEM_DATA_DIR`.
 *
 *   status                     what the store is, where, how many rows, the change sequence
 *   export [--out FILE] [--with-secrets]
 *                              a portable JSON dump (dump.ts); stdout without --out
 *   import --in FILE [--force] [--tokens-out FILE]
 *                              loads a dump into the (empty) store, validated first, all or nothing
 *   backup --out FILE          a consistent copy of a lowdb store, also while the service runs
 *
 * Backup approach (lowdb): the running service owns the data directory (its lock), so the tool
 * never opens the store. It reads the files the way a start does, without the lock and without
 * changing anything: `tandem.json`, then the journal lines after it, each line's checksum
 * verified, a torn last line (an append in progress, never acknowledged) left out. Journal lines
 * are fsynced before their writes are acknowledged, so every write acknowledged before the backup
 * started is in what it reads; a compaction that moves files meanwhile shows up as a gap in the
 * transaction numbers and the reading starts over. The result is written as one compacted
 * snapshot (temp file, fsync, rename, fsync of the directory), read back and checked; restoring
 * is copying it to `tandem.json` in an empty data directory. This needs no HTTP endpoint, no
 * token and no cooperation from the service, and works as well when the service is stopped.
 * (An admin route could stream the same state from memory, but would put a whole-store download
 * behind a bearer token on the network; the files are already on this machine.)
 * PostgreSQL has its own tools for this: `pg_dump` (see the README), or `export --with-secrets`.
 */
import { chmod, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, type ServiceConfig } from '../config';
import { readLowdbDir, readSnapshotFile, saveSnapshotAs } from '../storage/lowdb';
import { createMemoryStore } from '../storage/memory';
import { openChosenStore, StoreOpenError } from '../storage/open';
import { COLLECTIONS, type Store } from '../storage/types';
import { type Dump, dumpText, exportStore, ImportRefusedError, importDump, validateDump } from './dump';

export type AdminIO = { out: (text: string) => void; err: (text: string) => void };

const USAGE = `Tandem storage tools: npm run admin -- <command> [options]

The store is chosen like the service does: PostgreSQL when DATABASE_URL is set (schema
TANDEM_PG_SCHEMA, default public), otherwise lowdb in TANDEM_DATA_DIR (default ./data).

Commands:
  status                       kind, location, store id, change sequence, rows per collection
  export [--out FILE]          portable JSON dump of every collection (stdout without --out);
         [--with-secrets]      without secrets by default (no token hashes, no survey-link
                               secret, no private notes); --with-secrets keeps them for a
                               lossless move (the file is then as sensitive as the store)
  import --in FILE             load a dump into the store: validated whole first, written in one
         [--force]             transaction; refuses a store that is not empty unless --force
         [--tokens-out FILE]   (which replaces everything in it). A dump without token hashes
                               gives every user a new token, written to --tokens-out (required then)
  backup --out FILE            consistent snapshot of a lowdb store, also while the service runs
                               (restore: copy it to tandem.json in an empty data directory)
`;

class UsageError extends Error {}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Writes a file whole (temp, fsync, rename), readable by its owner only. */
async function writePrivate(file: string, text: string | Iterable<string>): Promise<void> {
  const target = path.resolve(file);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    const fh = await open(tmp, 'w', 0o600);
    try {
      for (const piece of typeof text === 'string' ? [text] : text) await fh.write(piece);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
    await chmod(target, 0o600);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

type Source = { store: Store; close: () => Promise<void>; note: string };

/**
 * The store to read from. lowdb is read from its files without the lock (so this works while the
 * service runs) into an in-memory copy; PostgreSQL is opened normally (reads take a snapshot).
 */
async function openForReading(config: ServiceConfig): Promise<Source> {
  if (config.databaseUrl) {
    const store = await openChosenStore(config);
    return { store, close: () => store.close(), note: '' };
  }
  const reading = await readLowdbDir(config.dataDir);
  const location = path.join(config.dataDir, 'tandem.json');
  const store = createMemoryStore({ state: reading.state, kind: 'lowdb', location });
  return {
    store,
    close: () => store.close(),
    note: `lsn ${reading.lsn}${reading.retries ? `, read again ${reading.retries}× (a compaction ran meanwhile)` : ''}`,
  };
}

async function counts(store: Store): Promise<Record<string, number>> {
  return store.read(async (tx) => {
    const out: Record<string, number> = {};
    for (const c of COLLECTIONS) out[c] = (await tx.find(c)).length;
    return out;
  });
}

function countLine(c: Record<string, number>): string {
  return Object.entries(c)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

async function status(config: ServiceConfig, io: AdminIO): Promise<number> {
  const src = await openForReading(config);
  try {
    const { store } = src;
    const seq = await store.read((tx) => tx.currentSeq());
    const c = await counts(store);
    io.out(
      [
        `storage:  ${store.kind}`,
        `location: ${store.location}${config.databaseUrl ? ` (schema ${config.pgSchema})` : ''}`,
        `store id: ${store.storeId}`,
        `seq:      ${seq}${src.note ? ` (${src.note})` : ''}`,
        ...COLLECTIONS.map((k) => `  ${k.padEnd(16)} ${c[k]}`),
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await src.close();
  }
}

async function exportCommand(
  config: ServiceConfig,
  io: AdminIO,
  out: string | undefined,
  withSecrets: boolean,
) {
  const src = await openForReading(config);
  let dump: Dump;
  try {
    dump = await exportStore(src.store, { withSecrets });
  } finally {
    await src.close();
  }
  const summary = `${Object.entries(dump.collections)
    .map(([k, v]) => `${v.length} ${k}`)
    .join(', ')}; seq ${dump.source.seq}`;
  if (out) {
    await writePrivate(out, dumpText(dump));
    io.err(`Exported ${dump.source.kind} store ${dump.source.storeId} to ${out} (${summary}).\n`);
  } else for (const piece of dumpText(dump)) io.out(piece);
  io.err(
    withSecrets
      ? 'WARNING: this dump holds token hashes, the survey-link secret and private notes: keep it like the store itself.\n'
      : 'Without secrets: users get new tokens on import, and unanswered survey links are re-issued.\n',
  );
  return 0;
}

async function importCommand(
  config: ServiceConfig,
  io: AdminIO,
  file: string,
  force: boolean,
  tokensOut: string | undefined,
): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.err(`Cannot import: ${file} is not readable JSON (${errorText(e)}). Nothing was written.\n`);
    return 1;
  }
  const check = validateDump(raw);
  if (!check.ok) {
    const shown = check.errors.slice(0, 50).map((e) => `  ${e.path}: ${e.message}`);
    if (check.errors.length > 50) shown.push(`  … and ${check.errors.length - 50} more`);
    io.err(
      `Cannot import: ${file} is not a valid Tandem dump (${check.errors.length} problem${check.errors.length === 1 ? '' : 's'}). Nothing was written.\n${shown.join('\n')}\n`,
    );
    return 1;
  }
  const { dump } = check;
  const needTokens = dump.collections.users.filter((u) => typeof u.tokenHash !== 'string').length;
  if (needTokens > 0 && !tokensOut) {
    io.err(
      `Cannot import: ${needTokens} user${needTokens === 1 ? ' has' : 's have'} no token hash in this dump (it was exported ` +
        'without --with-secrets), so every such user gets a new token. Give --tokens-out FILE to receive them ' +
        '(written readable by you only; hand each person their token). Nothing was written.\n',
    );
    return 1;
  }

  let store: Store;
  try {
    store = await openChosenStore(config);
  } catch (e) {
    io.err(`Cannot import: ${errorText(e).replace(/^Tandem cannot start: /, '')}\n`);
    return 1;
  }
  try {
    const report = await importDump(store, dump, {
      force,
      // Inside the transaction: if the tokens cannot be saved, nothing is imported.
      beforeCommit: async (r) => {
        if (r.tokens.length > 0 && tokensOut) {
          await writePrivate(
            tokensOut,
            `${JSON.stringify({ issuedAt: new Date().toISOString(), tokens: r.tokens }, null, 2)}\n`,
          );
        }
      },
    });
    const lines = [
      `Imported into ${store.kind} at ${store.location} (store id ${store.storeId}): ${countLine(report.counts)}.`,
      `Change sequence now ${report.seq}; sessions and action items keep their order.`,
      'Clients must take a fresh snapshot: cursors of the old store are refused here (the extension does this by itself).',
    ];
    if (report.replaced) lines.push(`--force: ${report.replaced} rows that were in the store were replaced.`);
    if (report.tokens.length)
      lines.push(`${report.tokens.length} new user tokens written to ${tokensOut}; hand them out.`);
    if (report.surveysRelinked) {
      lines.push(
        `${report.surveysRelinked} survey links were re-issued (new survey-link secret)` +
          (report.surveysToResend
            ? `; ${report.surveysToResend} sent but unanswered surveys are back in the outbox.`
            : '.'),
      );
    }
    io.err(`${lines.join('\n')}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ImportRefusedError) {
      io.err(`Cannot import: ${e.message}\n`);
      return 1;
    }
    io.err(`Import failed, nothing was written: ${errorText(e)}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

async function backupCommand(config: ServiceConfig, io: AdminIO, out: string): Promise<number> {
  if (config.databaseUrl) {
    io.err(
      'backup is for the lowdb store. For PostgreSQL use its own tools, e.g. ' +
        `pg_dump --schema=${config.pgSchema} --format=custom "$DATABASE_URL" > tandem.pgdump, ` +
        'or `npm run admin -- export --with-secrets --out FILE` for a portable copy.\n',
    );
    return 1;
  }
  const t0 = performance.now();
  const reading = await readLowdbDir(config.dataDir, { log: (m) => io.err(`${m}\n`) });
  const bytes = await saveSnapshotAs(out, reading.state);
  // Read it back: the file must load as a store, with everything that was read.
  const check = await readSnapshotFile(out);
  for (const c of COLLECTIONS) {
    if (check.state.collections[c].size !== reading.state.collections[c].size) {
      throw new Error(`the backup ${out} does not read back the same (${c}); do not rely on it`);
    }
  }
  if (check.storeId !== reading.storeId || check.seq !== reading.seq || check.lsn !== reading.lsn) {
    throw new Error(`the backup ${out} does not read back the same (header); do not rely on it`);
  }
  const c = Object.fromEntries(COLLECTIONS.map((k) => [k, reading.state.collections[k].size]));
  io.err(
    `Backup of ${config.dataDir} written to ${out}: ${bytes} bytes, transaction ${reading.lsn}, seq ${reading.seq}, ` +
      `${countLine(c)} (${Math.round(performance.now() - t0)} ms` +
      `${reading.retries ? `, read again ${reading.retries}× because a compaction ran meanwhile` : ''}).\n` +
      'Restore: stop the service, copy the file to tandem.json in an empty data directory, start.\n',
  );
  return 0;
}

/** Runs one command; resolves to the exit code. */
export async function runAdmin(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: AdminIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        in: { type: 'string', short: 'i' },
        force: { type: 'boolean', default: false },
        'with-secrets': { type: 'boolean', default: false },
        'tokens-out': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command || command === 'help') {
      io.out(USAGE);
      return command || values.help ? 0 : 2;
    }
    if (rest.length) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
    let config: ServiceConfig;
    try {
      config = loadConfig(env);
    } catch (e) {
      io.err(`${errorText(e)}\n`);
      return 1;
    }
    switch (command) {
      case 'status':
        return await status(config, io);
      case 'export':
        return await exportCommand(config, io, values.out, values['with-secrets']);
      case 'import':
        if (!values.in) throw new UsageError('import needs --in FILE');
        return await importCommand(config, io, values.in, values.force, values['tokens-out']);
      case 'backup':
        if (!values.out) throw new UsageError('backup needs --out FILE');
        return await backupCommand(config, io, values.out);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${errorText(e)}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof StoreOpenError) {
      io.err(`Cannot open the store: ${e.message.replace(/^Tandem cannot start: /, '')}\n`);
      return 1;
    }
    io.err(`tandem admin: ${errorText(e)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runAdmin(process.argv.slice(2));
}
