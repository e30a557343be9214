import { render } from 'preact';
import { applyDocumentLanguage, initLocale } from '../../i18n';
import { initPack } from '../../panel/pack';
import { startPrepareWiring } from '../../panel/prepare/start';
import { initStore } from '../../store';
import '../../ui/styles.css';
import '../../ui/panel.css';
import { App } from './App';

async function start() {
  // Read the stored language and records first so that the first paint is already complete.
  await Promise.all([initLocale(), initStore(), initPack()]);
  applyDocumentLanguage();
  render(<App />, document.getElementById('app')!);
  // For the size and speed report (DESIGN §7): time from navigation to the first complete render.
  performance.mark('tandem:first-render');
  startPrepareWiring();
}

start().catch((err: unknown) => console.error('Tandem: side panel failed to start', err));
