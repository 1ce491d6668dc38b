import { createApi } from '../lib/http';
import { boardMentorshipRoutes, matchRoutes, mentorshipRoutes } from './routes';

export const mentorshipApi = createApi()
  .route('/api/mentorships', mentorshipRoutes)
  .route('/api/matches', matchRoutes)
  .route('/api/board', boardMentorshipRoutes);
