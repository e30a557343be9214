/** The invite and call wiring (see `wiring.ts`): keys, types, the signals the Prepare tab reads, the manager's identity. */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { InviteAgenda } from '../../../shared/invite/agenda';
import type { InviteInfo, Localized } from '../../../shared/invite/types';
import type { ConversationKind, Session } from '../../../shared/schemas/records';
import type { PanelRequest } from '../../adapters/messages';
import { connection, sessions } from '../../store';

export const IDENTITY_KEY = 'tandem:me';
/** Launcher requests older than this are dropped, not acted on. */
export const PANEL_REQUEST_MAX_AGE_MS = 2 * 3_600_000;

export type InviteSource = 'calendar' | 'ics' | 'text';
export type Question = 'employee' | 'kind' | 'cycle';

export interface Guest {
  name?: string;
  email?: string;
}

export interface InviteReview {
  /** Unique per review (the pending invite's `receivedAt` for calendar invites). */
  id: string;
  source: InviteSource;
  invite: InviteInfo;
  agenda: InviteAgenda;
  /** What the manager must answer before the session is made. */
  needs: Question[];
  /** Guests who are not the manager (offered as new team members when nobody matched). */
  guests: Guest[];
  /** `receivedAt` of the `tandem:pendingInvite` it came from. */
  pendingAt?: string;
  /** Other events of the same `.ics` file. */
  others?: InviteInfo[];
  done?: { sessionId: string | null; outcome: 'created' | 'opened' | 'cancelled-none' };
  error?: Localized;
}

export interface Answers {
  employeeId?: string;
  newPerson?: { name: string; email: string };
  kind?: ConversationKind;
  cycleId?: string;
}

export interface PanelChoice {
  request: PanelRequest;
  candidates: string[];
}

export const review = signal<InviteReview | null>(null);
export const importError = signal<Localized | null>(null);
export const importing = signal(false);
export const panelChoice = signal<PanelChoice | null>(null);
/** The manager's own email and name when no service is connected (from the panel's field). */
export const soloIdentity = signal<{ email?: string; name?: string }>({});

export function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export const nowSec = () => `${new Date().toISOString().slice(0, 19)}Z`;

/** The manager as the invite should see them: the connected user, else what they typed in. */
export function identity(): { email?: string; name?: string } {
  const user = connection.value?.user;
  if (user) return { email: user.email, name: user.name };
  return soloIdentity.value;
}

export async function saveSoloIdentity(email: string, name?: string): Promise<void> {
  const value = { ...(email.trim() ? { email: email.trim().toLowerCase() } : {}), ...(name ? { name } : {}) };
  soloIdentity.value = value;
  await browser.storage.local.set({ [IDENTITY_KEY]: value });
}

export function liveSessions(): Session[] {
  return sessions.value.map((e) => e.data);
}

export function sessionById(id: string): Session | undefined {
  return sessions.value.find((e) => e.id === id)?.data;
}
