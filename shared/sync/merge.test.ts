import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bothTexts, getPath, mergeList, mergeRecords, resolveConflicts, sameValue, setPath } from './merge';
import { formatSections, parseSections, sectionBody, setSection } from './notes';

const base = {
  id: 's1',
  employeeId: 'e1',
  cycleId: 'c1',
  kind: 'review',
  status: 'planned',
  mainGoal: 'Agree the rating',
  agenda: { strengths: 'Shipped X', gaps: null as string | null, questions: ['What went well?'] },
  notes: '## Facts {#facts}\nThree launches\n\n## Key points {#keyPoints}\nOn track',
  checklist: [1, 2],
  version: 3,
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('notes sections', () => {
  it('round-trips and keeps text before the first heading', () => {
    const text = 'loose line\n\n## Facts {#facts}\nA\nB\n\n## Plan {#plan}\nC';
    const s = parseSections(text);
    expect(s.map((x) => x.id)).toEqual(['_', 'facts', 'plan']);
    expect(formatSections(s)).toBe(text);
    expect(sectionBody(text, 'facts')).toBe('A\nB');
  });

  it('sets, adds and removes sections', () => {
    let t = setSection(null, 'facts', 'Facts', 'one');
    t = setSection(t, 'plan', 'Plan', 'two');
    expect(t).toBe('## Facts {#facts}\none\n\n## Plan {#plan}\ntwo');
    t = setSection(t, 'facts', 'Facts', '');
    expect(t).toBe('## Plan {#plan}\ntwo');
    expect(setSection(t, 'x', 'X', '', true)).toContain('{#x}');
  });

  it('keeps arbitrary body text intact', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (raw) => {
        const body = raw.replace(/^#+/gm, '').trim();
        const text = setSection(null, 'facts', 'Facts', body);
        expect(sectionBody(text, 'facts')).toBe(
          body.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/(?:\r?\n[ \t]*)+$/, ''),
        );
      }),
    );
  });

  // A backward scan, not a trailing regex (which was quadratic here); asserted by result only.
  it('trims blank lines even when many come before the text ends', () => {
    const body = `a${'\n '.repeat(50_000)}b${'\r\n\t'.repeat(50_000)}`;
    const text = setSection(null, 'facts', 'Facts', body);
    expect(sectionBody(text, 'facts')).toBe(`a${'\n '.repeat(50_000)}b`);
  });
});

describe('mergeRecords', () => {
  it('takes fields only one side changed, from both sides', () => {
    const local = { ...base, mainGoal: 'Agree the rating and the plan', checklist: [1, 2, 3] };
    const server = { ...base, status: 'held', agenda: { ...base.agenda, gaps: 'Late reports' }, version: 4 };
    const { merged, conflicts } = mergeRecords(base, local, server);
    expect(conflicts).toEqual([]);
    expect(merged.mainGoal).toBe('Agree the rating and the plan');
    expect(merged.status).toBe('held');
    expect(merged.agenda).toEqual({
      strengths: 'Shipped X',
      gaps: 'Late reports',
      questions: ['What went well?'],
    });
    expect(merged.checklist).toEqual([1, 2, 3]);
    expect(merged.version).toBe(4);
  });

  it('merges notes per section and reports a clash in one section only', () => {
    const local = { ...base, notes: setSection(base.notes, 'keyPoints', 'Key points', 'Mine') };
    const server = {
      ...base,
      notes: setSection(
        setSection(base.notes, 'keyPoints', 'Key points', 'Theirs'),
        'facts',
        'Facts',
        'Four launches',
      ),
    };
    const { merged, conflicts } = mergeRecords(base, local, server);
    expect(conflicts).toEqual([
      { path: 'notes#keyPoints', base: 'On track', local: 'Mine', server: 'Theirs' },
    ]);
    expect(sectionBody(merged.notes, 'facts')).toBe('Four launches');
    expect(sectionBody(merged.notes, 'keyPoints')).toBe('Mine');
    const resolved = resolveConflicts(merged, conflicts, { 'notes#keyPoints': { pick: 'both' } });
    expect(sectionBody(resolved.notes, 'keyPoints')).toBe('Mine\n\nTheirs');
  });

  it('merges lists as sets', () => {
    expect(mergeList([1, 2], [1, 2, 3], [2, 5])).toEqual([2, 3, 5]);
    expect(mergeList(['a', 'b'], ['a'], ['a', 'b', 'c'])).toEqual(['a', 'c']);
    const local = { ...base, agenda: { ...base.agenda, questions: ['What went well?', 'Mine?'] } };
    const server = { ...base, agenda: { ...base.agenda, questions: ['What went well?', 'Theirs?'] } };
    expect(mergeRecords(base, local, server).merged.agenda.questions).toEqual([
      'What went well?',
      'Mine?',
      'Theirs?',
    ]);
  });

  it('without a base, only fields one side left empty merge by themselves', () => {
    const local = { ...base, mainGoal: 'A', gapsNote: null } as Record<string, unknown>;
    const server = { ...base, mainGoal: 'B', meetingUrl: 'https://meet.google.com/abc-defg-hij' };
    const { merged, conflicts } = mergeRecords(null, local, server);
    expect(conflicts.map((c) => c.path)).toEqual(['mainGoal']);
    expect(merged.meetingUrl).toBe('https://meet.google.com/abc-defg-hij');
  });

  it('resolves with mine, theirs or an edited text', () => {
    const local = { ...base, mainGoal: 'A' };
    const server = { ...base, mainGoal: 'B' };
    const { merged, conflicts } = mergeRecords(base, local, server);
    expect(resolveConflicts(merged, conflicts, { mainGoal: { pick: 'server' } }).mainGoal).toBe('B');
    expect(resolveConflicts(merged, conflicts, { mainGoal: { pick: 'local' } }).mainGoal).toBe('A');
    expect(resolveConflicts(merged, conflicts, { mainGoal: { pick: 'custom', value: 'A+B' } }).mainGoal).toBe(
      'A+B',
    );
  });

  it('keeps both texts without repeating one', () => {
    expect(bothTexts('a', 'b')).toBe('a\n\nb');
    expect(bothTexts('a and b', 'b')).toBe('a and b');
    expect(bothTexts(null, 'b')).toBe('b');
  });

  it('gets and sets paths', () => {
    expect(getPath(base, 'agenda.strengths')).toBe('Shipped X');
    expect(getPath(base, 'notes#facts')).toBe('Three launches');
    expect(getPath(setPath(base, 'notes#recap', 'R', 'Recap'), 'notes#recap')).toBe('R');
    expect(getPath(setPath(base, 'agenda.gaps', 'G'), 'agenda.gaps')).toBe('G');
  });

  // Random records over a small alphabet so that sides often agree, disagree and leave fields empty.
  const text = fc.option(fc.constantFrom('a', 'b', 'c', ''), { nil: null });
  const notes = fc
    .record({ facts: text, keyPoints: text, recap: text })
    .map((s) =>
      Object.entries(s).reduce<string | null>(
        (acc, [id, body]) => (body ? setSection(acc, id, id, body) : acc),
        null,
      ),
    );
  const record = fc.record({
    id: fc.constant('s1'),
    mainGoal: text,
    status: fc.constantFrom('planned', 'held', 'recorded'),
    agenda: fc.record({ strengths: text, gaps: text, questions: fc.subarray(['q1', 'q2', 'q3']) }),
    notes,
    checklist: fc.subarray([1, 2, 3, 4, 5]),
  });

  it('property: identical sides never conflict and give that side', () => {
    fc.assert(
      fc.property(record, record, (b, x) => {
        const { merged, conflicts } = mergeRecords(b, x, x);
        expect(conflicts).toEqual([]);
        expect(sameValue(merged, x)).toBe(true);
      }),
    );
  });

  it('property: a side that did not change yields the other side', () => {
    fc.assert(
      fc.property(record, record, (b, s) => {
        const r1 = mergeRecords(b, b, s);
        expect(r1.conflicts).toEqual([]);
        expect(sameValue(r1.merged, s)).toBe(true);
        const r2 = mergeRecords(b, s, b);
        expect(r2.conflicts).toEqual([]);
        expect(sameValue(r2.merged, s)).toBe(true);
      }),
    );
  });

  it('property: swapping sides swaps the conflicts, and resolving them all gives one agreed record', () => {
    fc.assert(
      fc.property(record, record, record, (b, l, s) => {
        const a = mergeRecords(b, l, s);
        const z = mergeRecords(b, s, l);
        expect(a.conflicts.map((c) => c.path).sort()).toEqual(z.conflicts.map((c) => c.path).sort());
        const pickServer = Object.fromEntries(a.conflicts.map((c) => [c.path, { pick: 'server' as const }]));
        const pickLocal = Object.fromEntries(z.conflicts.map((c) => [c.path, { pick: 'local' as const }]));
        const x = resolveConflicts(a.merged, a.conflicts, pickServer);
        const y = resolveConflicts(z.merged, z.conflicts, pickLocal);
        // The same content; sections added on both sides may come in another order.
        const bySection = (r: { notes?: string | null }) =>
          Object.fromEntries(parseSections(r.notes).map((q) => [q.id, q.body]));
        const canon = (r: typeof x) => ({
          ...r,
          notes: bySection(r),
          agenda: { ...r.agenda, questions: [...(r.agenda?.questions ?? [])].sort() },
        });
        expect(sameValue(canon(x), canon(y))).toBe(true);
      }),
    );
  });

  it('property: every local change survives, either merged or in a conflict', () => {
    fc.assert(
      fc.property(record, record, record, (b, l, s) => {
        const { merged, conflicts } = mergeRecords(b, l, s);
        for (const path of [
          'mainGoal',
          'status',
          'agenda.strengths',
          'agenda.gaps',
          'notes#facts',
          'notes#keyPoints',
          'notes#recap',
        ]) {
          const lv = getPath(l, path);
          if (sameValue(lv, getPath(b, path))) continue;
          const c = conflicts.find((x) => x.path === path);
          if (c) expect(sameValue(c.local, lv)).toBe(true);
          else expect(sameValue(getPath(merged, path), lv)).toBe(true);
        }
      }),
    );
  });
});

describe('listening balance (issue 18) merges as one field', () => {
  const l1 = {
    managerShare: 0.5,
    otherShare: 0.4,
    silenceShare: 0.1,
    longestMonologueSeconds: 30,
    employeeSpokeFirst: true,
  };
  const l2 = { ...l1, managerShare: 0.7, otherShare: 0.2 };
  const b0 = { ...base, listening: null as typeof l1 | null };
  it('takes the side that changed it, and the same change on both sides agrees', () => {
    expect(mergeRecords(b0, { ...b0, listening: l1 }, b0).merged).toMatchObject({ listening: l1 });
    expect(mergeRecords(b0, b0, { ...b0, listening: l1 }).merged).toMatchObject({ listening: l1 });
    expect(mergeRecords(b0, { ...b0, listening: { ...l1 } }, { ...b0, listening: l1 }).conflicts).toEqual([]);
  });
  it('two different measurements are one conflict on the whole field, holding the local one', () => {
    const r = mergeRecords({ ...b0, listening: l1 }, { ...b0, listening: l2 }, { ...b0, listening: null });
    expect(r.conflicts.map((c) => c.path)).toEqual(['listening']);
    expect(r.merged).toMatchObject({ listening: l2 });
  });
});
