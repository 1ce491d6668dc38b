import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** The board-managed watched words and their version. */
export const getRules = query(() => unwrap(api.moderation.rules.$get()), 'rules');

/** The board's own settings (the waiting period before a declined applicant may apply again). */
export const getBoardSettings = query(() => unwrap(api.board.settings.$get()), 'board-settings');

export const preloadRules = () => {
  void getRules();
  void getBoardSettings();
};
