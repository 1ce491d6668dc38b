import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';
import { getMe, getMfa } from '../../lib/session';

/** The members she blocked (first page of 50: a longer list is not a realistic case here). */
export const getBlocks = query(() => unwrap(api.members.me.blocks.$get({ query: { limit: '50' } })), 'blocks');

/** The next page of blocks, for "Load more". */
export const fetchBlocksPage = (cursor: string) => unwrap(api.members.me.blocks.$get({ query: { limit: '50', cursor } }));

/** The devices she is signed in on, newest first (a handful; the first 50). */
export const getSessions = query(() => unwrap(api.auth.sessions.$get({ query: { limit: '50' } })), 'sessions');

/** Blocks are a member's: an applicant still waiting has none to list (and the API says 403). */
export const preloadSettings = () => {
  void getMfa();
  void getSessions();
  void getMe().then((me) => {
    if (me?.status === 'active') void getBlocks();
  });
};
