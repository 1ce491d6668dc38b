import { boardAnnouncementRoutes } from '../announcements/routes';
import { insightRoutes } from '../insights/routes';
import { createApi } from '../lib/http';
import { boardSettingsRoutes } from './message-routes';
import { boardRoutes } from './routes';

export const boardApi = createApi()
  .route('/api/board', boardRoutes)
  .route('/api/board/settings', boardSettingsRoutes)
  .route('/api/board/announcements', boardAnnouncementRoutes)
  .route('/api/board/insights', insightRoutes);
