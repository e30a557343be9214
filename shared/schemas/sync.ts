import { z } from 'zod';
import { Id, Text, Version } from './common';
import { ActionItem, Cycle, Employee, Session } from './records';

export const RecordType = z.enum(['session', 'actionItem']);

/** Every pushed record says which server version it was edited from (0 when new). */
export const PushedSession = Session.safeExtend({ baseVersion: Version });
export const PushedActionItem = ActionItem.safeExtend({ baseVersion: Version });

export const PushedDelete = z.object({ type: RecordType, id: Id, baseVersion: Version }).strict();
export const PulledDelete = z.object({ type: RecordType, id: Id, version: Version }).strict();

/**
 * Cursors are opaque to clients. The server makes them as `<storeId>.<sequence>` so that a
 * cursor from another store or from the future can be told apart from a real one.
 */
export const Cursor = Text(200).min(1);

export const SyncRequest = z
  .object({
    cursor: Cursor.nullish(),
    /** Lets the server answer a retried push with the results it gave the first time. */
    clientId: Text(100).min(1).optional(),
    pushId: Text(100).min(1).optional(),
    push: z
      .object({
        sessions: z.array(PushedSession).max(1_000).optional(),
        actionItems: z.array(PushedActionItem).max(5_000).optional(),
        deletes: z.array(PushedDelete).max(5_000).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export const SyncResult = z
  .object({
    type: RecordType,
    id: Id,
    status: z.enum(['applied', 'conflict', 'rejected']),
    version: Version,
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    /** On conflict: the server's current record (null when it was deleted), so both texts survive. */
    server: z.union([Session, ActionItem]).nullable().optional(),
  })
  .strict();

export const SyncResponse = z
  .object({
    cursor: Cursor,
    results: z.array(SyncResult),
    pull: z.object({
      sessions: z.array(Session),
      actionItems: z.array(ActionItem),
      /** The caller's team and the cycles: absent when neither changed since the cursor. */
      employees: z.array(Employee).optional(),
      cycles: z.array(Cycle).optional(),
      deletes: z.array(PulledDelete),
    }),
  })
  .strict();

export type RecordType = z.infer<typeof RecordType>;
export type PushedSession = z.infer<typeof PushedSession>;
export type PushedActionItem = z.infer<typeof PushedActionItem>;
export type PushedDelete = z.infer<typeof PushedDelete>;
export type PulledDelete = z.infer<typeof PulledDelete>;
export type SyncRequest = z.infer<typeof SyncRequest>;
export type SyncResult = z.infer<typeof SyncResult>;
export type SyncResponse = z.infer<typeof SyncResponse>;
