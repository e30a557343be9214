// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** POST /api/v1/sync through the app: idempotency, conflicts, tombstones, cursors, ownership, consistency. */
import { describe, expect, it } from 'vitest';
import { actionItem, session, world } from './helpers';

type W = Awaited<ReturnType<typeof world>>;
const sync = (w: W, token: string, body: unknown) => w.call('POST', '/api/v1/sync', { token, json: body });

describe('sync', () => {
  it('a retried push with clientId+pushId returns the stored results and applies nothing', async () => {
    const w = await world();
    const s = session('a1');
    const body = { clientId: 'laptop', pushId: 'push-1', push: { sessions: [{ ...s, baseVersion: 0 }] } };
    const first = await sync(w, w.A.token, body);
    expect(first.body.results).toEqual([{ type: 'session', id: s.id, status: 'applied', version: 1 }]);
    const seq = w.store.state.seq;
    const again = await sync(w, w.A.token, body);
    expect(again.body.results).toEqual(first.body.results);
    expect(w.store.state.seq).toBe(seq);
    expect(w.store.state.collections.sessions.get(s.id)!.version).toBe(1);
    // Another manager replaying the same pushId is a different push (ids are per user).
    // (a1 is not B's report, so B's copy is refused as a bad reference, not answered from A's push.)
    const b = await sync(w, w.B.token, body);
    expect(b.body.error.code).toBe('invalid_reference');
  });

  it('a pushId retry gets its first answer even after another device moved the record on', async () => {
    const w = await world();
    const s = session('a1', { notes: 'v1' });
    const body = { clientId: 'laptop', pushId: '7', push: { sessions: [{ ...s, baseVersion: 0 }] } };
    expect((await sync(w, w.A.token, body)).body.results[0]).toMatchObject({ status: 'applied', version: 1 });
    await sync(w, w.A.token, {
      clientId: 'phone',
      pushId: '1',
      push: { sessions: [{ ...s, notes: 'phone', baseVersion: 1 }] },
    });
    const before = w.snapshot();
    const retry = await sync(w, w.A.token, body);
    expect(retry.body.results).toEqual([{ type: 'session', id: s.id, status: 'applied', version: 1 }]);
    expect(retry.body.pull.sessions[0]).toMatchObject({ notes: 'phone', version: 2 });
    expect(w.snapshot()).toBe(before);
    // Without the pushId the same bytes are (rightly) a conflict: the record moved on.
    const bare = await sync(w, w.A.token, { push: body.push });
    expect(bare.body.results[0]).toMatchObject({ status: 'conflict', version: 2 });
  });

  it('a retried push without pushId is recognised by content and answered applied once', async () => {
    const w = await world();
    const s = session('a1', { notes: 'v1' });
    await sync(w, w.A.token, { push: { sessions: [{ ...s, baseVersion: 0 }] } });
    const edit = { push: { sessions: [{ ...s, notes: 'v2', baseVersion: 1 }] } };
    const r1 = await sync(w, w.A.token, edit);
    const seq = w.store.state.seq;
    const r2 = await sync(w, w.A.token, edit);
    expect(r1.body.results[0]).toMatchObject({ status: 'applied', version: 2 });
    expect(r2.body.results[0]).toEqual({ type: 'session', id: s.id, status: 'applied', version: 2 });
    expect(w.store.state.seq).toBe(seq);
  });

  it('two devices pushing from the same baseVersion: one applied, the other a conflict with the server text; both survive', async () => {
    const w = await world();
    const s = session('a1', { notes: 'base' });
    await sync(w, w.A.token, { push: { sessions: [{ ...s, baseVersion: 0 }] } });
    const one = await sync(w, w.A.token, {
      clientId: 'laptop',
      pushId: '1',
      push: { sessions: [{ ...s, notes: 'laptop', baseVersion: 1 }] },
    });
    const two = await sync(w, w.A.token, {
      clientId: 'phone',
      pushId: '1',
      push: { sessions: [{ ...s, notes: 'phone', privateNotes: 'p', baseVersion: 1 }] },
    });
    expect(one.body.results[0]).toMatchObject({ status: 'applied', version: 2 });
    expect(two.body.results[0]).toMatchObject({
      status: 'conflict',
      version: 2,
      server: { id: s.id, notes: 'laptop', version: 2 },
    });
    expect(w.store.state.collections.sessions.get(s.id)!.notes).toBe('laptop');
    // The phone resolves by merging and pushing on top of version 2.
    const resolved = await sync(w, w.A.token, {
      push: { sessions: [{ ...s, notes: 'laptop + phone', baseVersion: 2 }] },
    });
    expect(resolved.body.results[0]).toMatchObject({ status: 'applied', version: 3 });
  });

  it('deletes become tombstones; a session delete tombstones its action items; tombstones read as 404', async () => {
    const w = await world();
    const s = session('a1', { privateNotes: 'gone soon' });
    const i = actionItem(s.id);
    const start = await sync(w, w.A.token, {
      push: { sessions: [{ ...s, baseVersion: 0 }], actionItems: [{ ...i, baseVersion: 0 }] },
    });
    const cursor = start.body.cursor;
    const del = await sync(w, w.A.token, {
      cursor,
      push: { deletes: [{ type: 'session', id: s.id, baseVersion: 1 }] },
    });
    expect(del.body.results).toEqual([{ type: 'session', id: s.id, status: 'applied', version: 2 }]);
    expect(del.body.pull.deletes).toEqual(
      expect.arrayContaining([
        { type: 'session', id: s.id, version: 2 },
        { type: 'actionItem', id: i.id, version: 2 },
      ]),
    );
    expect(del.body.pull.sessions).toEqual([]);
    const stored = w.store.state.collections.sessions.get(s.id)!;
    expect(stored).toMatchObject({
      id: s.id,
      deleted: true,
      version: 2,
      ownerId: w.A.user.id,
      employeeId: 'a1',
    });
    expect(stored).not.toHaveProperty('privateNotes');
    expect(w.store.state.collections.actionItems.get(i.id)).toMatchObject({ deleted: true, sessionId: s.id });
    expect((await w.call('GET', `/api/v1/sessions/${s.id}`, { token: w.A.token })).status).toBe(404);
    expect((await w.call('GET', `/api/v1/sessions/${s.id}`, { token: w.hr })).status).toBe(404);
    expect((await w.call('GET', `/api/v1/action-items/${i.id}`, { token: w.A.token })).status).toBe(404);
    // A snapshot has no tombstones; an edit against the tombstone is a conflict with server null.
    const snap = await sync(w, w.A.token, {});
    expect(snap.body.pull).toMatchObject({ sessions: [], actionItems: [], deletes: [] });
    const late = await sync(w, w.A.token, { push: { sessions: [{ ...s, notes: 'late', baseVersion: 1 }] } });
    expect(late.body.results[0]).toMatchObject({ status: 'conflict', version: 2, server: null });
    // A repeated delete is applied (idempotent), no new change.
    const seq = w.store.state.seq;
    const again = await sync(w, w.A.token, {
      push: { deletes: [{ type: 'session', id: s.id, baseVersion: 1 }] },
    });
    expect(again.body.results[0]).toMatchObject({ status: 'applied', version: 2 });
    expect(w.store.state.seq).toBe(seq);
  });

  it('REST DELETE of a session tombstones it and its items the same way', async () => {
    const w = await world();
    const s = session('a1');
    const i = actionItem(s.id);
    await sync(w, w.A.token, {
      push: { sessions: [{ ...s, baseVersion: 0 }], actionItems: [{ ...i, baseVersion: 0 }] },
    });
    const r = await w.call('DELETE', `/api/v1/sessions/${s.id}`, { token: w.A.token });
    expect(r.body).toEqual({ id: s.id, version: 2, deleted: true });
    expect(w.store.state.collections.actionItems.get(i.id)!.deleted).toBe(true);
  });

  it('cursor semantics: none, valid, foreign, future, malformed', async () => {
    const w = await world();
    const s1 = session('a1');
    const first = await sync(w, w.A.token, { push: { sessions: [{ ...s1, baseVersion: 0 }] } });
    const c1 = first.body.cursor as string;
    // The seq after the world's roster and cycle writes, plus the one session.
    const base = (await w.store.read((tx) => tx.currentSeq())) - 1;
    expect(c1).toBe(`${w.store.storeId}.${base + 1}`);
    const s2 = session('a2');
    await sync(w, w.B.token, { push: { sessions: [{ ...session('b1'), baseVersion: 0 }] } });
    await sync(w, w.A.token, { push: { sessions: [{ ...s2, baseVersion: 0 }] } });
    const since = await sync(w, w.A.token, { cursor: c1 });
    expect(since.body.pull.sessions.map((x: any) => x.id)).toEqual([s2.id]);
    const snapshot = await sync(w, w.A.token, { cursor: null });
    expect(snapshot.body.pull.sessions.map((x: any) => x.id).sort()).toEqual([s1.id, s2.id].sort());
    const before = w.snapshot();
    const bad = [
      `00000000-0000-4000-8000-000000000000.1`,
      `${w.store.storeId}.999`,
      'garbage',
      `${w.store.storeId}.-1`,
      `${w.store.storeId}.01`,
      `${w.store.storeId}`,
    ];
    for (const cursor of bad) {
      const r = await sync(w, w.A.token, {
        cursor,
        push: { sessions: [{ ...session('a1'), baseVersion: 0 }] },
      });
      expect(r.status, cursor).toBe(400);
      expect(r.body.error.code).toBe('invalid_cursor');
      expect(r.body.error.message.length).toBeGreaterThan(20);
    }
    expect(w.snapshot()).toBe(before);
  });

  it('a pushed id owned by another manager is rejected and never overwritten', async () => {
    const w = await world();
    const s = session('a1', { notes: "A's" });
    await sync(w, w.A.token, { push: { sessions: [{ ...s, baseVersion: 0 }] } });
    const item = actionItem(s.id);
    await sync(w, w.A.token, { push: { actionItems: [{ ...item, baseVersion: 0 }] } });
    const before = w.snapshot();
    const r = await sync(w, w.B.token, {
      push: {
        sessions: [{ ...s, employeeId: 'b1', notes: "B's", baseVersion: 1 }],
        actionItems: [
          { ...item, title: 'hijack', baseVersion: 1 },
          { ...actionItem(s.id), baseVersion: 0 },
        ],
        deletes: [{ type: 'session', id: s.id, baseVersion: 1 }],
      },
    });
    // Another manager's session is, to B, no session at all: items naming it are bad references.
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_reference');
    expect(r.body.error.details.map((d: any) => [d.path, d.record.id])).toEqual([
      ['push.actionItems.0.sessionId', item.id],
      ['push.actionItems.1.sessionId', r.body.error.details[1].record.id],
    ]);
    expect(JSON.stringify(r.body)).not.toContain("A's");
    expect(w.snapshot()).toBe(before);
    const rest = await sync(w, w.B.token, {
      push: {
        sessions: [{ ...s, employeeId: 'b1', notes: "B's", baseVersion: 1 }],
        deletes: [{ type: 'session', id: s.id, baseVersion: 1 }],
      },
    });
    expect(rest.status).toBe(200);
    expect(rest.body.results.map((x: any) => [x.status, x.error?.code])).toEqual([
      ['rejected', 'not_owner'],
      ['rejected', 'not_owner'],
    ]);
    expect(JSON.stringify(rest.body)).not.toContain("A's");
    expect(w.snapshot()).toBe(before);
    // A session for someone outside the caller's team names no one B may see: 400, nothing stored.
    const foreign = await sync(w, w.B.token, { push: { sessions: [{ ...session('a2'), baseVersion: 0 }] } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toEqual([
      expect.objectContaining({
        path: 'push.sessions.0.employeeId',
        record: expect.objectContaining({ type: 'session' }),
      }),
    ]);
    expect(w.snapshot()).toBe(before);
  });

  it('private notes sync back to their owner only', async () => {
    const w = await world();
    const s = session('a1', { privateNotes: '只给自己看' });
    const r = await sync(w, w.A.token, { push: { sessions: [{ ...s, baseVersion: 0 }] } });
    expect(r.body.pull.sessions[0].privateNotes).toBe('只给自己看');
    const hr = await w.call('GET', '/api/v1/sessions', { token: w.hr });
    expect(hr.text).not.toContain('只给自己看');
    const b = await sync(w, w.B.token, {});
    expect(b.text).not.toContain('只给自己看');
  });

  it('the server sets version, updatedAt, ownerId and seq; client values are ignored; nothing leaks', async () => {
    const w = await world();
    const s = session('a1', { version: 42, updatedAt: '2000-01-01T00:00:00Z' });
    const r = await sync(w, w.A.token, { push: { sessions: [{ ...s, baseVersion: 0 }] } });
    expect(r.body.pull.sessions[0]).toMatchObject({ version: 1, updatedAt: '2026-03-02T09:00:00.000Z' });
    for (const k of ['seq', 'ownerId', 'deleted', 'baseVersion'])
      expect(r.body.pull.sessions[0]).not.toHaveProperty(k);
  });

  it('a puller never skips a change while another client pushes', async () => {
    const w = await world();
    const ids = Array.from({ length: 6 }, () => session(Math.random() < 0.5 ? 'a1' : 'a2'));
    const versions = new Map<string, number>();
    const pusher = async () => {
      for (let n = 0; n < 120; n++) {
        const s = ids[n % ids.length]!;
        const base = versions.get(s.id) ?? 0;
        const del = n % 17 === 16 && base > 0;
        const push = del
          ? { deletes: [{ type: 'session', id: s.id, baseVersion: base }] }
          : { sessions: [{ ...s, notes: `edit ${n}`, baseVersion: base }] };
        const r = await sync(w, w.A.token, { push });
        const res = r.body.results[0];
        if (res.status === 'conflict') versions.set(s.id, res.version);
        else versions.set(s.id, del ? 0 : res.version);
        if (del) {
          // Recreating a deleted id conflicts with its tombstone; use a fresh id from now on.
          ids[n % ids.length] = session(s.employeeId);
        }
      }
    };
    const replica = new Map<string, { version: number; notes?: string }>();
    let cursor: string | undefined;
    let done = false;
    let pulls = 0;
    const apply = (body: any) => {
      for (const s of body.pull.sessions) {
        const had = replica.get(s.id);
        expect(had === undefined || had.version < s.version).toBe(true);
        replica.set(s.id, { version: s.version, notes: s.notes });
      }
      for (const d of body.pull.deletes) replica.delete(d.id);
      cursor = body.cursor;
    };
    const puller = async () => {
      while (!done) {
        apply((await sync(w, w.A.token, cursor ? { cursor } : {})).body);
        pulls++;
      }
      apply((await sync(w, w.A.token, { cursor })).body);
    };
    const p = puller();
    await pusher();
    done = true;
    await p;
    expect(pulls).toBeGreaterThan(5);
    const server = new Map(
      [...w.store.state.collections.sessions.values()]
        .filter((s) => !s.deleted)
        .map((s) => [s.id, { version: s.version, notes: s.notes ?? undefined }]),
    );
    expect(Object.fromEntries(replica)).toEqual(Object.fromEntries(server));
  });
});
