/** The launcher was clicked in a meeting no talk is linked to: the manager picks the talk. */
import { locale, useT } from '../../i18n';
import { sessions } from '../../store';
import { personName } from '../model';
import { KindLabel } from '../PrepareTab';
import { fmtWhen, shortLink } from './format';
import { choosePanelSession, dismissPanelChoice, panelChoice } from './wiring';

export function PanelChoiceCard() {
  const t = useT();
  const lang = locale.value;
  const c = panelChoice.value;
  if (!c) return null;
  const list = c.candidates.map((id) => sessions.value.find((e) => e.id === id)?.data).filter((s) => !!s);
  return (
    <section class="card panel-choice" aria-labelledby="panel-choice-title" data-testid="panel-choice">
      <h2 class="card-title" id="panel-choice-title">
        {t('prep.call.title')}
      </h2>
      <p class="card-sub">
        {t('prep.call.intro')} <span class="link-cell">{shortLink(c.request.meetingUrl)}</span>
      </p>
      {list.length === 0 ? <p class="muted small">{t('prep.call.none')}</p> : null}
      <ul class="plain-list stack-tight">
        {list.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              class="choice-btn"
              onClick={() => void choosePanelSession(s.id)}
              data-testid="panel-choice-session"
              data-session={s.id}
            >
              <strong>{personName(s.employeeId)}</strong> · {KindLabel(s.kind)}
              {s.scheduledAt ? <span class="muted"> · {fmtWhen(s.scheduledAt, lang)}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="btn" onClick={() => void choosePanelSession(null)}>
          ＋ {t('prep.call.new')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={() => void dismissPanelChoice()}>
          {t('prep.call.notNow')}
        </button>
      </div>
    </section>
  );
}
