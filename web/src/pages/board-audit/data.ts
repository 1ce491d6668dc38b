import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** The audit log, newest first. */
export const getAudit = query(() => unwrap(api.moderation.audit.$get({ query: { limit: '50' } })), 'audit');

export const preloadAudit = () => void getAudit();
