import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** The member's export: the one place the API lists her blocks. */
export const getExport = query(() => unwrap(api.members.me.export.$get()), 'export');

export const preloadSettings = () => void getExport();
