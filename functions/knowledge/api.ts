import { createApi } from '../lib/http';
import { practiceModerationRoutes, practiceRoutes } from '../practices/routes';

/** The knowledge function (issue 14): the library of good practices and the board's decisions on them. */
export const knowledgeApi = createApi()
  .route('/api/practices', practiceRoutes)
  .route('/api/moderation/practices', practiceModerationRoutes);
