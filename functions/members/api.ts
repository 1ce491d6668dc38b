import { ownBoardMessageRoutes } from '../board/message-routes';
import { createApi } from '../lib/http';
import { meRoutes, memberRoutes } from './routes';

export const membersApi = createApi()
  .route('/api/me', meRoutes)
  .route('/api/members/me/board-messages', ownBoardMessageRoutes)
  .route('/api/members', memberRoutes);
