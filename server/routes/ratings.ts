/** Performance ratings per employee and cycle, imported by HR whole or not at all. */
import { Hono } from 'hono';
import { z } from 'zod';
import { Rating } from '../../shared/schemas';
import { requireRole } from '../middleware/auth';
import { readCsvOrJson } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { badTable, cellText, checkUnique, jsonRows, type LineError, parseCsv, validateRows } from './table';

const COLUMNS = ['employeeId', 'cycleId', 'rating'] as const;

/** CSV cells are text (and so are a spreadsheet's JSON cells); a rating cell becomes a number when it reads as one. */
const CsvRating = z.preprocess((v) => {
  if (!v || typeof v !== 'object') return v;
  const r = (v as { rating?: unknown }).rating;
  if (typeof r !== 'string') return v;
  const n = /^\s*\d+(\.\d+)?\s*$/.test(r) ? Number(r) : Number.NaN;
  return { ...v, rating: Number.isNaN(n) ? r : n };
}, Rating);

export const ratingId = (employeeId: string, cycleId: string) => `${employeeId}:${cycleId}`;

export function ratingsRouter({ store }: Deps) {
  return new Hono<AppEnv>().put('/ratings', requireRole('hr'), async (c) => {
    const body = readCsvOrJson(c);
    const errors: LineError[] = [];
    const rows = body.kind === 'csv' ? parseCsv(body.text, COLUMNS, COLUMNS, errors) : jsonRows(body.value);
    const valid = validateRows(rows, CsvRating, errors);
    const pair = (r: Record<string, unknown>) => {
      const [e, c] = [cellText(r.employeeId), cellText(r.cycleId)];
      return e && c ? ratingId(e, c) : null;
    };
    checkUnique(rows, 'employeeId', pair, errors, 'rating for employee:cycle');
    const counts = await store.write(async (tx) => {
      const [employees, cycles] = await Promise.all([tx.find('employees'), tx.find('cycles')]);
      const employeeIds = new Set(employees.map((e) => e.id));
      const cycleIds = new Set(cycles.map((cy) => cy.id));
      for (const { line, value } of valid) {
        if (!employeeIds.has(value.employeeId)) {
          errors.push({ line, column: 'employeeId', message: `unknown employee ${value.employeeId}` });
        }
        if (!cycleIds.has(value.cycleId)) {
          errors.push({ line, column: 'cycleId', message: `unknown cycle ${value.cycleId}` });
        }
      }
      if (errors.length) throw badTable(errors);
      let created = 0;
      let updated = 0;
      for (const { value } of valid) {
        const id = ratingId(value.employeeId, value.cycleId);
        if (await tx.get('ratings', id)) updated++;
        else created++;
        await tx.put('ratings', { ...value, id });
      }
      return { created, updated };
    });
    return c.json(counts);
  });
}
