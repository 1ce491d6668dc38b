import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

export const getBoardSeries = query(() => unwrap(api.series.$get({ query: { limit: '50' } })), 'board-series');
export const getSeriesFeedback = query((id: string) => unwrap(api.series[':id'].feedback.$get({ param: { id } })), 'series-feedback');
export const preloadBoardEvents = () => void getBoardSeries();
