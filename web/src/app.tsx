import { Router } from '@solidjs/router';
import { getMe } from './lib/session';
import { routes } from './routes';
import { Shell } from './shell/shell';

export function App() {
  return (
    <Router root={Shell} rootPreload={() => void getMe()}>
      {routes}
    </Router>
  );
}
