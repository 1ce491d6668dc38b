import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** The members she blocked (first page of 50: a longer list is not a realistic case here). */
export const getBlocks = query(() => unwrap(api.members.me.blocks.$get({ query: { limit: '50' } })), 'blocks');

/** The next page of blocks, for "Load more". */
export const fetchBlocksPage = (cursor: string) => unwrap(api.members.me.blocks.$get({ query: { limit: '50', cursor } }));

/** Whether her account asks for an authenticator code at sign-in. */
export const getMfa = query(() => unwrap(api.auth.mfa.$get()), 'mfa');

export const preloadSettings = () => {
  void getMfa();
  void getBlocks();
};
