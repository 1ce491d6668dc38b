import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

export type EventFilters = { past: boolean; seriesId?: string; language?: string; kind?: 'webinar' | 'coaching' };

const queryOf = (f: EventFilters, cursor?: string) => ({
  limit: '20',
  ...(f.past ? { to: new Date().toISOString() } : {}),
  ...(f.seriesId ? { seriesId: f.seriesId } : {}),
  ...(f.language ? { language: f.language } : {}),
  ...(f.kind ? { kind: f.kind } : {}),
  ...(cursor ? { cursor } : {}),
});

/** One page of the events she may see: upcoming (soonest first) or past (newest first). */
export const getEvents = query((f: EventFilters) => unwrap(api.events.$get({ query: queryOf(f) })), 'events');
export const fetchEventsPage = (f: EventFilters, cursor: string) => unwrap(api.events.$get({ query: queryOf(f, cursor) }));

/** The series, for the filter (few: one page). */
export const getSeriesList = query(() => unwrap(api.series.$get({ query: { limit: '50' } })), 'series-list');

export const preloadEvents = () => {
  void getEvents({ past: false });
  void getSeriesList();
};
