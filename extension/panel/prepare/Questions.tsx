/** Prepare step 3: the questions to ask. */
import { useState } from 'preact/hooks';
import type { Session } from '../../../shared/schemas/records';
import { locale, useT } from '../../i18n';
import { editSession } from '../../store';
import { pack } from '../pack';
import { TextInput } from '../ui';

export function Questions({ session }: { session: Session }) {
  const t = useT();
  const lang = locale.value;
  const qs = session.agenda?.questions ?? [];
  const [text, setText] = useState('');
  const add = (q: string) => {
    const v = q.trim();
    if (!v || qs.includes(v)) return;
    editSession(session.id, 'agenda.questions', [...qs, v]);
  };
  const suggestions = pack.agendaPieces.flatMap((p) => p.questions[lang]).filter((q) => !qs.includes(q));
  const count = qs.length;
  return (
    <div class="questions" data-testid="questions">
      <h3 class="mini-title">
        {t('questions.title')}{' '}
        <span class={`count ${count >= 4 && count <= 6 ? 'ok' : 'warn'}`} data-testid="question-count">
          {t('questions.count', { n: count })}
        </span>
      </h3>
      {count > 0 ? (
        <ol class="q-list">
          {qs.map((q) => (
            <li key={q} class="removable">
              <span>{q}</span>
              <button
                type="button"
                class="icon-btn"
                aria-label={t('common.removeItem', { item: q })}
                onClick={() =>
                  editSession(
                    session.id,
                    'agenda.questions',
                    qs.filter((x) => x !== q),
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div class="row">
        <TextInput
          label={t('questions.new')}
          labelHidden
          value={text}
          onInput={setText}
          placeholder={t('questions.placeholder')}
          testId="question-text"
          class="grow"
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(text);
              setText('');
            }
          }}
        />
        <button
          type="button"
          class="btn"
          onClick={() => {
            add(text);
            setText('');
          }}
          data-testid="question-add"
        >
          {t('common.add')}
        </button>
      </div>
      {suggestions.length > 0 && count < 6 ? (
        <details class="suggest">
          <summary>{t('questions.suggested')}</summary>
          <ul class="suggest-list">
            {suggestions.map((q) => (
              <li key={q}>
                <button
                  type="button"
                  class="suggest-btn"
                  onClick={() => add(q)}
                  data-testid="suggested-question"
                >
                  <span aria-hidden="true">＋</span> {q}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
