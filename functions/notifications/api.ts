import { emailRoutes } from '../email/routes';
import { createApi } from '../lib/http';
import { notificationRoutes } from './routes';

/** Notifications, and the email unsubscribe (email is how notices leave the app). */
export const notificationsApi = createApi().route('/api/notifications', notificationRoutes).route('/api/email', emailRoutes);
