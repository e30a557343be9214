/**
 * Local edits as small, serialisable patches: the panel applies them to its in-memory copy at
 * once, keeps them in a synchronous journal until they are stored, and stores them (debounced)
 * against the freshest stored entry, so that a sync that landed meanwhile is never overwritten.
 */
import {
  type AnyRecord,
  type Entry,
  type LocalMeta,
  newEntry,
  type RecordType,
} from '../../shared/sync/engine';
import { setPath } from '../../shared/sync/merge';

export type Patch =
  /** Set a field (`mainGoal`, `agenda.strengths`, `notes#facts` …); null removes it. */
  | { op: 'set'; path: string; value: unknown; title?: string }
  | { op: 'create'; type: RecordType; data: AnyRecord; local?: LocalMeta }
  | { op: 'delete' }
  | { op: 'local'; value: LocalMeta }
  /** Drop the local change the service refused: back to the server's copy, or gone if never there. */
  | { op: 'discard' }
  /** Replace the record after a conflict was resolved (`version` is the server's). */
  | { op: 'resolve'; data: AnyRecord; server: AnyRecord | null; version: number };

/** Apply one patch; returns the new entry, or undefined when there is none (deleted or never made). */
export function applyPatch(entry: Entry | undefined, patch: Patch): Entry | undefined {
  switch (patch.op) {
    case 'create':
      return entry ?? newEntry(patch.type, patch.data, patch.local);
    case 'delete':
      if (!entry) return undefined;
      // Never on the server: nothing to tell it, forget it here.
      if (entry.baseVersion === 0) return undefined;
      return { ...entry, deleted: true, rev: bump(entry) };
    case 'local':
      if (!entry) return undefined;
      return { ...entry, local: { ...entry.local, ...patch.value } };
    case 'set': {
      if (!entry || entry.deleted) return entry;
      const data = setPath(entry.data, patch.path, patch.value, patch.title);
      return { ...entry, data, rev: bump(entry) };
    }
    case 'discard': {
      if (!entry) return undefined;
      if (entry.baseVersion === 0 || !entry.base) return undefined;
      const { rejected: _r, deleted: _d, conflict: _c, ...rest } = entry;
      const rev = Math.max(entry.rev, entry.syncedRev);
      return { ...rest, data: entry.base, rev, syncedRev: rev };
    }
    case 'resolve': {
      // Replayed after it was stored (or resolved elsewhere): nothing left to resolve.
      if (!entry?.conflict) return entry;
      const { conflict: _c, ...rest } = entry;
      return {
        ...rest,
        data: { ...patch.data, version: patch.version } as AnyRecord,
        base: patch.server,
        baseVersion: patch.version,
        deleted: false,
        rev: bump(entry),
      };
    }
  }
}

function bump(e: Entry): number {
  return Math.max(e.rev, e.syncedRev) + 1;
}

export function applyPatches(entry: Entry | undefined, patches: readonly Patch[]): Entry | undefined {
  return patches.reduce<Entry | undefined>((e, p) => applyPatch(e, p), entry);
}
