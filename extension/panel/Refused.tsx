/**
 * Records the service refused (a cycle or person it does not know, a field it will not take):
 * each says what was refused and why, and lets the manager fix it (pick a cycle the service
 * knows; any edit sends it again) or drop the change. Until then it is held out of every push,
 * so a push the service refuses is never retried for ever.
 */
import type { ActionItem, Session } from '../../shared/schemas/records';
import type { Entry } from '../../shared/sync/engine';
import { useT } from '../i18n';
import { cycles, discardRefused, editSession, rejected } from '../store';
import { personName, selectSession } from './model';
import { SelectField } from './ui';

function RefusedRecord({ e }: { e: Entry }) {
  const t = useT();
  const key = `${e.type}:${e.id}`;
  const session = e.type === 'session' ? (e.data as Session) : null;
  const item = e.type === 'actionItem' ? (e.data as ActionItem) : null;
  const what = session
    ? t('refused.session', { person: personName(session.employeeId), cycle: session.cycleId })
    : t('refused.item', { title: item?.title ?? '' });
  const badCycle = !!session && /cycleId/.test(e.rejected?.message ?? '');
  const known = cycles.value;
  return (
    <li class="refused" data-testid="refused" data-key={key}>
      <p class="refused-what">{what}</p>
      <p class="refused-why muted">{t('refused.why', { message: e.rejected?.message ?? '' })}</p>
      {badCycle && known.length ? (
        <SelectField
          id={`refused-cycle-${e.id}`}
          label={t('refused.pickCycle')}
          value=""
          testId="refused-cycle"
          onChange={(v) => v && editSession(e.id, 'cycleId', v)}
        >
          <option value="">—</option>
          {known.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div class="row-actions">
        <button
          type="button"
          class="btn btn-quiet"
          onClick={() => selectSession(session ? session.id : (item?.sessionId ?? null))}
        >
          {t('refused.open')}
        </button>
        <button
          type="button"
          class="btn btn-quiet"
          data-testid="refused-drop"
          onClick={() => discardRefused(key)}
        >
          {e.baseVersion === 0 ? t('refused.dropNew') : t('refused.dropChange')}
        </button>
      </div>
    </li>
  );
}

export function Refused() {
  const t = useT();
  const list = rejected.value;
  if (!list.length) return null;
  return (
    <section
      class="nudge nudge-warn refused-box"
      role="alert"
      aria-labelledby="refused-title"
      data-testid="refused-list"
    >
      <h2 id="refused-title" class="mini-title">
        {t('refused.title', { n: String(list.length) })}
      </h2>
      <p class="muted">{t('refused.intro')}</p>
      <ul class="refused-list">
        {list.map((e) => (
          <RefusedRecord key={e.id} e={e} />
        ))}
      </ul>
    </section>
  );
}
