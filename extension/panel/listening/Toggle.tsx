/**
 * The listening meter's switch in the Talk tab (issue 18): off by default, one plain sentence on
 * what happens, the choice remembered for the next talks. The meter itself (audio, drawing) loads
 * only once it is switched on.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Session } from '../../../shared/schemas/records';
import { locale } from '../../i18n';
import { lt } from './messages';

export const ENABLED_KEY = 'tandem:listening:enabled';

type MeterProps = { session: Session; step: number };
let loading: Promise<ComponentType<MeterProps>> | null = null;
const loadMeter = () => {
  loading ??= import('./Meter').then((m) => m.default);
  return loading;
};

export default function ListeningToggle({ session, step }: MeterProps) {
  const lang = locale.value;
  const [on, setOn] = useState<boolean | null>(null);
  const [Meter, setMeter] = useState<ComponentType<MeterProps> | null>(null);
  const ended = !!session.endedAt;

  useEffect(() => {
    let live = true;
    browser.storage.local.get(ENABLED_KEY).then(
      (got) => live && setOn(got[ENABLED_KEY] === true),
      () => live && setOn(false),
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (on && !ended && !Meter) void loadMeter().then((m) => setMeter(() => m));
  }, [on, ended, Meter]);

  const toggle = (v: boolean) => {
    setOn(v);
    void browser.storage.local.set({ [ENABLED_KEY]: v }).catch(() => {});
  };
  const id = `listening-${session.id}`;
  return (
    <section class="card listening" aria-labelledby={`${id}-title`} data-testid="listening">
      <div class="row between">
        <h3 class="mini-title" id={`${id}-title`}>
          {lt('title', lang)}
        </h3>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={!!on}
            checked={!!on}
            disabled={on === null || ended}
            onChange={(e) => toggle((e.target as HTMLInputElement).checked)}
            data-testid="listening-toggle"
          />
          <span>{lt('switch', lang)}</span>
        </label>
      </div>
      {on && !ended ? (
        Meter ? (
          <Meter session={session} step={step} />
        ) : (
          <p class="muted">{lt('starting', lang)}</p>
        )
      ) : (
        <>
          <p class="field-hint" data-testid="listening-promise">
            {lt('promise', lang)}
          </p>
          {session.listening ? <p class="field-hint">{lt('saved', lang)}</p> : null}
        </>
      )}
      {!on ? <p class="field-hint">{lt('remembered', lang)}</p> : null}
    </section>
  );
}
