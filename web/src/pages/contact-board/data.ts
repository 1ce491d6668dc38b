import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** Her messages to the board, newest first, with the board's answers. */
export const getBoardMessages = query(() => unwrap(api.members.me['board-messages'].$get({ query: { limit: '20' } })), 'board-messages');

export const fetchBoardMessagesPage = (cursor: string) => unwrap(api.members.me['board-messages'].$get({ query: { limit: '20', cursor } }));

export const preloadBoardMessages = () => void getBoardMessages();
