/** Prepare step 4: booking and the invite text. */
import { useState } from 'preact/hooks';
import { t as tc } from '../../../shared/content/pack/lookup';
import type { Session } from '../../../shared/schemas/records';
import { locale, useT } from '../../i18n';
import { connection, editSession, setLocalMeta } from '../../store';
import { bookingCheck, inviteText } from '../invite';
import { currentEntry, personName } from '../model';
import { pack } from '../pack';
import { copyText, Nudge, SelectField, TextInput } from '../ui';

function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : `${d.toISOString().slice(0, 19)}Z`;
}

export function Booking({ session }: { session: Session }) {
  const t = useT();
  const entry = currentEntry.value;
  const minutes = entry?.local?.plannedMinutes ?? 60;
  const asked = !!entry?.local?.selfAssessmentAsked || !!session.invitedAt;
  const [lang, setLang] = useState<'zh-CN' | 'en'>(locale.value);
  const [copied, setCopied] = useState(false);
  const check = bookingCheck(
    session.scheduledAt,
    minutes,
    asked,
    session.invitedAt ? new Date(session.invitedAt) : new Date(),
  );
  const text = inviteText(
    {
      employeeName: personName(session.employeeId),
      managerName: connection.value?.user?.name,
      kind: session.kind,
      scheduledAt: session.scheduledAt,
      minutes,
      meetingUrl: session.meetingUrl,
    },
    lang,
  );
  const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? '✓' : '!');
  return (
    <div class="booking">
      <div class="grid-2">
        <TextInput
          label={t('booking.when')}
          type="datetime-local"
          value={toLocalInput(session.scheduledAt)}
          onInput={(v) => {
            const iso = fromLocalInput(v);
            editSession(session.id, 'scheduledAt', iso);
            if (iso && session.status === 'planned') editSession(session.id, 'status', 'scheduled');
          }}
          testId="scheduled-at"
        />
        <SelectField
          id={`minutes-${session.id}`}
          label={t('booking.length')}
          value={String(minutes)}
          onChange={(v) => setLocalMeta('session', session.id, { plannedMinutes: Number(v) })}
        >
          {[30, 45, 50, 60, 75, 90].map((m) => (
            <option key={m} value={m}>
              {t('booking.minutes', { n: m })}
            </option>
          ))}
        </SelectField>
      </div>
      <TextInput
        label={t('booking.link')}
        type="url"
        value={session.meetingUrl ?? ''}
        onInput={(v) => editSession(session.id, 'meetingUrl', v.trim() || null)}
        placeholder="https://meet.google.com/…"
        invalid={!!session.meetingUrl && !/^https?:\/\/\S+$/.test(session.meetingUrl)}
      />
      <ul class="checks" data-testid="booking-check">
        <li class={check.ahead === null ? '' : check.ahead ? 'ok' : 'warn'}>
          <span class="check-mark" aria-hidden="true">
            {mark(check.ahead)}
          </span>
          {check.daysAhead === null ? t('booking.aheadUnknown') : t('booking.ahead', { n: check.daysAhead })}
        </li>
        <li class={check.length ? 'ok' : 'warn'}>
          <span class="check-mark" aria-hidden="true">
            {mark(check.length)}
          </span>
          {t('booking.lengthCheck', { n: minutes })}
        </li>
        <li class={check.selfAssessment ? 'ok' : 'warn'}>
          <label class="inline-check">
            <input
              type="checkbox"
              checked={asked}
              onChange={(e) =>
                setLocalMeta('session', session.id, {
                  selfAssessmentAsked: (e.currentTarget as HTMLInputElement).checked,
                })
              }
            />
            {t('booking.selfAssessment')}
          </label>
        </li>
      </ul>
      {check.ahead === false && check.daysAhead !== null && check.daysAhead < 3 ? (
        <Nudge>{tc(pack.pitfalls.find((p) => p.id === 'goingThroughMotions')!.nudge, locale.value)}</Nudge>
      ) : null}
      <div class="invite">
        <div class="row between">
          <h3 class="mini-title">{t('invite.title')}</h3>
          <fieldset class="chips">
            <legend class="visually-hidden">{t('invite.language')}</legend>
            {(['zh-CN', 'en'] as const).map((l) => (
              <button key={l} type="button" class="chip" aria-pressed={lang === l} onClick={() => setLang(l)}>
                {l === 'zh-CN' ? '中文' : 'English'}
              </button>
            ))}
          </fieldset>
        </div>
        <pre class="invite-text" data-testid="invite-text">
          {text}
        </pre>
        <div class="row">
          <button
            type="button"
            class="btn"
            onClick={async () => {
              setCopied(await copyText(text));
            }}
            data-testid="copy-invite"
          >
            {t('invite.copy')}
          </button>
          <button
            type="button"
            class="btn btn-quiet"
            disabled={!!session.invitedAt}
            onClick={() => {
              editSession(session.id, 'invitedAt', `${new Date().toISOString().slice(0, 19)}Z`);
              setLocalMeta('session', session.id, { selfAssessmentAsked: true });
            }}
          >
            {session.invitedAt ? t('invite.sent') : t('invite.markSent')}
          </button>
          <span class="status-text" aria-live="polite">
            {copied ? t('invite.copied') : ''}
          </span>
        </div>
      </div>
    </div>
  );
}
