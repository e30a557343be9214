/**
 * Child process of the crash test (crash.test.ts): opens the lowdb store in the directory given
 * as the first argument and writes from several concurrent "clients" until it is killed, printing
 * `ack <id>` only after `write()` resolved. Each transaction puts a session and its action item
 * (so a test can check atomicity) and bumps a per-client counter row.
 *
 * Usage: node --import tsx server/storage/crash-worker.ts DIR [clients] [compactAtBytes]
 */
import { openLowdbStore } from './lowdb';
import type { StoredActionItem, StoredSession } from './types';

const [dir, clientsArg, compactArg] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: crash-worker.ts DIR [clients] [compactAtBytes]\n');
  process.exit(2);
}
const clients = Number(clientsArg ?? 8);
const compactAtBytes = Number(compactArg ?? 256 * 1024);

const store = await openLowdbStore(dir, { compactAtBytes, log: (m) => process.stderr.write(`${m}\n`) });
const run = `${process.pid}-${Date.now().toString(36)}`;
const filler = 'x'.repeat(400);
process.stdout.write(`ready ${run}\n`);

async function client(k: number): Promise<void> {
  for (let i = 0; ; i++) {
    const id = `${run}-c${k}-${i}`;
    await store.write(async (tx) => {
      const seq = await tx.nextSeq();
      const now = new Date().toISOString();
      const session = {
        id,
        employeeId: `e${k}`,
        cycleId: 'c1',
        kind: 'coaching',
        status: 'planned',
        notes: filler,
        version: 1,
        updatedAt: now,
        seq,
        ownerId: `owner-${k}`,
      } as StoredSession;
      await tx.put('sessions', session);
      const item = {
        id: `${id}-a`,
        sessionId: id,
        title: 'follow up',
        owner: 'employee',
        status: 'open',
        version: 1,
        updatedAt: now,
        seq: await tx.nextSeq(),
        ownerId: `owner-${k}`,
      } as StoredActionItem;
      await tx.put('actionItems', item);
      await tx.put('settings', { id: `counter-${run}-${k}`, value: i });
      if (i > 0 && i % 7 === 0) await tx.remove('settings', `gone-${run}-${k}`);
      else await tx.put('settings', { id: `gone-${run}-${k}`, value: i });
    });
    process.stdout.write(`ack ${id}\n`);
  }
}

async function reader(): Promise<void> {
  for (;;) {
    await store.read(async (tx) => {
      const seq = await tx.currentSeq();
      const rows = await tx.changes('sessions', Math.max(0, seq - 20));
      for (const r of rows) if (r.seq > seq) throw new Error('a read saw a change after its own seq');
    });
    await new Promise((r) => setTimeout(r, 1));
  }
}

await Promise.all([...Array.from({ length: clients }, (_, k) => client(k)), reader()]);
