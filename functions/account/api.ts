import { createApi } from '../lib/http';
import { accountRoutes } from './routes';

export const accountApi = createApi().route('/api/members', accountRoutes);
