import { createApi } from '../lib/http';
import { boardRoutes } from './routes';

export const boardApi = createApi().route('/api/board', boardRoutes);
