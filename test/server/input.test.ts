// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON in these tests
/** Bad input: each is a clear 4xx and leaves the store exactly as it was. */
import { describe, expect, it } from 'vitest';
import { actionItem, ROSTER_HEADER, session, world } from './helpers';

describe('bad input', () => {
  it('malformed JSON is 400 invalid_json; nothing stored', async () => {
    const w = await world();
    const before = w.snapshot();
    for (const body of ['{"push":', '', 'nul', '{"a":1}}']) {
      const r = await w.call('POST', '/api/v1/sync', {
        token: w.A.token,
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(r.status, body).toBe(400);
      expect(r.body.error.code).toBe('invalid_json');
      expect(r.text).not.toMatch(/at .*\.ts|node_modules/);
    }
    expect(w.snapshot()).toBe(before);
  });

  it('wrong types and unknown fields are 400 with field paths; the whole push is refused', async () => {
    const w = await world();
    const before = w.snapshot();
    const good = session('a1');
    const bad = session('a1', {
      kind: 'chat',
      checklist: [1, 1],
      agenda: { causes: [{ category: 'luck', text: 'x' }] },
      surprise: true,
    });
    const r = await w.call('POST', '/api/v1/sync', {
      token: w.A.token,
      json: {
        push: {
          sessions: [
            { ...good, baseVersion: 0 },
            { ...bad, baseVersion: '0' },
          ],
        },
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_input');
    const paths = r.body.error.details.map((d: any) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'push.sessions.1.kind',
        'push.sessions.1.agenda.causes.0.category',
        'push.sessions.1.surprise',
        'push.sessions.1.baseVersion',
      ]),
    );
    for (const d of r.body.error.details) expect(Object.keys(d).sort()).toEqual(['message', 'path']);
    expect(w.snapshot()).toBe(before);
  });

  it('PUT of a session with a bad body: 400 with paths; If-Match that is not a number: 400', async () => {
    const w = await world();
    const before = w.snapshot();
    const s = session('a1', { status: 'done', startedAt: '2026-03-01 10:00' });
    const r = await w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.A.token, json: s });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: any) => d.path).sort()).toEqual(['startedAt', 'status']);
    const m = await w.call('PUT', `/api/v1/sessions/${s.id}`, {
      token: w.A.token,
      json: session('a1', { id: s.id }),
      headers: { 'if-match': 'yesterday' },
    });
    expect(m.status).toBe(400);
    const other = await w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.A.token, json: session('a1') });
    expect(other.status).toBe(400);
    expect(other.body.error.details[0].path).toBe('id');
    expect(w.snapshot()).toBe(before);
  });

  it('wrong content types are 415', async () => {
    const w = await world();
    const before = w.snapshot();
    const r1 = await w.call('POST', '/api/v1/sync', {
      token: w.A.token,
      body: '{}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(r1.status).toBe(415);
    expect(r1.body.error.code).toBe('unsupported_media_type');
    const r2 = await w.call('PUT', '/api/v1/employees', {
      token: w.hr,
      body: 'id,name',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r2.status).toBe(415);
    const r3 = await w.call('POST', '/api/v1/sync', { token: w.A.token, csv: 'a,b' });
    expect(r3.status).toBe(415);
    expect(w.snapshot()).toBe(before);
  });

  it('huge bodies are 413 (in-process; the socket tests cover chunked uploads)', async () => {
    const w = await world({ bodyLimitBytes: 2048 });
    const before = w.snapshot();
    const big = session('a1', { notes: 'x'.repeat(5000), baseVersion: 0 });
    const r = await w.call('POST', '/api/v1/sync', { token: w.A.token, json: { push: { sessions: [big] } } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
    expect(w.snapshot()).toBe(before);
  });

  it('unknown routes are JSON 404s', async () => {
    const w = await world();
    const r = await w.call('GET', '/api/v1/nothing-here', { token: w.A.token });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('query filters are validated', async () => {
    const w = await world();
    const r = await w.call('GET', '/api/v1/action-items?status=later&dueBefore=2026-02-30', {
      token: w.A.token,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: any) => d.path).sort()).toEqual(['dueBefore', 'status']);
  });
});

describe('roster import', () => {
  it('accepts UTF-8 with BOM, Excel quoting, Chinese names, CRLF; empty cells are null; updates count', async () => {
    const w = await world();
    const csv = `\uFEFF${ROSTER_HEADER}\r\nc1,"李四, Jr.",LI.SI@corp.example,"市场 ""增长""",a@corp.example,active,\r\nc2,王五,ww@corp.example,,,left,2026-02-01\r\na1,王小明,a1@corp.example,R&D,b@corp.example,active,\r\n`;
    const r = await w.call('PUT', '/api/v1/employees', { token: w.hr, csv });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ created: 2, updated: 1 });
    const all = await w.call('GET', '/api/v1/employees', { token: w.hr });
    const byId = Object.fromEntries(all.body.employees.map((e: any) => [e.id, e]));
    expect(byId.c1).toEqual({
      id: 'c1',
      name: '李四, Jr.',
      email: 'li.si@corp.example',
      department: '市场 "增长"',
      managerEmail: 'a@corp.example',
      status: 'active',
      leftOn: null,
    });
    expect(byId.c2).toMatchObject({ managerEmail: null, department: null, leftOn: '2026-02-01' });
    // a1 moved to B: now B's report.
    const b = await w.call('GET', '/api/v1/employees', { token: w.B.token });
    expect(b.body.employees.map((e: any) => e.id)).toEqual(['a1', 'b1']);
  });

  it('accepts a JSON array too', async () => {
    const w = await world();
    const r = await w.call('PUT', '/api/v1/employees', {
      token: w.hr,
      json: [{ id: 'j1', name: 'Jay', email: 'j1@corp.example', status: 'active', managerEmail: null }],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ created: 1, updated: 0 });
  });

  it('reports every bad line with line and column; stores nothing', async () => {
    const w = await world();
    const before = w.snapshot();
    const csv = [
      ROSTER_HEADER, // line 1
      'n1,Good,n1@corp.example,,,active,', // 2
      'n2,,not-an-email,,,active,', // 3: name and email
      'n3,Left Without Date,n3@corp.example,,,left,', // 4: leftOn
      '', // 5: an empty row, skipped but counted
      'n1,Dup Id,n4@corp.example,,,active,', // 6: duplicate id
      'n5,Dup Email,N1@corp.example,,,active,2026-13-01', // 7: duplicate email, bad date
      'n6,Short,n6@corp.example', // 8: too few cells
      'n7,Taken,a2@corp.example,,,active,', // 9: email of existing a2
      'n8,Bad status,n8@corp.example,,,gone,', // 10
    ].join('\n');
    const r = await w.call('PUT', '/api/v1/employees', { token: w.hr, csv });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_table');
    const r2 = r;
    expect(r2.body.error.details.map((d: any) => `${d.line}:${d.column}`)).toEqual([
      '3:email',
      '3:name',
      '4:leftOn',
      '6:id',
      '7:email',
      '7:leftOn',
      '8:null',
      '9:email',
      '10:status',
    ]);
    for (const d of r2.body.error.details) expect(d.message).toEqual(expect.any(String));
    expect(w.snapshot()).toBe(before);
  });

  it('CSV with broken quoting is a 400 naming the line; nothing stored', async () => {
    const w = await world();
    const before = w.snapshot();
    const csv = `${ROSTER_HEADER}\nq1,Fine,q1@corp.example,,,active,\nq2,"Unclosed,q2@corp.example,,,active,\nq3,Next,q3@corp.example,,,active,\n`;
    const r = await w.call('PUT', '/api/v1/employees', { token: w.hr, csv });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toHaveLength(1);
    expect(r.body.error.details[0]).toMatchObject({ line: 3 });
    expect(r.body.error.details[0].message).toMatch(/CSV syntax error.*quote/i);
    const csv2 = `${ROSTER_HEADER}\nq1,Fi"ne,q1@corp.example,,,active,\n`;
    const r2 = await w.call('PUT', '/api/v1/employees', { token: w.hr, csv: csv2 });
    expect(r2.status).toBe(400);
    expect(r2.body.error.details[0]).toMatchObject({ line: 2 });
    expect(w.snapshot()).toBe(before);
  });

  it('a header with unknown or missing columns is a 400 on line 1; non-UTF-8 bytes are a 400', async () => {
    const w = await world();
    const before = w.snapshot();
    const r = await w.call('PUT', '/api/v1/employees', { token: w.hr, csv: 'id,name,mail\nx,y,z' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.every((d: any) => d.line === 1)).toBe(true);
    const gbk = new Uint8Array([0x69, 0x64, 0x0a, 0xc0, 0xee, 0xcb, 0xc4]);
    const res = await w.app.request('/api/v1/employees', {
      method: 'PUT',
      headers: { authorization: `Bearer ${w.hr}`, 'content-type': 'text/csv' },
      body: gbk,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('invalid_encoding');
    expect(w.snapshot()).toBe(before);
  });

  it('a manager adding someone already in another team gets 409; own team member 409 too', async () => {
    const w = await world();
    const before = w.snapshot();
    const r = await w.call('POST', '/api/v1/employees', {
      token: w.A.token,
      json: { name: 'B1', email: 'b1@corp.example' },
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('email_taken');
    const r2 = await w.call('POST', '/api/v1/employees', {
      token: w.A.token,
      json: { name: 'A1', email: 'a1@corp.example' },
    });
    expect(r2.body.error.code).toBe('already_in_team');
    expect(w.snapshot()).toBe(before);
  });
});

describe('ratings and cycles', () => {
  it('imports ratings as CSV (decimals) or JSON, whole or nothing, unknown ids are line errors', async () => {
    const w = await world();
    const ok = await w.call('PUT', '/api/v1/ratings', {
      token: w.hr,
      csv: '\uFEFFemployeeId,cycleId,rating\na1,2026H1,3.5\nb1,2026H1,5\n',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toEqual({ created: 2, updated: 0 });
    const again = await w.call('PUT', '/api/v1/ratings', {
      token: w.hr,
      json: [{ employeeId: 'a1', cycleId: '2026H1', rating: 4 }],
    });
    expect(again.body).toEqual({ created: 0, updated: 1 });
    const before = w.snapshot();
    const bad = await w.call('PUT', '/api/v1/ratings', {
      token: w.hr,
      csv: 'employeeId,cycleId,rating\na1,2026H1,4\nzz,2026H1,3\na2,1999,2\na2,2026H1,six\nb1,2026H1,0\na1,2026H1,2\n',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => `${d.line}:${d.column}`)).toEqual([
      '3:employeeId',
      '4:cycleId',
      '5:rating',
      '6:rating',
      '7:employeeId',
    ]);
    expect(w.snapshot()).toBe(before);
  });

  it('cycles: a bad cycle is 400, a good one lists in start order', async () => {
    const w = await world();
    const bad = await w.call('PUT', '/api/v1/cycles/x', {
      token: w.hr,
      json: { name: 'X', startsOn: '2026-07-01', endsOn: '2026-01-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('endsOn');
    await w.call('PUT', '/api/v1/cycles/2025H2', {
      token: w.hr,
      json: { name: 'H2', startsOn: '2025-07-01', endsOn: '2025-12-31' },
    });
    const list = await w.call('GET', '/api/v1/cycles', { token: w.A.token });
    expect(list.body.cycles.map((c: any) => c.id)).toEqual(['2025H2', '2026H1']);
    const upd = await w.call('PUT', '/api/v1/cycles/2025H2', {
      token: w.hr,
      json: { name: 'H2b', startsOn: '2025-07-01', endsOn: '2025-12-31' },
    });
    expect(upd.status).toBe(200);
  });
});

describe('action items REST', () => {
  it('filters by status and dueBefore, versions with If-Match', async () => {
    const w = await world();
    const s = session('a1');
    expect((await w.call('PUT', `/api/v1/sessions/${s.id}`, { token: w.A.token, json: s })).status).toBe(201);
    const i1 = actionItem(s.id, { dueOn: '2026-03-10' });
    const i2 = actionItem(s.id, { dueOn: '2026-04-10', status: 'done' });
    for (const i of [i1, i2])
      expect(
        (await w.call('PUT', `/api/v1/action-items/${i.id}`, { token: w.A.token, json: i })).status,
      ).toBe(201);
    const due = await w.call('GET', '/api/v1/action-items?dueBefore=2026-04-01', { token: w.A.token });
    expect(due.body.actionItems.map((a: any) => a.id)).toEqual([i1.id]);
    const done = await w.call('GET', '/api/v1/action-items?status=done', { token: w.hr });
    expect(done.body.actionItems.map((a: any) => a.id)).toEqual([i2.id]);
    const edit = await w.call('PUT', `/api/v1/action-items/${i1.id}`, {
      token: w.A.token,
      json: { ...i1, status: 'done' },
      headers: { 'if-match': '"1"' },
    });
    expect(edit.status).toBe(200);
    expect(edit.headers.get('etag')).toBe('"2"');
    const stale = await w.call('PUT', `/api/v1/action-items/${i1.id}`, {
      token: w.A.token,
      json: { ...i1, title: 'Other' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.server).toMatchObject({ id: i1.id, status: 'done', version: 2 });
    const del = await w.call('DELETE', `/api/v1/action-items/${i1.id}`, {
      token: w.A.token,
      headers: { 'if-match': '1' },
    });
    expect(del.status).toBe(409);
    const del2 = await w.call('DELETE', `/api/v1/action-items/${i1.id}`, {
      token: w.A.token,
      headers: { 'if-match': '2' },
    });
    expect(del2.status).toBe(200);
    expect((await w.call('GET', `/api/v1/action-items/${i1.id}`, { token: w.A.token })).status).toBe(404);
    expect((await w.call('DELETE', `/api/v1/action-items/${i1.id}`, { token: w.A.token })).status).toBe(404);
  });
});
