// Type-only and zod-free imports from the content: the side panel must stay small (DESIGN §7).
import { t as tc } from '../../shared/content/pack/lookup';
import type { GuidePack } from '../../shared/content/schema';
import { type Locale, useT } from '../i18n';

export interface StepListProps {
  pack: GuidePack;
  locale: Locale;
  /** The step to highlight (1–12), if any. */
  current: number | null;
  onSelect: (step: number) => void;
}

/** The 12 steps grouped by their 3 stages; the current step shows what to do and when it is done. */
export function StepList({ pack, locale, current, onSelect }: StepListProps) {
  const t = useT();
  return (
    <section class="steps" aria-labelledby="steps-heading">
      <h2 id="steps-heading" class="section-title">
        {t('steps.heading')}
      </h2>
      {pack.stages.map((stage) => {
        const steps = stage.steps
          .map((n) => pack.steps.find((s) => s.number === n))
          .filter((s): s is GuidePack['steps'][number] => s !== undefined);
        const headingId = `stage-${stage.id}`;
        return (
          <section key={stage.id} class="stage" data-stage={stage.id} aria-labelledby={headingId}>
            <h3 id={headingId} class="stage-title">
              <span>{tc(stage.name, locale)}</span>
              <span class="stage-count">{t('steps.stageCount', { count: steps.length })}</span>
            </h3>
            <ol class="step-list">
              {steps.map((step) => {
                const isCurrent = step.number === current;
                const title = tc(step.title, locale);
                return (
                  <li
                    key={step.number}
                    class={isCurrent ? 'step is-current' : 'step'}
                    data-step={step.number}
                    data-current={isCurrent ? 'true' : undefined}
                  >
                    <button
                      type="button"
                      class="step-head"
                      aria-current={isCurrent ? 'step' : undefined}
                      title={isCurrent ? undefined : t('steps.makeCurrent', { title })}
                      onClick={() => onSelect(step.number)}
                    >
                      <span class="step-num" aria-hidden="true">
                        {step.number}
                      </span>
                      <span class="step-text">
                        <span class="visually-hidden">{t('steps.step', { n: step.number })}</span>
                        <span class="step-title">{title}</span>
                        {step.minutes ? (
                          <span class="step-minutes">{t('steps.minutes', { n: step.minutes })}</span>
                        ) : null}
                      </span>
                      {isCurrent ? <span class="badge">{t('steps.current')}</span> : null}
                    </button>
                    <p class="step-summary">{tc(step.summary, locale)}</p>
                    {isCurrent ? (
                      <div class="step-detail">
                        <h4 class="detail-title">{t('steps.actions')}</h4>
                        <ul class="detail-list">
                          {step.actions[locale].map((a) => (
                            <li key={a}>{a}</li>
                          ))}
                        </ul>
                        <p class="done-when">
                          <strong>{t('steps.doneWhen')}</strong>
                          {tc(step.doneWhen, locale)}
                        </p>
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </section>
  );
}
