import { announcementRoutes } from '../announcements/routes';
import { createApi } from '../lib/http';
import { notificationRoutes } from './routes';

export const notificationsApi = createApi().route('/api/notifications', notificationRoutes).route('/api/announcements', announcementRoutes);
