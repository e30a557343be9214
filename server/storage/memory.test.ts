/** The in-memory core's transaction rules, with a `persist` the test controls. */
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type Op } from './memory';

type Pending = { ops: Op[]; lsn: number; resolve: () => void; reject: (e: unknown) => void };

function controlled() {
  const calls: Pending[] = [];
  const store = createMemoryStore({
    persist: (ops, _seq, lsn) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ ops, lsn, resolve, reject });
      }),
  });
  return { store, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('memory store core', () => {
  it('works with no arguments (routes tests use it so)', async () => {
    const store = createMemoryStore();
    await store.write(async (tx) => tx.put('settings', { id: 'a', value: 1 }));
    expect(await store.read((tx) => tx.get('settings', 'a'))).toEqual({ id: 'a', value: 1 });
    await store.close();
    await expect(store.write(async () => 1)).rejects.toThrow(/closed/);
  });

  it('acknowledges a write and shows it to reads only once it is durable', async () => {
    const { store, calls } = controlled();
    let acked = false;
    const w = store
      .write(async (tx) => tx.put('settings', { id: 'a', value: 1 }))
      .then(() => {
        acked = true;
      });
    await tick();
    expect(calls).toHaveLength(1);
    expect(acked).toBe(false);
    expect(await store.read((tx) => tx.get('settings', 'a'))).toBeUndefined();
    calls[0]!.resolve();
    await w;
    expect(acked).toBe(true);
    expect(await store.read((tx) => tx.get('settings', 'a'))).toEqual({ id: 'a', value: 1 });
  });

  it('lets the next writer build on a pending one (group commit) and acknowledges in commit order', async () => {
    const { store, calls } = controlled();
    const order: number[] = [];
    const w1 = store.write(async (tx) => {
      await tx.put('settings', { id: 'n', value: 1 });
      return tx.nextSeq();
    });
    const w2 = store.write(async (tx) => {
      const prev = await tx.get('settings', 'n');
      await tx.put('settings', { id: 'n', value: (prev?.value as number) + 1 });
      return tx.nextSeq();
    });
    void w1.then(() => order.push(1));
    void w2.then(() => order.push(2));
    await tick();
    expect(calls.map((c) => c.lsn)).toEqual([1, 2]); // both queued while neither is durable
    calls[1]!.resolve(); // the later one's fsync finishing first still waits for the earlier
    await tick();
    expect(order).toEqual([]);
    calls[0]!.resolve();
    expect(await w1).toBe(1);
    expect(await w2).toBe(2);
    expect(order).toEqual([1, 2]);
    expect(await store.read((tx) => tx.get('settings', 'n'))).toEqual({ id: 'n', value: 2 });
  });

  it('a write that changed nothing waits for what it could have seen', async () => {
    const { store, calls } = controlled();
    const w1 = store.write(async (tx) => tx.put('settings', { id: 'a', value: 1 }));
    let seen: unknown;
    let done = false;
    const w2 = store
      .write(async (tx) => {
        seen = await tx.get('settings', 'a');
      })
      .then(() => {
        done = true;
      });
    await tick();
    expect(seen).toEqual({ id: 'a', value: 1 });
    expect(done).toBe(false);
    calls[0]!.resolve();
    await Promise.all([w1, w2]);
    expect(done).toBe(true);
  });

  it('a failed persist fails every waiting write and refuses further writes; reads go on', async () => {
    const { store, calls } = controlled();
    await Promise.all([
      store.write(async (tx) => tx.put('settings', { id: 'ok', value: 0 })),
      (async () => {
        await tick();
        calls[0]!.resolve();
      })(),
    ]);
    const w1 = store.write(async (tx) => tx.put('settings', { id: 'a', value: 1 }));
    const w2 = store.write(async (tx) => tx.put('settings', { id: 'b', value: 2 }));
    await tick();
    calls[1]!.reject(new Error('EIO: fsync failed'));
    await expect(w1).rejects.toThrow(/EIO: fsync failed.*refuses further writes/);
    await expect(w2).rejects.toThrow(/refuses further writes/);
    await expect(store.write(async (tx) => tx.put('settings', { id: 'c', value: 3 }))).rejects.toThrow(
      /refuses further writes/,
    );
    expect(await store.read((tx) => tx.find('settings'))).toEqual([{ id: 'ok', value: 0 }]);
    expect(store.failure()).toBeInstanceOf(Error);
  });

  it('a read is one snapshot even when writes become durable while it runs', async () => {
    const store = createMemoryStore();
    for (let i = 0; i < 5; i++) {
      await store.write(async (tx) => {
        const seq = await tx.nextSeq();
        await tx.put('sessions', { id: `s${i}`, seq, ownerId: 'u' } as never);
      });
    }
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const reading = store.read(async (tx) => {
      const before = await tx.currentSeq();
      const first = (await tx.find('sessions')).length;
      await gate;
      return {
        before,
        first,
        after: await tx.currentSeq(),
        rows: (await tx.find('sessions')).length,
        changes: (await tx.changes('sessions', 0)).map((s) => s.seq),
        s0: await tx.get('sessions', 's0'),
        s9: await tx.get('sessions', 's9'),
      };
    });
    await tick();
    await store.write(async (tx) => {
      await tx.remove('sessions', 's0');
      const seq = await tx.nextSeq();
      await tx.put('sessions', { id: 's9', seq, ownerId: 'u' } as never);
      await tx.put('sessions', { id: 's1', seq, ownerId: 'u', changed: true } as never);
    });
    release();
    const r = await reading;
    expect(r).toMatchObject({
      before: 5,
      first: 5,
      after: 5,
      rows: 5,
      changes: [1, 2, 3, 4, 5],
      s9: undefined,
    });
    expect(r.s0).toMatchObject({ id: 's0' });
    // A new read sees the new state.
    const now = await store.read(async (tx) => ({
      seq: await tx.currentSeq(),
      ids: (await tx.find('sessions')).map((s) => s.id).sort(),
    }));
    expect(now).toEqual({ seq: 6, ids: ['s1', 's2', 's3', 's4', 's9'] });
  });

  it('stores rows as JSON would give them back', async () => {
    const store = createMemoryStore();
    await store.write(async (tx) =>
      tx.put('settings', { id: 'j', value: { when: new Date(0), gone: undefined, n: 1 } }),
    );
    expect(await store.read((tx) => tx.get('settings', 'j'))).toEqual({
      id: 'j',
      value: { when: '1970-01-01T00:00:00.000Z', n: 1 },
    });
  });

  it('a throwing transaction stores nothing', async () => {
    const store = createMemoryStore();
    await expect(
      store.write(async (tx) => {
        await tx.put('settings', { id: 'x', value: 1 });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await store.read((tx) => tx.find('settings'))).toEqual([]);
    expect(store.state.lsn).toBe(0);
  });
});
