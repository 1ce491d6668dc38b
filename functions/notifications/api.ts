import { announcementRoutes } from '../announcements/routes';
import { emailRoutes } from '../email/routes';
import { createApi } from '../lib/http';
import { notificationRoutes } from './routes';

/** Notifications, the board's announcements, and the email unsubscribe (email is how notices leave the app). */
export const notificationsApi = createApi()
  .route('/api/notifications', notificationRoutes)
  .route('/api/announcements', announcementRoutes)
  .route('/api/email', emailRoutes);
