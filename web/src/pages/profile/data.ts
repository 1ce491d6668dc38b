import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** The caller's own full profile, with its visibility settings and version. */
export const getOwnProfile = query(() => unwrap(api.members.me.$get()), 'own-profile');

export const preloadProfile = () => void getOwnProfile();
