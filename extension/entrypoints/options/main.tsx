import { render } from 'preact';
import { applyDocumentLanguage, initLocale } from '../../i18n';
import { initStore } from '../../store';
import '../../ui/styles.css';
import '../../ui/panel.css';
import { Options } from './Options';

async function start() {
  await Promise.all([initLocale(), initStore()]);
  applyDocumentLanguage();
  render(<Options />, document.getElementById('app')!);
}

start().catch((err: unknown) => console.error('Tandem: options failed to start', err));
