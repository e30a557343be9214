/** Prepare step 3: the causes piece of the four pieces. */
import { useState } from 'preact/hooks';
import { t as tc } from '../../../shared/content/pack/lookup';
import type { CauseCategoryId, Session } from '../../../shared/schemas/records';
import { locale, useT } from '../../i18n';
import { editSession } from '../../store';
import { pack } from '../pack';
import { SelectField, TextInput } from '../ui';

/** Causes by category: add a cause under one of the five categories; remove one. */
export function CausesEditor({ session, probing }: { session: Session; probing?: boolean }) {
  const t = useT();
  const lang = locale.value;
  const causes = session.agenda?.causes ?? [];
  const [cat, setCat] = useState<CauseCategoryId>('understanding');
  const [text, setText] = useState('');
  const add = () => {
    if (!text.trim()) return;
    editSession(session.id, 'agenda.causes', [...causes, { category: cat, text: text.trim() }]);
    setText('');
  };
  const category = pack.causeCategories.find((c) => c.id === cat)!;
  return (
    <div class="causes" data-testid="causes">
      {pack.causeCategories.map((c) => {
        const list = causes.filter((x) => x.category === c.id);
        if (list.length === 0) return null;
        return (
          <div key={c.id} class="cause-group">
            <h4 class="mini-title">{tc(c.name, lang)}</h4>
            <ul class="plain-list">
              {list.map((x) => (
                <li key={x.text} class="removable">
                  <span>{x.text}</span>
                  <button
                    type="button"
                    class="icon-btn"
                    aria-label={t('common.removeItem', { item: x.text })}
                    onClick={() =>
                      editSession(
                        session.id,
                        'agenda.causes',
                        causes.filter((y) => y !== x),
                      )
                    }
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <div class="cause-add">
        <SelectField
          id={`cause-cat-${session.id}`}
          label={t('causes.category')}
          value={cat}
          onChange={(v) => setCat(v as CauseCategoryId)}
          testId="cause-category"
        >
          {pack.causeCategories.map((c) => (
            <option key={c.id} value={c.id}>
              {tc(c.name, lang)}
            </option>
          ))}
        </SelectField>
        <p class="field-hint">{tc(category.description, lang)}</p>
        {probing ? (
          <ul class="prompts">
            {category.probingQuestions[lang].map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        ) : null}
        <div class="row">
          <TextInput
            label={t('causes.text')}
            labelHidden
            value={text}
            onInput={setText}
            placeholder={t('causes.placeholder')}
            testId="cause-text"
            class="grow"
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" class="btn" onClick={add} data-testid="cause-add">
            {t('common.add')}
          </button>
        </div>
      </div>
    </div>
  );
}
