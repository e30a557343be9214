import { render } from 'preact';

function App() {
  return <main>Tandem</main>;
}

render(<App />, document.getElementById('app')!);
