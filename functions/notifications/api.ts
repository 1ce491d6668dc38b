import { createApi } from '../lib/http';
import { notificationRoutes } from './routes';

export const notificationsApi = createApi().route('/api/notifications', notificationRoutes);
