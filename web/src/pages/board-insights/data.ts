import { query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { api, unwrap } from '../../lib/api';

export type InsightsRange = { from?: string; to?: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const month = (v: string | string[] | undefined) => {
  const m = one(v);
  return m && MONTH.test(m) ? m : undefined;
};

/** The months in the address (?from=&to=, yyyy-mm); anything else is left to the API's default (the last 12). */
export const rangeFrom = (search: SearchParams): InsightsRange => ({ from: month(search.from), to: month(search.to) });

export const getInsights = query(
  (range: InsightsRange) =>
    unwrap(api.board.insights.$get({ query: { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) } })),
  'insights',
);

/* (Solid's query() hides its function's return type, so the types come from the API client.) */
export type Insights = InferResponseType<typeof api.board.insights.$get, 200>;
export type InsightsTable = Insights['tables'][keyof Insights['tables']];
export type InsightsCell = InsightsTable['rows'][number]['cells'][number];

export const preloadInsights = ({ location }: RoutePreloadFuncArgs) => void getInsights(rangeFrom(location.query));
