import { createApi } from '../lib/http';
import { authRoutes } from './routes';

export const authApi = createApi().route('/api/auth', authRoutes);
