/** A line saying the organisation's own content is in use, or that its latest pack was refused. */
import { locale, useT } from '../i18n';
import { packInfo } from './pack';

export function PackNote() {
  const t = useT();
  const info = packInfo.value;
  if (info.rejected) {
    return (
      <p
        class="nudge nudge-warn"
        role="status"
        data-testid="pack-invalid"
        title={info.rejected.issues.join('\n')}
      >
        {t('pack.invalid')}
      </p>
    );
  }
  if (info.source !== 'organisation') return null;
  const when = info.updatedAt
    ? new Date(info.updatedAt).toLocaleDateString(locale.value, { dateStyle: 'medium' })
    : '';
  return (
    <p class="muted small" data-testid="pack-org">
      {t('pack.org', { when })}
    </p>
  );
}
