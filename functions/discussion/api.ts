import { createApi } from '../lib/http';
import { moderationRoutes, postRoutes, spaceRoutes, threadRoutes } from './routes';

export const discussionApi = createApi()
  .route('/api/spaces', spaceRoutes)
  .route('/api/threads', threadRoutes)
  .route('/api/posts', postRoutes)
  .route('/api/moderation', moderationRoutes);
