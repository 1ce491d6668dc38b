import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** Her agenda from a day ago: events she is registered for and her agreed mentoring meetings. */
export const getAgenda = query(() => unwrap(api.agenda.$get({ query: { limit: '50' } })), 'agenda');
export const fetchAgendaPage = (cursor: string) => unwrap(api.agenda.$get({ query: { limit: '50', cursor } }));
export const preloadAgenda = () => void getAgenda();
