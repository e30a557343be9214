/** Prepare step 1: the employee type. */
import { t as tc } from '../../../shared/content/pack/lookup';
import type { EmployeeTypeId, Session } from '../../../shared/schemas/records';
import { locale, useT } from '../../i18n';
import { editSession } from '../../store';
import { pack } from '../pack';

/** The 2×2 performance × willingness matrix; picking a type shows its focus, tone and risk. */
export function TypeMatrix({ session }: { session: Session }) {
  const t = useT();
  const lang = locale.value;
  const chosen = session.employeeType ?? null;
  const order: EmployeeTypeId[] = ['wavering', 'mature', 'disengaged', 'confused'];
  const type = pack.employeeTypes.find((e) => e.id === chosen);
  return (
    <div class="type-matrix">
      <fieldset class="matrix" data-testid="type-matrix">
        <legend class="field-label">{t('type.legend')}</legend>
        <div class="matrix-grid">
          <span class="axis axis-y" aria-hidden="true">
            {t('type.performance')} ↑
          </span>
          {order.map((id) => {
            const et = pack.employeeTypes.find((e) => e.id === id)!;
            return (
              <label key={id} class={`matrix-cell ${chosen === id ? 'is-on' : ''}`} data-type={id}>
                <input
                  type="radio"
                  name={`type-${session.id}`}
                  checked={chosen === id}
                  onChange={() => editSession(session.id, 'employeeType', id)}
                />
                <span class="matrix-name">{tc(et.name, lang)}</span>
                <span class="matrix-axes">
                  {t(et.performance === 'high' ? 'type.perfHigh' : 'type.perfLow')} ·{' '}
                  {t(et.willingness === 'high' ? 'type.willHigh' : 'type.willLow')}
                </span>
              </label>
            );
          })}
          <span class="axis axis-x" aria-hidden="true">
            {t('type.willingness')} →
          </span>
        </div>
      </fieldset>
      {type ? (
        <dl class="type-card" data-testid="type-card">
          <dt>{t('type.focus')}</dt>
          <dd>{tc(type.focus, lang)}</dd>
          <dt>{t('type.tone')}</dt>
          <dd>{tc(type.tone, lang)}</dd>
          <dt>{t('type.risk')}</dt>
          <dd>{tc(type.risk, lang)}</dd>
        </dl>
      ) : (
        <p class="muted">{t('type.pickHint')}</p>
      )}
    </div>
  );
}
