/**
 * The roster. HR imports it whole (CSV or JSON, all or nothing, every bad line reported);
 * managers see their own team and may add people to it.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { Employee } from '../../shared/schemas';
import { currentUser, requireRole, requireUser } from '../middleware/auth';
import { readCsvOrJson, readJson } from '../middleware/body';
import type { AppEnv, Deps } from '../middleware/env';
import { ApiError, invalidInput } from '../middleware/errors';
import type { StoredEmployee } from '../storage/types';
import { employeeView, teamOf } from '../sync/records';
import { rosterChanged } from '../sync/roster';
import {
  badTable,
  cellText,
  checkUnique,
  jsonCells,
  jsonRows,
  type LineError,
  parseCsv,
  validateRows,
} from './table';

export const ROSTER_COLUMNS = [
  'id',
  'name',
  'email',
  'department',
  'managerEmail',
  'status',
  'leftOn',
] as const;
const REQUIRED = ['id', 'name', 'email', 'status'];

export function employeesRouter({ store, clock }: Deps) {
  return new Hono<AppEnv>()
    .put('/employees', requireRole('hr'), async (c) => {
      const body = readCsvOrJson(c);
      const errors: LineError[] = [];
      const rows =
        body.kind === 'csv' ? parseCsv(body.text, ROSTER_COLUMNS, REQUIRED, errors) : jsonRows(body.value);
      const valid = validateRows(rows, Employee, errors);
      checkUnique(rows, 'id', (r) => cellText(r.id), errors);
      checkUnique(rows, 'email', (r) => cellText(r.email), errors);
      const now = clock().toISOString();
      const counts = await store.write(async (tx) => {
        const existing = await tx.find('employees');
        const byId = new Map(existing.map((e) => [e.id, e]));
        const inFile = new Set(valid.map((r) => r.value.id));
        const emailOwner = new Map(existing.filter((e) => !inFile.has(e.id)).map((e) => [e.email, e.id]));
        for (const { line, value } of valid) {
          const other = emailOwner.get(value.email);
          if (other !== undefined && other !== value.id) {
            errors.push({ line, column: 'email', message: `email already belongs to employee ${other}` });
          }
        }
        if (errors.length) throw badTable(errors);
        let created = 0;
        let updated = 0;
        for (const { value } of valid) {
          const before = byId.get(value.id);
          if (before) updated++;
          else created++;
          const row: StoredEmployee = { ...value, addedBy: before?.addedBy ?? null, updatedAt: now };
          await tx.put('employees', row);
        }
        if (valid.length) await rosterChanged(tx);
        return { created, updated };
      });
      return c.json(counts);
    })
    .get('/employees', requireUser, async (c) => {
      const user = currentUser(c);
      const rows = await store.read(async (tx) =>
        user.role === 'hr'
          ? (await tx.find('employees')).sort((a, b) => a.id.localeCompare(b.id))
          : teamOf(tx, user),
      );
      return c.json({ employees: rows.map(employeeView) });
    })
    .post('/employees', requireRole('manager'), async (c) => {
      const user = currentUser(c);
      const body = readJson(c);
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        throw new ApiError(400, 'invalid_input', 'Expected a JSON object describing one person.');
      }
      const given = Object.fromEntries(
        Object.entries(jsonCells(body) as object).filter(([, v]) => v !== null),
      );
      const input = { id: randomUUID(), managerEmail: user.email, status: 'active', ...given };
      const parsed = Employee.safeParse(input);
      if (!parsed.success) throw invalidInput(parsed.error);
      const person = parsed.data;
      if (person.managerEmail !== user.email) {
        throw new ApiError(400, 'invalid_input', 'You can only add people to your own team.', [
          { path: 'managerEmail', message: `must be your own email (${user.email}) or omitted` },
        ]);
      }
      const row: StoredEmployee = { ...person, addedBy: user.id, updatedAt: clock().toISOString() };
      await store.write(async (tx) => {
        if (await tx.get('employees', row.id)) {
          throw new ApiError(409, 'id_taken', `An employee with the id ${row.id} already exists.`);
        }
        const [same] = await tx.find('employees', { email: row.email });
        if (same) {
          const own = same.managerEmail === user.email || same.addedBy === user.id;
          throw new ApiError(
            409,
            own ? 'already_in_team' : 'email_taken',
            own
              ? `${row.email} is already in your team (employee ${same.id}).`
              : `${row.email} belongs to someone else's team; ask HR to change the roster.`,
          );
        }
        await tx.put('employees', row);
        await rosterChanged(tx);
      });
      return c.json({ employee: employeeView(row) }, 201);
    });
}
