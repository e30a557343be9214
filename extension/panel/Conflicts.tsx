/** Conflicts: both versions side by side per clashing field; mine, theirs, both, or an edited text. */
import { useState } from 'preact/hooks';
import type { Session } from '../../shared/schemas/records';
import type { Entry } from '../../shared/sync/engine';
import { type Choice, type FieldConflict, isTextConflict } from '../../shared/sync/merge';
import { useT } from '../i18n';
import { conflicts, resolveConflict } from '../store';
import { personName } from './model';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n');
  return String(v);
}

function FieldChoice({
  c,
  choice,
  onChoice,
  index,
}: {
  c: FieldConflict;
  choice: Choice;
  onChoice: (c: Choice) => void;
  index: number;
}) {
  const t = useT();
  const text = isTextConflict(c);
  const name = `conflict-${index}-${c.path}`;
  const label = t(
    `field.${c.path.replace(/^(notes|privateNotes)#/, 'note.').replace(/^agenda\./, 'agenda.')}` as never,
  ) as string;
  const title = label.startsWith('field.') ? c.path : label;
  const [custom, setCustom] = useState(text ? `${show(c.local)}\n\n${show(c.server)}` : '');
  return (
    <fieldset class="conflict-field" data-testid="conflict-field" data-path={c.path}>
      <legend class="mini-title">{title}</legend>
      <div class="sides">
        <div class="side">
          <p class="side-label">{t('conflict.mine')}</p>
          <p class="side-text" data-testid="conflict-mine">
            {show(c.local)}
          </p>
        </div>
        <div class="side">
          <p class="side-label">{t('conflict.theirs')}</p>
          <p class="side-text" data-testid="conflict-theirs">
            {show(c.server)}
          </p>
        </div>
      </div>
      <div class="segmented-row">
        {(['local', 'server', ...(text ? (['both', 'custom'] as const) : [])] as const).map((pick) => (
          <label key={pick} class={`segment ${choice.pick === pick ? 'is-on' : ''}`}>
            <input
              type="radio"
              name={name}
              checked={choice.pick === pick}
              onChange={() => onChoice(pick === 'custom' ? { pick, value: custom } : { pick })}
              data-testid={`pick-${pick}`}
            />
            <span>{t(`conflict.pick.${pick}` as const)}</span>
          </label>
        ))}
      </div>
      {choice.pick === 'custom' ? (
        <textarea
          class="input"
          rows={4}
          aria-label={t('conflict.edit')}
          value={custom}
          onInput={(e) => {
            const v = (e.currentTarget as HTMLTextAreaElement).value;
            setCustom(v);
            onChoice({ pick: 'custom', value: v });
          }}
        />
      ) : null}
    </fieldset>
  );
}

function ConflictCard({ entry }: { entry: Entry }) {
  const t = useT();
  const c = entry.conflict!;
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const who =
    entry.type === 'session'
      ? personName((entry.data as Session).employeeId)
      : (entry.data as { title?: string }).title;
  if (!c.server) {
    return (
      <li class="card conflict" data-testid="conflict">
        <p>{t('conflict.deletedThere', { what: who ?? '' })}</p>
        <div class="row">
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => resolveConflict(`${entry.type}:${entry.id}`, {}, 'keep')}
          >
            {t('conflict.keepMine')}
          </button>
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => resolveConflict(`${entry.type}:${entry.id}`, {}, 'drop')}
          >
            {t('conflict.letGo')}
          </button>
        </div>
      </li>
    );
  }
  return (
    <li class="card conflict" data-testid="conflict">
      <p class="card-sub">
        {t(entry.type === 'session' ? 'conflict.session' : 'conflict.item', { what: who ?? '' })}
      </p>
      {c.fields.map((f, i) => (
        <FieldChoice
          key={f.path}
          c={f}
          index={i}
          choice={choices[f.path] ?? { pick: 'local' }}
          onChoice={(ch) => setChoices((x) => ({ ...x, [f.path]: ch }))}
        />
      ))}
      <button
        type="button"
        class="btn btn-primary"
        onClick={() => resolveConflict(`${entry.type}:${entry.id}`, choices)}
        data-testid="resolve"
      >
        {t('conflict.resolve')}
      </button>
    </li>
  );
}

export default function Conflicts() {
  const t = useT();
  const list = conflicts.value;
  if (list.length === 0) return null;
  return (
    <section class="conflicts" aria-labelledby="conflicts-title" data-testid="conflicts">
      <h2 class="section-title" id="conflicts-title">
        {t('conflict.title', { n: list.length })}
      </h2>
      <p class="field-hint">{t('conflict.intro')}</p>
      <ul class="plain-list stack-tight">
        {list.map((e) => (
          <ConflictCard key={`${e.type}:${e.id}`} entry={e} />
        ))}
      </ul>
    </section>
  );
}
