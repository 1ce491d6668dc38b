import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** The audit log, newest first. */
export const getAudit = query(() => unwrap(api.moderation.audit.$get({ query: { limit: '50' } })), 'audit');

/** The next page, for "Load more". */
export const fetchAuditPage = (cursor: string) => unwrap(api.moderation.audit.$get({ query: { limit: '50', cursor } }));

export const preloadAudit = () => void getAudit();
