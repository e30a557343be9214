/**
 * The service's process entry (`npm start`): read the environment, open the store, create the
 * first HR user on an empty store, serve the Hono app, and shut down cleanly on SIGINT/SIGTERM
 * (stop accepting, let requests in flight finish for a bounded time, close the store, exit 0).
 * Any startup problem (bad environment, data directory locked or damaged, database unreachable or
 * refusing the login, port taken) is one clear paragraph on stderr and exit code 1.
 *
 * Storage: PostgreSQL when `DATABASE_URL` is set (tables in `TANDEM_PG_SCHEMA`, default `public`;
 * migrations run at start under an advisory lock, so several instances may start at once and
 * share the database), otherwise lowdb in `TANDEM_DATA_DIR` (one process per directory).
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { bootstrap } from './auth/bootstrap';
import { loadConfig, type ServiceConfig } from './config';
import { openChosenStore, StoreOpenError } from './storage/open';
import type { Store } from './storage/types';

/** How long requests in flight may take to finish once a shutdown started. */
const SHUTDOWN_GRACE_MS = 10_000;

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function openStore(config: ServiceConfig): Promise<Store> {
  try {
    return await openChosenStore(config);
  } catch (e) {
    if (e instanceof StoreOpenError) {
      // The lowdb messages already start with "Tandem cannot start"; the others say what failed.
      fail(e.message.startsWith('Tandem cannot start') ? e.message : `Tandem cannot start: ${e.message}`);
    }
    fail(`Tandem cannot start: the store could not be opened (${errorText(e)}).`);
  }
}

function extensionBuild(): string | null {
  const candidates = [
    fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url)),
    `${process.cwd()}/.output/chrome-mv3`,
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

async function main(): Promise<void> {
  let config: ServiceConfig;
  try {
    config = loadConfig();
  } catch (e) {
    fail(`Tandem cannot start: ${errorText(e)}\nFix these environment variables and start again.`);
  }

  const store = await openStore(config);
  const clock = () => new Date();

  let boot: Awaited<ReturnType<typeof bootstrap>>;
  try {
    boot = await bootstrap(store, { token: config.bootstrapToken, clock });
  } catch (e) {
    await store.close().catch(() => {});
    fail(`Tandem cannot start: creating the first HR user failed (${errorText(e)}).`);
  }

  const app = createApp({ store, clock, config: config.app });
  let shuttingDown = false;

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    const lines = [
      `Tandem ${config.app.version} listening on http://${host}:${info.port}`,
      store.kind === 'postgres'
        ? `Storage: postgres at ${store.location} (schema ${config.pgSchema})`
        : `Storage: lowdb at ${store.location}`,
    ];
    const ext = extensionBuild();
    if (ext) lines.push(`Extension build: ${ext} (load it unpacked in chrome://extensions)`);
    if (boot.created && boot.token) {
      lines.push(
        '',
        '==================================================================',
        ' First start: an HR user was created (hr@tandem.local).',
        ' Its token is shown only once. Store it now; it cannot be shown again:',
        '',
        `   ${boot.token}`,
        '',
        '==================================================================',
      );
    } else if (boot.created) {
      lines.push('First start: an HR user was created with the token from TANDEM_BOOTSTRAP_TOKEN.');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }) as Server;

  server.on('error', (e: NodeJS.ErrnoException) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const why =
      e.code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use (set PORT to another port, or stop the other service)`
        : e.code === 'EACCES'
          ? `it may not listen on ${config.host}:${config.port} (ports below 1024 need privileges; set PORT)`
          : errorText(e);
    void store.close().finally(() => fail(`Tandem cannot start: ${why}.`));
  });

  const shutdown = (signal: string) => {
    if (shuttingDown) {
      // A second signal: leave now. Every acknowledged write is already on disk.
      process.stderr.write(`Tandem: ${signal} again, exiting without waiting.\n`);
      process.exit(1);
    }
    shuttingDown = true;
    process.stdout.write(`Tandem: ${signal} received, finishing requests in flight…\n`);
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      store.close().then(
        () => {
          process.stdout.write('Tandem: stopped; every acknowledged write is saved.\n');
          process.exit(0);
        },
        (e: unknown) => {
          process.stderr.write(`Tandem: closing the store failed (${errorText(e)}).\n`);
          process.exit(1);
        },
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => fail(`Tandem cannot start: ${errorText(e)}`));
