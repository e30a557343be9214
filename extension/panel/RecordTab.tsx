/** Record (step 11): consensus, appeal, key points, SMART action items, private notes, "mark recorded". */
import { t as tc } from '../../shared/content/pack/lookup';
import { setStep } from '../../shared/logic/checklist';
import { checkSmart, SMART_RULES, smartHintText } from '../../shared/logic/smart';
import type { ActionItem, Session } from '../../shared/schemas/records';

type Consensus = NonNullable<Session['consensus']>;

import type { Entry } from '../../shared/sync/engine';
import { locale, useT } from '../i18n';
import { deleteRecord, editItem, editSession } from '../store';
import { current, currentItems, newActionItem, nowIso, today } from './model';
import { recordNudges } from './nudges';
import { NewTalk } from './PrepareTab';
import { pack } from './pack';
import { LockIcon, NoteField, Nudge, Segmented, StepSection, TextInput } from './ui';

export function ActionItemEditor({ entry, index }: { entry: Entry<ActionItem>; index: number }) {
  const t = useT();
  const lang = locale.value;
  const a = entry.data;
  const smart = checkSmart(a, { today: today() });
  const started = (a.title ?? '').trim() !== '' || !!a.measure || !!a.dueOn;
  const hintId = `smart-${a.id}`;
  return (
    <li
      class="card action-item"
      data-testid="action-item"
      data-item={a.id}
      data-smart={smart.ok ? 'ok' : 'missing'}
    >
      <div class="row between">
        <h3 class="mini-title">{t('item.heading', { n: index + 1 })}</h3>
        <button
          type="button"
          class="icon-btn"
          aria-label={t('item.remove', { n: index + 1 })}
          onClick={() => deleteRecord('actionItem', a.id)}
        >
          ×
        </button>
      </div>
      <TextInput
        label={t('item.title')}
        value={a.title}
        onInput={(v) => editItem(a.id, 'title', v)}
        placeholder={t('item.titlePlaceholder')}
        testId="item-title"
        describedBy={hintId}
        invalid={started && smart.missing.includes('specific')}
      />
      <Segmented
        label={t('item.owner')}
        name={`owner-${a.id}`}
        options={[
          { value: 'employee', label: t('item.ownerEmployee') },
          { value: 'manager', label: t('item.ownerManager') },
        ]}
        value={a.owner}
        onChange={(v) => editItem(a.id, 'owner', v)}
        testId="item-owner"
      />
      {a.owner === 'manager' ? <p class="field-hint">{t('item.supportHint')}</p> : null}
      <div class="grid-2">
        <TextInput
          label={t('item.due')}
          type="date"
          value={a.dueOn ?? ''}
          onInput={(v) => editItem(a.id, 'dueOn', v || null)}
          testId="item-due"
          invalid={started && smart.missing.includes('due')}
        />
        <TextInput
          label={t('item.measure')}
          value={a.measure ?? ''}
          onInput={(v) => editItem(a.id, 'measure', v || null)}
          placeholder={t('item.measurePlaceholder')}
          testId="item-measure"
          invalid={started && smart.missing.includes('measurable')}
        />
      </div>
      <div class="smart" id={hintId} aria-live="polite" data-testid="smart-check">
        {smart.ok ? (
          <p class="ok-line">✓ {t('item.smartOk')}</p>
        ) : started ? (
          <ul class="smart-list">
            {smart.hints.map((h) => (
              <li key={h.part} data-missing={h.part}>
                <strong>{SMART_RULES[h.part].label[lang]}</strong>: {smartHintText(h, lang)}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('item.smartIntro')}</p>
        )}
      </div>
    </li>
  );
}

export default function RecordTab() {
  const t = useT();
  const lang = locale.value;
  const s = current.value;
  if (!s) return <NewTalk />;
  const items = currentItems.value;
  const nudges = recordNudges(
    s,
    items.map((e) => e.data),
    new Date(),
  );
  const recorded = s.status === 'recorded';
  const incomplete = items.filter((e) => !checkSmart(e.data, { today: today() }).ok).length;
  return (
    <div class="stack" key={s.id}>
      <StepSection step={11} session={s}>
        {nudges.map((n) => (
          <Nudge key={n}>
            {tc(pack.nudges[n as 'shortTalk' | 'notRecorded24h' | 'actionItemIncomplete'], lang)}
          </Nudge>
        ))}
        <Segmented
          label={t('record.consensus')}
          name={`consensus-${s.id}`}
          options={[
            { value: 'agreed', label: t('record.agreed') },
            { value: 'partial', label: t('record.partial') },
            { value: 'disagreed', label: t('record.disagreed') },
          ]}
          value={s.consensus ?? null}
          onChange={(v: Consensus) => editSession(s.id, 'consensus', v)}
          testId="consensus"
        />
        <label class="inline-check">
          <input
            type="checkbox"
            checked={!!s.appealed}
            onChange={(e) => editSession(s.id, 'appealed', (e.currentTarget as HTMLInputElement).checked)}
            data-testid="appealed"
          />
          {t('record.appealed')}
        </label>
        <NoteField
          session={s}
          id="keyPoints"
          label={t('record.keyPoints')}
          placeholder={t('record.keyPointsPlaceholder')}
        />
      </StepSection>
      <section class="stack-tight" aria-labelledby="items-title">
        <div class="row between">
          <h2 class="section-title" id="items-title">
            {t('record.items')}
          </h2>
          <span class="muted small">{t('record.itemsCount', { n: items.length })}</span>
        </div>
        {items.length === 0 ? <p class="muted">{t('record.noItems')}</p> : null}
        <ol class="plain-list stack-tight">
          {items.map((e, i) => (
            <ActionItemEditor key={e.id} entry={e} index={i} />
          ))}
        </ol>
        <div class="row">
          <button
            type="button"
            class="btn"
            onClick={() => newActionItem(s.id, 'employee')}
            data-testid="add-item"
          >
            ＋ {t('record.addItem')}
          </button>
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => newActionItem(s.id, 'manager')}
            data-testid="add-support"
          >
            ＋ {t('record.addSupport')}
          </button>
        </div>
      </section>
      <section class="card private-card" aria-labelledby="private-title" data-testid="private-notes">
        <h2 class="card-title" id="private-title">
          <LockIcon /> {t('record.private')}
        </h2>
        <p class="card-sub">{t('record.privateHint')}</p>
        <NoteField session={s} id="private" label={t('record.privateLabel')} rows={3} />
      </section>
      <div class="card record-bar">
        {recorded ? (
          <p class="ok-line" data-testid="recorded">
            ✓ {t('record.recordedAt', { when: new Date(s.recordedAt ?? Date.now()).toLocaleString(lang) })}
          </p>
        ) : (
          <>
            {incomplete > 0 ? <p class="field-hint">{t('record.incomplete', { n: incomplete })}</p> : null}
            <button
              type="button"
              class="btn btn-primary btn-wide"
              onClick={() => {
                const at = `${nowIso().slice(0, 19)}Z`;
                if (!s.endedAt) editSession(s.id, 'endedAt', at);
                if (!s.startedAt) editSession(s.id, 'startedAt', at);
                editSession(s.id, 'recordedAt', at);
                editSession(s.id, 'status', 'recorded');
                editSession(s.id, 'checklist', setStep(s.checklist, 11, true));
              }}
              data-testid="mark-recorded"
            >
              {t('record.markRecorded')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
