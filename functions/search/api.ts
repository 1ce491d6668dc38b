import { createApi } from '../lib/http';
import { searchRoutes } from './routes';

/** The search function's app (the integrator may fold it into the knowledge function). */
export const searchApi = createApi().route('/api/search', searchRoutes);
