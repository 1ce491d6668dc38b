import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

const route = api.board.announcements;

/** What the board has sent, newest first (first page). */
export const getAnnouncements = query(() => unwrap(route.$get({ query: { limit: '20' } })), 'board-announcements');

/** The next page, for "Load more". */
export const fetchAnnouncementsPage = (cursor: string) => unwrap(route.$get({ query: { limit: '20', cursor } }));

/** How many members an announcement would reach now (read for the confirm step, never cached). */
export const getAudience = () => unwrap(route.audience.$get());

export const sendAnnouncement = (json: { title: string; body: string }) => unwrap(route.$post({ json }));

export const preloadBoardAnnouncements = () => void getAnnouncements();
