/** The panel's view of a session: the current one, its notes fields, new sessions and items. */
import { computed, signal } from '@preact/signals';
import type { ActionItem, ConversationKind, Cycle, Session } from '../../shared/schemas/records';
import { type Entry, entryKey } from '../../shared/sync/engine';
import { getPath } from '../../shared/sync/merge';
import { hasSection } from '../../shared/sync/notes';
import { actionItems, createRecord, cycles, editSession, entries, sessions, team } from '../store';

export type NoteId = 'facts' | 'feedback' | 'plan' | 'recap' | 'keyPoints' | 'private';

/** Section titles as stored in the text (English and Chinese, readable in either UI language). */
export const NOTE_TITLES: Record<NoteId, string> = {
  facts: 'Facts and data 事实和数据',
  feedback: 'Feedback 反馈',
  plan: 'Plan 计划',
  recap: 'Recap 复述',
  keyPoints: 'Key points 要点',
  private: 'Private notes 私人笔记',
};

/** Where a notes field lives now: `privateNotes` when marked private (or always-private), else `notes`. */
export function noteField(s: Session, id: NoteId): 'notes' | 'privateNotes' {
  if (id === 'private') return 'privateNotes';
  return hasSection(s.privateNotes, id) ? 'privateNotes' : 'notes';
}

export function noteValue(s: Session, id: NoteId): string {
  return (getPath(s as never, `${noteField(s, id)}#${id}`) as string | null) ?? '';
}

export function isPrivate(s: Session, id: NoteId): boolean {
  return noteField(s, id) === 'privateNotes';
}

export function setNote(s: Session, id: NoteId, body: string): void {
  const field = noteField(s, id);
  // A private field keeps its (empty) heading so that it stays private while empty.
  const value = body === '' && field === 'notes' ? null : body;
  editSession(s.id, `${field}#${id}`, value, NOTE_TITLES[id]);
}

export function setPrivate(s: Session, id: NoteId, priv: boolean): void {
  if (id === 'private' || isPrivate(s, id) === priv) return;
  const body = noteValue(s, id);
  if (priv) {
    editSession(s.id, `notes#${id}`, null);
    editSession(s.id, `privateNotes#${id}`, body, NOTE_TITLES[id]);
  } else {
    editSession(s.id, `privateNotes#${id}`, null);
    editSession(s.id, `notes#${id}`, body || null, NOTE_TITLES[id]);
  }
}

// ---------------------------------------------------------------------------------------------
// The current session

const CURRENT_KEY = 'tandem:current';

function storedCurrent(): string | null {
  try {
    return globalThis.localStorage?.getItem(CURRENT_KEY) ?? null;
  } catch {
    return null;
  }
}

export const currentId = signal<string | null>(storedCurrent());

export function selectSession(id: string | null): void {
  currentId.value = id;
  try {
    if (id) globalThis.localStorage?.setItem(CURRENT_KEY, id);
    else globalThis.localStorage?.removeItem(CURRENT_KEY);
  } catch {}
}

export const currentEntry = computed<Entry<Session> | null>(() => {
  const id = currentId.value;
  if (id) {
    const e = entries.value.get(entryKey('session', id));
    if (e && !e.deleted) return e as Entry<Session>;
  }
  return null;
});

export const current = computed<Session | null>(() => currentEntry.value?.data ?? null);

export const currentItems = computed<Entry<ActionItem>[]>(() => {
  const s = current.value;
  if (!s) return [];
  return (
    actionItems.value
      .filter((e) => e.data.sessionId === s.id)
      // In the order they were added here; records that came from the service have no local
      // creation time and keep the order of their last server change, before the new ones.
      .sort(
        (a, b) =>
          (a.local?.createdAt ?? a.data.updatedAt ?? '').localeCompare(
            b.local?.createdAt ?? b.data.updatedAt ?? '',
          ) || a.id.localeCompare(b.id),
      )
  );
});

export function personName(id: string | null | undefined): string {
  if (!id) return '';
  return team.value.find((p) => p.id === id)?.name ?? id.slice(0, 8);
}

/** The cycle a talk on `date` belongs to: the one around it, else the latest before, else a half-year id. */
export function cycleFor(date: Date, list: readonly Cycle[] = cycles.value): string {
  const day = date.toISOString().slice(0, 10);
  const around = list.find((c) => c.startsOn <= day && day <= c.endsOn);
  if (around) return around.id;
  const before = [...list]
    .filter((c) => c.startsOn <= day)
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  if (before) return before.id;
  return `${date.getUTCFullYear()}-H${date.getUTCMonth() < 6 ? 1 : 2}`;
}

export function newSession(employeeId: string, kind: ConversationKind, cycleId?: string): Session {
  const s: Session = {
    id: crypto.randomUUID(),
    employeeId,
    cycleId: cycleId ?? cycleFor(new Date()),
    kind,
    status: 'planned',
    checklist: [],
  };
  createRecord('session', s, { plannedMinutes: 60 });
  selectSession(s.id);
  return s;
}

export function newActionItem(sessionId: string, owner: 'employee' | 'manager' = 'employee'): ActionItem {
  const a: ActionItem = { id: crypto.randomUUID(), sessionId, title: '', owner, status: 'open' };
  createRecord('actionItem', a);
  return a;
}

/** Pick a sensible current session when none is chosen: the latest one not yet recorded. */
export function ensureCurrent(): void {
  if (currentEntry.value) return;
  const list = sessions.value;
  const open = list.find((e) => e.data.status !== 'recorded' && e.data.status !== 'cancelled') ?? list[0];
  if (open) selectSession(open.id);
}

export const nowIso = () => new Date().toISOString();
export const today = () => new Date().toISOString().slice(0, 10);
