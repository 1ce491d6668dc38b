import { render } from 'solid-js/web';
import { App } from './app';
import { deviceLocale, setLocale } from './i18n';
import { applyDiscretion } from './lib/discreet';
import { loadExitUrl } from './lib/quick-exit';
import './styles.css';

// Not awaited: the exit works with the default address until the deployment's is read.
loadExitUrl();
await setLocale(deviceLocale());
applyDiscretion();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
render(() => <App />, root);
