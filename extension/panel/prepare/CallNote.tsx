/** In the Talk timer: the start (and end) came from the call on the meeting page, not a click. */
import type { Session } from '../../../shared/schemas/records';
import { locale, useT } from '../../i18n';
import { currentEntry } from '../model';
import { fmtTime } from './format';

export function CallNote({ session }: { session: Session }) {
  const t = useT();
  const lang = locale.value;
  const from = currentEntry.value?.id === session.id ? currentEntry.value.local?.fromCall : undefined;
  if (!from?.startedAt || from.startedAt !== session.startedAt) return null;
  const ended = !!from.endedAt && from.endedAt === session.endedAt;
  return (
    <p class="field-hint call-note" data-testid="timer-from-call">
      {t('prep.timer.fromCall', { time: fmtTime(session.startedAt, lang) })}
      {ended ? t('prep.timer.endFromCall', { time: fmtTime(session.endedAt, lang) }) : ''}
    </p>
  );
}
