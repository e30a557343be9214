/**
 * Messages from extension pages (side panel, options) to the background. Typed here; the
 * background validates every message with zod and checks who sent it (background/messages.ts).
 * This module stays free of zod so that the panel's bundle stays small.
 */
import { browser } from 'wxt/browser';
import type { EmployeeSummary } from '../shared/followup/summary';

export type ToBackground =
  | { kind: 'sync-now' }
  | { kind: 'local-changed' }
  /** Try a service URL and token without saving them. Token omitted: the saved one. */
  | { kind: 'test-connection'; url: string; token?: string }
  /** Test, then save; the token goes to the background's secret store, never to storage.local. */
  | { kind: 'connect'; url: string; token?: string }
  | { kind: 'disconnect' }
  /** The employee one-pager from the service (GET /api/v1/employees/:id/summary). */
  | { kind: 'employee-summary'; employeeId: string; asOf?: string };

export type ConnectionProblem =
  | 'invalid-url'
  | 'unreachable'
  | 'not-tandem'
  | 'bad-token'
  | 'no-token'
  | 'wrong-role'
  | 'rate-limited'
  | 'server-error';

export type TestResult =
  | { ok: true; user: { id: string; name: string; email: string; role: 'manager' | 'hr' }; version?: string }
  | { ok: false; problem: ConnectionProblem; detail?: string; status?: number };

export type SummaryProblem = 'solo' | 'offline' | 'not-found' | 'unauthorized' | 'invalid' | 'error';

export type SummaryResult =
  | { ok: true; summary: EmployeeSummary; fetchedAt: string }
  | { ok: false; problem: SummaryProblem; status?: number };

export type Reply<M extends ToBackground> = M extends { kind: 'test-connection' | 'connect' }
  ? TestResult
  : M extends { kind: 'employee-summary' }
    ? SummaryResult
    : { ok: boolean };

export async function sendToBackground<M extends ToBackground>(message: M): Promise<Reply<M>> {
  return (await browser.runtime.sendMessage(message)) as Reply<M>;
}
