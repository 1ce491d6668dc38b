import type { InferResponseType } from 'hono/client';
import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** The audit log, newest first. */
export const getAudit = query(() => unwrap(api.moderation.audit.$get({ query: { limit: '50' } })), 'audit');

/** The next page, for "Load more". */
export const fetchAuditPage = (cursor: string) => unwrap(api.moderation.audit.$get({ query: { limit: '50', cursor } }));

/* (Solid's query() hides its function's return type, so the types come from the API client.) */
export type AuditEntry = InferResponseType<typeof api.moderation.audit.$get, 200>['items'][number];

export const preloadAudit = () => void getAudit();
