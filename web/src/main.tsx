import { render } from 'solid-js/web';
import { App } from './app';
import { deviceLocale, intlLocale, setLocale } from './i18n';
import { warmIntl } from './i18n/warm';
import { accountLocaleAtLoad } from './lib/account-locale';
import { applyDiscretion } from './lib/discreet';
import { mayBeSignedIn } from './lib/session';
import { loadExitUrl } from './lib/quick-exit';
import './styles.css';

// Not awaited: the exit works with the default address until the deployment's is read.
loadExitUrl();
// Her language's catalog loads beside the page's code, its data and /api/me (the shell starts
// them as it mounts, and shows itself once the catalog is in), not before them. With a session,
// the language is her account's when she saved one (account-locale.ts): its answer comes beside
// the catalog's, while the first paint holds the screen. If the catalog cannot be fetched (a
// dropped link), English, which every page can show, rather than nothing.
const device = deviceLocale();
void (mayBeSignedIn() ? accountLocaleAtLoad() : Promise.resolve(undefined))
  .then((account) => (account && account !== device ? setLocale(account, { keep: true }) : setLocale(device)))
  .catch(() => setLocale('en'))
  .then(applyDiscretion);
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
render(() => <App />, root);
// While her first page waits on the network: see warm.ts.
if (mayBeSignedIn()) warmIntl(intlLocale(device));
