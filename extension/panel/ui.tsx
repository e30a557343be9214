/** Small building blocks of the panel: sections per step, fields that keep the caret, toggles. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t as tc } from '../../shared/content/pack/lookup';
import { toggleStep } from '../../shared/logic/checklist';
import type { Session } from '../../shared/schemas/records';
import { locale, useT } from '../i18n';
import { editSession } from '../store';
import { isPrivate, type NoteId, noteValue, setNote, setPrivate } from './model';
import { stepOf } from './pack';

/** One step of the method as a section: number, title, "done" tick (the session's checklist). */
export function StepSection({
  step,
  session,
  children,
  aside,
}: {
  step: number;
  session: Session | null;
  children: ComponentChildren;
  aside?: ComponentChildren;
}) {
  const t = useT();
  const s = stepOf(step);
  const done = !!session?.checklist?.includes(step);
  const headingId = `step-${step}-title`;
  return (
    <section
      class="card step-section"
      data-step={step}
      data-done={done ? 'true' : undefined}
      aria-labelledby={headingId}
    >
      <header class="card-head">
        <span class="step-num" aria-hidden="true">
          {step}
        </span>
        <div class="card-head-text">
          <h2 class="card-title" id={headingId}>
            <span class="visually-hidden">{t('steps.step', { n: step })}</span>
            {tc(s.title, locale.value)}
          </h2>
          <p class="card-sub">{tc(s.summary, locale.value)}</p>
        </div>
        {session ? (
          <label class="done-tick" title={t('step.markDone')}>
            <input
              type="checkbox"
              checked={done}
              onChange={() => editSession(session.id, 'checklist', toggleStep(session.checklist, step))}
              data-testid={`done-${step}`}
            />
            <span>{t('step.done')}</span>
          </label>
        ) : null}
      </header>
      {aside}
      <div class="card-body">{children}</div>
    </section>
  );
}

export interface TextInputProps {
  label: string;
  value: string;
  onInput: (v: string) => void;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  hint?: string;
  testId?: string;
  type?: 'text' | 'date' | 'datetime-local' | 'email' | 'url';
  labelHidden?: boolean;
  class?: string;
  onKeyDown?: (e: JSX.TargetedKeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  invalid?: boolean;
  describedBy?: string;
  children?: ComponentChildren;
}

/**
 * A labelled input or textarea. It keeps its own draft while the manager types, so the stored
 * (normalised) text never moves the caret; a change made elsewhere (sync, another panel) replaces
 * the draft when the field is not being edited.
 */
export function TextInput(p: TextInputProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [draft, setDraft] = useState(p.value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current && p.value !== draft) setDraft(p.value);
  }, [p.value]);
  const common = {
    id,
    value: draft,
    placeholder: p.placeholder,
    'data-testid': p.testId,
    'aria-describedby': [p.hint ? hintId : '', p.describedBy ?? ''].filter(Boolean).join(' ') || undefined,
    'aria-invalid': p.invalid ? true : undefined,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      if (p.value !== draft && p.value.trim() === draft.trim()) setDraft(p.value);
    },
    onInput: (e: Event) => {
      const v = (e.currentTarget as HTMLInputElement).value;
      setDraft(v);
      p.onInput(v);
    },
    onKeyDown: p.onKeyDown,
  };
  return (
    <div class={`field ${p.class ?? ''}`}>
      <label for={id} class={p.labelHidden ? 'visually-hidden' : 'field-label'}>
        {p.label}
        {p.children}
      </label>
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 3} class="input" />
      ) : (
        <input {...common} type={p.type ?? 'text'} class="input" />
      )}
      {p.hint ? (
        <p class="field-hint" id={hintId}>
          {p.hint}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled `<select>` (its options are the children); `onChange` gets the chosen value. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  testId,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <select
        id={id}
        class="input"
        value={value}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
        data-testid={testId}
      >
        {children}
      </select>
    </div>
  );
}

/** A notes field of the session, shared or private (private goes to `privateNotes`, never to HR). */
export function NoteField({
  session,
  id,
  label,
  placeholder,
  rows = 4,
}: {
  session: Session;
  id: NoteId;
  label: string;
  placeholder?: string;
  rows?: number;
}) {
  const t = useT();
  const priv = isPrivate(session, id);
  const toggleable = id !== 'private';
  return (
    <div class={`note ${priv ? 'is-private' : ''}`} data-note={id} data-private={priv ? 'true' : 'false'}>
      <TextInput
        label={label}
        value={noteValue(session, id)}
        onInput={(v) => setNote(session, id, v)}
        multiline
        rows={rows}
        placeholder={placeholder}
        testId={`note-${id}`}
        hint={priv ? t('note.privateHint') : undefined}
      />
      {toggleable ? (
        <fieldset class="privacy">
          <legend class="visually-hidden">{t('note.visibility', { field: label })}</legend>
          <button
            type="button"
            class="chip"
            aria-pressed={!priv}
            onClick={() => setPrivate(session, id, false)}
            data-testid={`share-${id}`}
          >
            {t('note.shared')}
          </button>
          <button
            type="button"
            class="chip chip-private"
            aria-pressed={priv}
            onClick={() => setPrivate(session, id, true)}
            data-testid={`private-${id}`}
          >
            <LockIcon /> {t('note.private')}
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}

export function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false" class="icon">
      <path
        fill="currentColor"
        d="M8 1.5a3.5 3.5 0 0 0-3.5 3.5v2H4a1 1 0 0 0-1 1v5.5a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V5A3.5 3.5 0 0 0 8 1.5Zm2 5.5H6V5a2 2 0 1 1 4 0v2Z"
      />
    </svg>
  );
}

/** A set of mutually exclusive choices as radio buttons, styled as a segmented control. */
export function Segmented<V extends string>({
  label,
  options,
  value,
  onChange,
  name,
  testId,
}: {
  label: string;
  options: readonly { value: V; label: string }[];
  value: V | null | undefined;
  onChange: (v: V) => void;
  name: string;
  testId?: string;
}) {
  return (
    <fieldset class="segmented" data-testid={testId}>
      <legend class="field-label">{label}</legend>
      <div class="segmented-row">
        {options.map((o) => (
          <label key={o.value} class={`segment ${value === o.value ? 'is-on' : ''}`}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Nudge({ children, tone = 'warn' }: { children: ComponentChildren; tone?: 'warn' | 'info' }) {
  return (
    <p class={`nudge nudge-${tone}`} data-testid="nudge">
      <span aria-hidden="true" class="nudge-mark">
        {tone === 'warn' ? '!' : 'i'}
      </span>
      <span>{children}</span>
    </p>
  );
}

/** Copy text to the clipboard; says so for screen readers through the given setter. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}
