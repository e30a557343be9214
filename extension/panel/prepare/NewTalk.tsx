/** Prepare: pick or add the person and the kind of talk (creates the session). */
import { useState } from 'preact/hooks';
import { t as tc } from '../../../shared/content/pack/lookup';
import type { ConversationKind } from '../../../shared/schemas/records';
import { locale, useT } from '../../i18n';
import { addPerson, connection, cycles, team } from '../../store';
import { newSession } from '../model';
import { pack } from '../pack';
import { Segmented, SelectField, TextInput } from '../ui';

const KINDS: ConversationKind[] = ['plan', 'coaching', 'review'];

export function KindLabel(kind: ConversationKind): string {
  return tc(pack.kinds.find((k) => k.id === kind)!.name, locale.value);
}

/** Pick or add the person and the kind of talk; creates the session. */
export function NewTalk({ onDone }: { onDone?: () => void }) {
  const t = useT();
  const people = team.value.filter((p) => !p.left);
  const [employeeId, setEmployeeId] = useState<string>(people[0]?.id ?? '');
  const [kind, setKind] = useState<ConversationKind>('review');
  const [adding, setAdding] = useState(people.length === 0);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState('');
  const [cycleId, setCycleId] = useState<string>('');

  const create = async (e: Event) => {
    e.preventDefault();
    let id = employeeId || people[0]?.id || '';
    if (adding) {
      if (!name.trim()) return setError(t('person.nameRequired'));
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return setError(t('person.emailRequired'));
      id = crypto.randomUUID();
      await addPerson({ id, name: name.trim(), email: email.trim().toLowerCase() });
    }
    if (!id) return setError(t('person.pick'));
    newSession(id, kind, cycleId || undefined);
    onDone?.();
  };

  return (
    <form class="card new-talk" onSubmit={create} data-testid="new-talk" aria-labelledby="new-talk-title">
      <h2 class="card-title" id="new-talk-title">
        {t('newTalk.title')}
      </h2>
      <p class="card-sub">{t(connection.value ? 'newTalk.introConnected' : 'newTalk.introSolo')}</p>
      {!adding ? (
        <div class="field">
          <label class="field-label" for="nt-person">
            {t('newTalk.person')}
          </label>
          <div class="row">
            <select
              id="nt-person"
              class="input"
              value={employeeId || people[0]?.id || ''}
              onChange={(e) => setEmployeeId((e.currentTarget as HTMLSelectElement).value)}
              data-testid="employee-picker"
            >
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.department ? ` · ${p.department}` : ''}
                  {p.pending ? ` (${t('person.pending')})` : ''}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() => setAdding(true)}
              data-testid="add-person"
            >
              {t('person.add')}
            </button>
          </div>
        </div>
      ) : (
        <fieldset class="subcard" data-testid="person-form">
          <legend class="field-label">{t('person.addTitle')}</legend>
          <TextInput label={t('person.name')} value={name} onInput={setName} testId="person-name" />
          <TextInput
            label={t('person.email')}
            value={email}
            onInput={setEmail}
            type="email"
            testId="person-email"
            hint={t('person.emailHint')}
          />
          {people.length > 0 ? (
            <button type="button" class="btn btn-quiet" onClick={() => setAdding(false)}>
              {t('person.pickInstead')}
            </button>
          ) : null}
        </fieldset>
      )}
      <Segmented
        label={t('newTalk.kind')}
        name="nt-kind"
        options={KINDS.map((k) => ({ value: k, label: KindLabel(k) }))}
        value={kind}
        onChange={setKind}
        testId="kind"
      />
      {cycles.value.length > 0 ? (
        <SelectField id="nt-cycle" label={t('newTalk.cycle')} value={cycleId} onChange={setCycleId}>
          <option value="">{t('newTalk.cycleAuto')}</option>
          {cycles.value.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" class="btn btn-primary" data-testid="create-session">
        {t('newTalk.create')}
      </button>
    </form>
  );
}
