import { createApi } from '../lib/http';
import { meRoutes, memberRoutes } from './routes';

export const membersApi = createApi().route('/api/me', meRoutes).route('/api/members', memberRoutes);
