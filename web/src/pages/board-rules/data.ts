import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** The board-managed watched words and their version. */
export const getRules = query(() => unwrap(api.moderation.rules.$get()), 'rules');

export const preloadRules = () => void getRules();
