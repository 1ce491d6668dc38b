import { boardMessageModerationRoutes } from '../board/message-routes';
import { createApi } from '../lib/http';
import { caseRoutes, reportRoutes } from './routes';

/**
 * Reports, cases, sanctions, the held-content rules and the board's inbox of members' messages,
 * in AWS a function of their own: in the discussion function they took its bundle past its
 * budget. Held posts' review stays with the discussion (functions/discussion/api.ts).
 */
export const moderationApi = createApi()
  .route('/api/moderation', caseRoutes)
  .route('/api/moderation/messages', boardMessageModerationRoutes)
  .route('/api/reports', reportRoutes);
