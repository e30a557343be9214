/** Prepare (steps 1–4): who and what kind, the employee type, main goal, facts, the four pieces, questions, booking and invite. */
import { t as tc } from '../../shared/content/pack/lookup';
import { locale, useT } from '../i18n';
import { editSession } from '../store';
import { current } from './model';
import { pack } from './pack';
import { Booking } from './prepare/Booking';
import { CausesEditor } from './prepare/CausesEditor';
import { PrepareFacts, PrepareTop } from './prepare/lazy';
import { NewTalk } from './prepare/NewTalk';
import { Questions } from './prepare/Questions';
import { TypeMatrix } from './prepare/TypeMatrix';
import { NoteField, StepSection, TextInput } from './ui';

export { CausesEditor } from './prepare/CausesEditor';
export { KindLabel, NewTalk } from './prepare/NewTalk';
export { TypeMatrix } from './prepare/TypeMatrix';

export function PrepareTab() {
  const t = useT();
  const s = current.value;
  if (!s)
    return (
      <div class="stack">
        <PrepareTop session={null} />
        <NewTalk />
      </div>
    );
  const lang = locale.value;
  const piece = (id: 'strengths' | 'gaps' | 'nextGoals') => pack.agendaPieces.find((p) => p.id === id)!;
  return (
    <div class="stack" key={s.id}>
      <PrepareTop session={s} />
      <StepSection step={1} session={s}>
        <TypeMatrix session={s} />
        <TextInput
          label={t('prepare.mainGoal')}
          value={s.mainGoal ?? ''}
          onInput={(v) => editSession(s.id, 'mainGoal', v || null)}
          placeholder={t('prepare.mainGoalPlaceholder')}
          hint={t('prepare.mainGoalHint')}
          testId="main-goal"
        />
      </StepSection>
      <StepSection step={2} session={s}>
        <PrepareFacts session={s} />
        <NoteField
          session={s}
          id="facts"
          label={t('prepare.facts')}
          placeholder={t('prepare.factsPlaceholder')}
        />
      </StepSection>
      <StepSection step={3} session={s}>
        {(['strengths', 'gaps'] as const).map((id) => (
          <TextInput
            key={id}
            label={tc(piece(id).name, lang)}
            value={s.agenda?.[id] ?? ''}
            onInput={(v) => editSession(s.id, `agenda.${id}`, v || null)}
            placeholder={tc(piece(id).prompt, lang)}
            multiline
            rows={2}
            testId={`agenda-${id}`}
          />
        ))}
        <h3 class="mini-title">{tc(pack.agendaPieces.find((p) => p.id === 'causes')!.name, lang)}</h3>
        <CausesEditor session={s} />
        <TextInput
          label={tc(piece('nextGoals').name, lang)}
          value={s.agenda?.nextGoals ?? ''}
          onInput={(v) => editSession(s.id, 'agenda.nextGoals', v || null)}
          placeholder={tc(piece('nextGoals').prompt, lang)}
          multiline
          rows={2}
          testId="agenda-nextGoals"
        />
        <Questions session={s} />
      </StepSection>
      <StepSection step={4} session={s}>
        <Booking session={s} />
      </StepSection>
    </div>
  );
}
