import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** A series: its parts she may see, her progress and whether she completed it. */
export const getSeries = query((id: string) => unwrap(api.series[':id'].$get({ param: { id } })), 'series');

export const preloadSeries = ({ params }: { params: Partial<Record<string, string>> }) => {
  if (params.id) void getSeries(params.id);
};
