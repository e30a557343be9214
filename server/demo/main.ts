/**
 * `npm run demo`: seed a realistic synthetic organisation into a fresh data directory and start
 * the service on it, printing the dashboard URL and an HR token (made now, shown once).
 *
 *   npm run demo                      # ./data-demo (or TANDEM_DATA_DIR), must be empty or absent
 *   npm run demo -- --force           # replace the Tandem store already in that directory
 *
 * The service is the ordinary one (server/main.ts: PORT, HOST and the rest apply); stop it with
 * Ctrl-C. To start it again on the same data without re-seeding:
 * `TANDEM_DATA_DIR=./data-demo npm run serve` (the HR token printed here keeps working).
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { FILES, openLowdbStore } from '../storage/lowdb';
import { seedDemo } from './seed';

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--force');
  if (unknown.length) fail(`npm run demo: unknown argument ${unknown.join(' ')} (only --force is known).`);
  const force = args.includes('--force');
  if (process.env.DATABASE_URL) {
    fail('npm run demo seeds an embedded (lowdb) store; unset DATABASE_URL to run it.');
  }
  const dir = path.resolve(process.env.TANDEM_DATA_DIR || './data-demo');
  const present = await readdir(dir).catch(() => [] as string[]);
  if (present.length > 0) {
    const ours = new Set<string>([...Object.values(FILES), `${FILES.snapshot}.tmp`, `${FILES.journal}.tmp`]);
    const foreign = present.filter((f) => !ours.has(f));
    if (!force) {
      fail(
        `npm run demo: ${dir} is not empty. Run "npm run demo -- --force" to replace the Tandem store in it, ` +
          'or set TANDEM_DATA_DIR to a new directory.',
      );
    }
    if (foreign.length) {
      fail(
        `npm run demo: ${dir} holds files that are not a Tandem store (${foreign.slice(0, 3).join(', ')}); refusing.`,
      );
    }
    for (const f of present) await rm(path.join(dir, f), { force: true });
  }

  const store = await openLowdbStore(dir, { log: () => {} }).catch((e: unknown) =>
    fail(`npm run demo: cannot open ${dir} (${e instanceof Error ? e.message : String(e)}).`),
  );
  const seeded = await seedDemo(store, { today: new Date() });
  await store.close();

  process.env.TANDEM_DATA_DIR = dir;
  const host = process.env.HOST || '127.0.0.1';
  const port = process.env.PORT || '8787';
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const c = seeded.counts;
  // The service's own entry: it opens the store, listens and handles Ctrl-C.
  await import('../main');
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const lines = [
    '',
    '==================================================================',
    ' Tandem demo organisation',
    `   ${c.employees} people in ${seeded.org.departments.length} departments, ${c.managers} managers, ${c.cycles} cycles`,
    `   ${c.sessions} conversations, ${c.actionItems} action items, ${c.surveys} surveys, ${c.responses} answers`,
    `   data: ${dir}`,
    '',
    ` Dashboard:  ${base}/dashboard`,
    ' HR token (sign in with it; shown only now):',
    '',
    `   ${seeded.hrToken}`,
    '',
    ` A manager token (${seeded.manager.name}, for the extension; the dashboard refuses it):`,
    `   ${seeded.manager.token}`,
    '',
    ' Stop with Ctrl-C. Start again on the same data without re-seeding:',
    `   TANDEM_DATA_DIR=${path.relative(process.cwd(), dir) || '.'} npm run serve`,
    '==================================================================',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => fail(`npm run demo failed: ${e instanceof Error ? e.message : String(e)}`));
