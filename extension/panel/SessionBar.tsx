/** Which talk the panel is about: pick one of the sessions, or start a new one. */
import { t as tc } from '../../shared/content/pack/lookup';
import { locale, useT } from '../i18n';
import { sessions } from '../store';
import { currentId, personName, selectSession } from './model';
import { pack } from './pack';

export function SessionBar() {
  const t = useT();
  const lang = locale.value;
  const list = sessions.value;
  if (list.length === 0) return null;
  return (
    <div class="session-bar">
      <label class="visually-hidden" for="session-pick">
        {t('session.pick')}
      </label>
      <select
        id="session-pick"
        class="input session-select"
        value={currentId.value ?? ''}
        onChange={(e) => selectSession((e.currentTarget as HTMLSelectElement).value || null)}
        data-testid="session-picker"
      >
        {currentId.value ? null : <option value="">{t('session.new')}</option>}
        {list.map((e) => {
          const s = e.data;
          const when = s.scheduledAt
            ? new Date(s.scheduledAt).toLocaleDateString(lang)
            : t(`status.${s.status}` as const);
          return (
            <option key={e.id} value={e.id}>
              {personName(s.employeeId)} · {tc(pack.kinds.find((k) => k.id === s.kind)!.name, lang)} · {when}
            </option>
          );
        })}
      </select>
      <button
        type="button"
        class="btn btn-quiet"
        onClick={() => selectSession(null)}
        data-testid="new-session"
      >
        ＋ {t('session.newShort')}
      </button>
    </div>
  );
}
