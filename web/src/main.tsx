import { render } from 'solid-js/web';
render(() => <p>Champions Network</p>, document.getElementById('root') as HTMLElement);
