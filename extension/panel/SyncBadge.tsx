/** Where the work is: saved locally, synced, offline, conflict. Click to sync now (or to set up). */
import { browser } from 'wxt/browser';
import { useT } from '../i18n';
import { connection, syncNow, syncView } from '../store';

export function SyncBadge() {
  const t = useT();
  const view = syncView.value;
  const connected = !!connection.value;
  const label = t(`sync.${view}` as const);
  const onClick = () => {
    if (!connected || view === 'signin') void browser.runtime.openOptionsPage();
    else void syncNow();
  };
  return (
    <button
      type="button"
      class={`sync-badge sync-${view}`}
      onClick={onClick}
      title={
        view === 'offline'
          ? t('sync.offlineHint')
          : connected
            ? t('sync.clickToSync')
            : t('sync.clickToConnect')
      }
      data-testid="sync-state"
      data-state={view}
    >
      <span class="sync-dot" aria-hidden="true" />
      <span role="status" aria-live="polite">
        {label}
      </span>
    </button>
  );
}
