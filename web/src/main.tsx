import { render } from 'solid-js/web';
import { App } from './app';
import { setLocale } from './i18n';
import './styles.css';

setLocale('en');
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
render(() => <App />, root);
