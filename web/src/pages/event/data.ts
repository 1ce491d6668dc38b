import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

export const getEvent = query((id: string) => unwrap(api.events[':id'].$get({ param: { id } })), 'event');
export const getSeriesDetail = query((id: string) => unwrap(api.series[':id'].$get({ param: { id } })), 'series-detail');
/** The board's and hosts' view: everyone registered, waiting or marked as attended (the first 50). */
export const getRegistrations = query(
  (id: string) => unwrap(api.events[':id'].registrations.$get({ param: { id }, query: { limit: '50' } })),
  'event-registrations',
);
export const getEventFeedback = query(
  (id: string) => unwrap(api.events[':id'].feedback.$get({ param: { id }, query: { limit: '50' } })),
  'event-feedback',
);

export const preloadEvent = ({ params }: { params: Partial<Record<string, string>> }) => {
  if (params.id) void getEvent(params.id);
};
