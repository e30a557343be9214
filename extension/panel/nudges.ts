/**
 * Pitfall nudges (DESIGN §5), as pure checks over a session and its action items. Each names
 * the content pack's message to show.
 */
import type { ActionItem, Session } from '../../shared/schemas/records';
import { sectionBody } from '../../shared/sync/notes';

export type NudgeId =
  | 'noStrengths'
  | 'noFacts'
  | 'shortTalk'
  | 'actionItemIncomplete'
  | 'notRecorded24h'
  | 'notListening'
  | 'supportNotDelivered';

const filled = (s: string | null | undefined) => !!s && s.trim() !== '';

function note(s: Session, id: string): string {
  return sectionBody(s.notes, id) || sectionBody(s.privateNotes, id);
}

/** Nudges for the conversation at `step`. */
export function talkNudges(s: Session, step: number): NudgeId[] {
  const out: NudgeId[] = [];
  if (step >= 7 && !filled(s.agenda?.strengths)) out.push('noStrengths');
  if (step === 7 && filled(note(s, 'feedback')) && !filled(note(s, 'facts'))) out.push('noFacts');
  if (step >= 7 && step <= 10 && !filled(s.selfAssessment)) out.push('notListening');
  return out;
}

/** Nudges for the record (step 11). */
export function recordNudges(s: Session, items: readonly ActionItem[], now: Date): NudgeId[] {
  const out: NudgeId[] = [];
  if (s.startedAt && s.endedAt && Date.parse(s.endedAt) - Date.parse(s.startedAt) < 30 * 60_000)
    out.push('shortTalk');
  if (s.endedAt && s.status !== 'recorded' && now.getTime() - Date.parse(s.endedAt) > 24 * 3_600_000) {
    out.push('notRecorded24h');
  }
  if (
    items.some(
      (a) =>
        a.status !== 'dropped' && filled(a.title) && (!a.owner || !filled(a.dueOn) || !filled(a.measure)),
    )
  ) {
    out.push('actionItemIncomplete');
  }
  return out;
}

/** A support commitment (manager-owned) past its due date and not done. */
export function supportOverdue(a: ActionItem, today: string): boolean {
  return a.owner === 'manager' && a.status === 'open' && !!a.dueOn && a.dueOn < today;
}
