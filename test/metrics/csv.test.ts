/** CSV export: dotted columns, BOM, RFC 4180 quoting, spreadsheet-formula neutralisation. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { metricsToCsv } from '../../server/metrics/csv';
import { computeMetrics } from '../../server/metrics/engine';
import type { Group, MetricsResponse } from '../../server/metrics/types';
import { C1, C2, employee, emptyInput, session } from './helpers';

function response(departments: string[]): MetricsResponse {
  const input = emptyInput();
  input.cycles.push(C1, C2);
  departments.forEach((department, i) => {
    const id = `e${i}`;
    input.employees.push(employee({ id, department }));
    input.sessions.push(session(id, { startedAt: '2026-02-01T09:00:00Z', endedAt: '2026-02-01T09:40:00Z' }));
    input.ratings.push(
      { employeeId: id, cycleId: 'c1', rating: 4 },
      { employeeId: id, cycleId: 'c2', rating: 3.5 },
    );
  });
  return computeMetrics(input, { cycleId: 'c1', asOf: '2026-04-15', groupBy: 'department', minGroup: 1 });
}

const rows = (csv: string) => parse(csv, { bom: true, relax_column_count: false }) as string[][];

describe('metricsToCsv', () => {
  it('starts with a BOM, has dotted-path columns, one row per group and a final overall row', () => {
    const r = response(['Sales', '研发部', 'Sales']);
    const csv = metricsToCsv(r);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.includes('\r\n')).toBe(true);
    const [header, ...body] = rows(csv);
    expect(header!.slice(0, 3)).toEqual(['scope', 'key', 'employees']);
    for (const c of [
      'coverage.review.rate',
      'duration.histogram.0-15',
      'duration.histogram.90+',
      'survey.employee.reason',
      'performance.meanChange',
    ]) {
      expect(header).toContain(c);
    }
    expect(body.map((row) => [row[0], row[1]])).toEqual([
      ['group', 'Sales'],
      ['group', '研发部'],
      ['overall', 'all'],
    ]);
  });

  it('round-trips the values: numbers as numbers, null as an empty cell, booleans as words', () => {
    const r = response(['A', 'B', 'B']);
    const [header, ...body] = rows(metricsToCsv(r));
    const col = (name: string) => header!.indexOf(name);
    const groups: Group[] = [...r.groups, r.overall];
    body.forEach((row, i) => {
      const g = groups[i]!;
      expect(Number(row[col('employees')])).toBe(g.employees);
      expect(Number(row[col('coverage.review.rate')])).toBe(g.coverage.review.rate);
      expect(Number(row[col('duration.median')])).toBe(g.duration.median);
      expect(Number(row[col('duration.histogram.30-45')])).toBe(g.duration.histogram['30-45']);
      expect(g.survey.employee.nps).toBeNull();
      expect(row[col('survey.employee.nps')]).toBe(''); // null
      expect(row[col('survey.employee.suppressed')]).toBe(String(g.survey.employee.suppressed));
    });
  });

  it('writes negative numbers unprefixed: they are typed numbers, not text', () => {
    const r = response(['A']);
    expect(r.overall.performance.meanChange).toBe(-0.5);
    const [header, ...body] = rows(metricsToCsv(r));
    expect(body.at(-1)![header!.indexOf('performance.meanChange')]).toBe('-0.5');
  });

  it.each(['=', '+', '-', '@', '\t', '\r', '\n', '\0'])('neutralises a text cell starting with %j', (c) => {
    const name = `${c}SUM(A1:A9)`;
    // Grouping trims names, so the key is set directly: the CSV must be safe for any string.
    const r = response(['x']);
    r.groups[0]!.key = name;
    const csv = metricsToCsv(r);
    const [, first] = rows(csv);
    expect(first![1]).toBe(`'${name}`);
  });

  it('quotes fields with quotes, commas, semicolons and line breaks, and they round-trip', () => {
    const names = ['Say "hi"', 'a,b', 'x;y', 'two\nlines', 'cr\rhere', '";,'];
    const r = response(names);
    const [, ...body] = rows(metricsToCsv(r));
    const keys = body.slice(0, -1).map((row) => row[1]);
    expect(keys).toEqual(r.groups.map((g) => g.key));
    expect(new Set(keys)).toEqual(new Set(names));
  });
});

describe('process.listening in CSV (issue 18)', () => {
  it('has the same two columns whether any talk had the meter on or not', () => {
    const off = response(['Sales', 'Ops']);
    const headerOff = rows(metricsToCsv(off))[0]!;
    expect(headerOff).toEqual(
      expect.arrayContaining(['process.listening.sessions', 'process.listening.balanced']),
    );
    expect(headerOff).not.toContain('process.listening');

    const input = emptyInput();
    input.cycles.push(C1, C2);
    input.employees.push(
      employee({ id: 'e0', department: 'Sales' }),
      employee({ id: 'e1', department: 'Ops' }),
    );
    const listening = {
      managerShare: 0.5,
      otherShare: 0.4,
      silenceShare: 0.1,
      longestMonologueSeconds: 20,
      employeeSpokeFirst: true,
    };
    input.sessions.push(
      session('e0', { listening }),
      session('e0', { listening: { ...listening, managerShare: 0.8, otherShare: 0.1 } }),
      session('e1'),
    );
    const on = computeMetrics(input, {
      cycleId: 'c1',
      asOf: '2026-04-15',
      groupBy: 'department',
      minGroup: 1,
    });
    const [header, ...body] = rows(metricsToCsv(on));
    expect(header).toEqual(headerOff);
    const col = (name: string) => header!.indexOf(name);
    const byKey = new Map(body.map((r) => [r[1], r]));
    expect(byKey.get('Sales')![col('process.listening.sessions')]).toBe('2');
    expect(byKey.get('Sales')![col('process.listening.balanced')]).toBe('0.5');
    expect(byKey.get('Ops')![col('process.listening.sessions')]).toBe('');
  });
});
