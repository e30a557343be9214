/**
 * Survey link tokens, survey ids and the survey form's CSRF token.
 *
 * Why links are *derived*, not stored: the manager's outbox has to show the link again (days
 * after issuance, as often as they open the Follow-up tab), yet DESIGN §4 wants link tokens
 * stored only as hashes. A token we only hashed could never be shown again. Two ways out:
 *   1. keep the token encrypted beside its hash (a key, an IV per row, a ciphertext per row), or
 *   2. derive it: token = HMAC-SHA256(server secret, survey id), and store only SHA-256(token).
 * We take 2. It needs no per-row secret material at all: the surveys table holds ids and hashes,
 * and a copy of that table (a backup, a metrics export, a support dump) reveals no usable link.
 * The outbox recomputes the token from the id, and checks it against the stored hash before
 * showing it, so a lost or replaced secret shows up as "no links" rather than as wrong links.
 * Encryption would protect exactly as much (its key would live in the same place) with more
 * moving parts. The secret is 256 random bits kept in the `settings` collection, made once in the
 * first write transaction that issues a survey, never returned by any route and never exported.
 * What it does not protect against: someone holding the whole store (settings included) can
 * recompute every link. That is the same person who can read every response anyway.
 *
 * Survey ids are derived from the session id and the kind (a name-based UUID), so "does this
 * session already have its surveys?" is two `get`s by key inside the write transaction: exact
 * once-only issuance at a cost that does not grow with the store.
 *
 * The CSRF token of the survey form is `<issued-at>.<HMAC(form key, survey id | issued-at)>`,
 * made per render and valid for a day: bound to the link, unforgeable without the secret, and
 * never stored.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ReadTx, WriteTx } from '../storage/types';

export type SurveyKindId = 'employee' | 'manager';

export const SECRET_SETTING = 'survey-link-secret';

/** A survey link token: 32 base64url characters = 192 bits. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{32}$/;
const TOKEN_CHARS = 32;

/** How long a rendered form may be sent back. */
export const FORM_TOKEN_TTL_SECONDS = 24 * 60 * 60;

type SecretRow = { key: string; createdAt: string };

export type SurveyKeys = { link: Buffer; form: Buffer };

function derive(secret: Buffer, label: string): Buffer {
  return createHmac('sha256', secret).update(label, 'utf8').digest();
}

function keysFrom(row: SecretRow): SurveyKeys {
  const secret = Buffer.from(row.key, 'base64url');
  return { link: derive(secret, 'tandem/survey-link/v1'), form: derive(secret, 'tandem/survey-form/v1') };
}

function isSecretRow(v: unknown): v is SecretRow {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as SecretRow).key === 'string' &&
    (v as SecretRow).key.length >= 43
  );
}

/** The survey keys, or null when no survey was ever issued (no secret yet). */
export async function readSurveyKeys(tx: ReadTx): Promise<SurveyKeys | null> {
  const row = await tx.get('settings', SECRET_SETTING);
  return row && isSecretRow(row.value) ? keysFrom(row.value) : null;
}

/** The survey keys, making the secret in this write transaction if there is none yet. */
export async function surveyKeysForWrite(tx: WriteTx, now: string): Promise<SurveyKeys> {
  const existing = await readSurveyKeys(tx);
  if (existing) return existing;
  const value: SecretRow = { key: randomBytes(32).toString('base64url'), createdAt: now };
  await tx.put('settings', { id: SECRET_SETTING, value });
  return keysFrom(value);
}

/** The survey id of a session's survey of a kind: a name-based UUID (version 8, SHA-256). */
export function surveyIdFor(sessionId: string, kind: SurveyKindId): string {
  const b = createHash('sha256').update(`tandem/survey/${sessionId}/${kind}`, 'utf8').digest();
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The one-time link token of a survey (recomputable, never stored). */
export function linkToken(keys: SurveyKeys, surveyId: string): string {
  return createHmac('sha256', keys.link).update(surveyId, 'utf8').digest('base64url').slice(0, TOKEN_CHARS);
}

function formMac(keys: SurveyKeys, surveyId: string, issuedAt: number): Buffer {
  return createHmac('sha256', keys.form).update(`${surveyId}|${issuedAt}`, 'utf8').digest();
}

/** A fresh CSRF token for a rendered form. */
export function formToken(keys: SurveyKeys, surveyId: string, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${issuedAt}.${formMac(keys, surveyId, issuedAt).toString('base64url')}`;
}

export type FormTokenCheck = 'ok' | 'missing' | 'invalid' | 'stale';

/** Checks a CSRF token sent back with the form, in constant time. */
export function checkFormToken(
  keys: SurveyKeys,
  surveyId: string,
  token: string | undefined,
  now: Date,
): FormTokenCheck {
  if (!token) return 'missing';
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'invalid';
  const issuedAt = Number(m[1]);
  const given = Buffer.from(m[2]!, 'base64url');
  const expected = formMac(keys, surveyId, issuedAt);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  const age = Math.floor(now.getTime() / 1000) - issuedAt;
  // A little slack for clocks that step back; a token "from the future" beyond that is refused.
  if (age < -300) return 'invalid';
  return age > FORM_TOKEN_TTL_SECONDS ? 'stale' : 'ok';
}
