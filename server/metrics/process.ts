/**
 * Process (DESIGN §6) over held sessions: recorded within 24 h of the end, prepared (a main goal
 * and ≥ 1 agenda question), invited ≥ 72 h ahead, and the checklist (distinct steps done / 12).
 *
 * A rule needing a time that is missing counts as "no" (an unrecorded session was not recorded in
 * time; an uninvited one was not invited ahead). Blank strings count as missing. Checklist entries
 * outside 1–12 are ignored; a missing checklist counts as 0 steps.
 *
 * Listening (issue 18): of the held sessions whose manager had the listening meter on (a
 * `listening` record), the share where the manager spoke ≤ 60 % of the time; null when none had it.
 */
import type { ProcessMetrics } from './types';
import { hasText, MS_PER_HOUR, parseInstant, rate } from './util';

export const RECORD_WITHIN_MS = 24 * MS_PER_HOUR;
export const INVITE_AHEAD_MS = 72 * MS_PER_HOUR;
export const CHECKLIST_STEPS = 12;
/** A talk counts as listening when the manager spoke at most this share of it. */
export const LISTENING_MAX_MANAGER_SHARE = 0.6;

export interface ProcessAcc {
  sessions: number;
  recorded: number;
  prepared: number;
  invited: number;
  checklistSum: number;
  listening: number;
  listeningBalanced: number;
}

export function newProcessAcc(): ProcessAcc {
  return {
    sessions: 0,
    recorded: 0,
    prepared: 0,
    invited: 0,
    checklistSum: 0,
    listening: 0,
    listeningBalanced: 0,
  };
}

export interface ProcessFields {
  recordedAt?: string | null;
  invitedAt?: string | null;
  mainGoal?: string | null;
  agenda?: { questions?: readonly string[] | null } | null;
  checklist?: readonly number[] | null;
  listening?: { managerShare: number } | null;
}

/** Distinct steps 1–12 in a checklist. */
export function checklistSteps(list: readonly number[] | null | undefined): number {
  if (!list) return 0;
  let mask = 0;
  for (const step of list) {
    if (Number.isInteger(step) && step >= 1 && step <= CHECKLIST_STEPS) mask |= 1 << step;
  }
  let count = 0;
  while (mask) {
    mask &= mask - 1;
    count++;
  }
  return count;
}

export function isPrepared(s: ProcessFields): boolean {
  if (!hasText(s.mainGoal)) return false;
  const questions = s.agenda?.questions;
  if (!questions) return false;
  for (const q of questions) if (hasText(q)) return true;
  return false;
}

/** One held session; startMs / endMs already parsed (NaN when missing). */
export function addProcessSession(acc: ProcessAcc, s: ProcessFields, startMs: number, endMs: number): void {
  acc.sessions++;
  if (s.recordedAt) {
    const recordedMs = parseInstant(s.recordedAt);
    if (recordedMs <= endMs + RECORD_WITHIN_MS) acc.recorded++; // false when either is NaN
  }
  if (isPrepared(s)) acc.prepared++;
  if (s.invitedAt) {
    const invitedMs = parseInstant(s.invitedAt);
    if (invitedMs <= startMs - INVITE_AHEAD_MS) acc.invited++;
  }
  acc.checklistSum += checklistSteps(s.checklist) / CHECKLIST_STEPS;
  if (s.listening) {
    acc.listening++;
    if (s.listening.managerShare <= LISTENING_MAX_MANAGER_SHARE) acc.listeningBalanced++;
  }
}

export function finishProcess(acc: ProcessAcc): ProcessMetrics {
  return {
    sessions: acc.sessions,
    recordedWithin24h: rate(acc.recorded, acc.sessions),
    prepared: rate(acc.prepared, acc.sessions),
    invitedAhead: rate(acc.invited, acc.sessions),
    checklist: rate(acc.checklistSum, acc.sessions),
    listening:
      acc.listening === 0
        ? null
        : { sessions: acc.listening, balanced: rate(acc.listeningBalanced, acc.listening) as number },
  };
}
