/**
 * How stored rows are shown. Server bookkeeping (`seq`, `ownerId`, `deleted`, `addedBy`) never
 * leaves the service; `privateNotes` and `listening` (who talked how much, issue 18: HR sees it
 * only pooled in the metrics) go to the session's owner only.
 */
import type { ActionItem, Employee, Session } from '../../shared/schemas';
import type { ReadTx, StoredActionItem, StoredEmployee, StoredSession, StoredUser } from '../storage/types';

export type Viewer = { id: string; role: 'manager' | 'hr' };

export function sessionView(row: StoredSession, viewer: Viewer): Session {
  const { seq: _s, ownerId, deleted: _d, privateNotes, listening, ...rest } = row;
  const own = viewer.role === 'manager' && ownerId === viewer.id;
  if (!own) return rest;
  return {
    ...rest,
    ...(privateNotes !== undefined ? { privateNotes } : {}),
    ...(listening !== undefined ? { listening } : {}),
  };
}

export function actionItemView(row: StoredActionItem): ActionItem {
  const { seq: _s, ownerId: _o, deleted: _d, ...rest } = row;
  return rest;
}

export function employeeView(row: StoredEmployee): Employee {
  const { addedBy: _a, updatedAt: _u, ...rest } = row;
  return rest;
}

/** Whether `employee` is one of the manager's own reports or someone they added. */
export function isInTeam(employee: StoredEmployee, user: Pick<StoredUser, 'id' | 'email'>): boolean {
  return employee.managerEmail === user.email || employee.addedBy === user.id;
}

/** The team member with this id, or undefined when there is none (one targeted read). */
export async function teamMember(
  tx: ReadTx,
  user: Pick<StoredUser, 'id' | 'email'>,
  employeeId: string,
): Promise<StoredEmployee | undefined> {
  const employee = await tx.get('employees', employeeId);
  return employee && isInTeam(employee, user) ? employee : undefined;
}

/** The people a manager may hold conversations with: own reports and people they added. */
export async function teamOf(tx: ReadTx, user: Pick<StoredUser, 'id' | 'email'>): Promise<StoredEmployee[]> {
  const [reports, added] = await Promise.all([
    tx.find('employees', { managerEmail: user.email }),
    tx.find('employees', { addedBy: user.id }),
  ]);
  const byId = new Map<string, StoredEmployee>();
  for (const e of [...reports, ...added]) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
