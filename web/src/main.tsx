import { render } from 'solid-js/web';
import { App } from './app';
import { deviceLocale, setLocale } from './i18n';
import './styles.css';

await setLocale(deviceLocale());
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
render(() => <App />, root);
