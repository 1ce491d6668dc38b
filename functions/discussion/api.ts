import { boardMessageModerationRoutes } from '../board/message-routes';
import { createApi } from '../lib/http';
import { caseRoutes, reportRoutes } from '../moderation/routes';
import { moderationRoutes, postRoutes, spaceRoutes, threadRoutes } from './routes';

export const discussionApi = createApi()
  .route('/api/spaces', spaceRoutes)
  .route('/api/threads', threadRoutes)
  .route('/api/posts', postRoutes)
  .route('/api/moderation', moderationRoutes)
  .route('/api/moderation', caseRoutes)
  .route('/api/moderation/messages', boardMessageModerationRoutes)
  .route('/api/reports', reportRoutes);
