import { render } from 'preact';
import { applyDocumentLanguage, initLocale } from '../../i18n';
import '../../ui/styles.css';
import { App } from './App';

async function start() {
  // Read the stored language first so that the first paint is already in the right language.
  await initLocale();
  applyDocumentLanguage();
  render(<App />, document.getElementById('app')!);
}

start().catch((err: unknown) => console.error('Tandem: side panel failed to start', err));
