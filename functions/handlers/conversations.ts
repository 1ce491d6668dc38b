import { lambdaHandler } from '../lib/lambda';
import { conversationRoutes, unreadConversationRoutes } from '../conversations/routes';
import { createApi } from '../lib/http';

/** The conversations of accepted mentorships (issue 12); a meeting's calendar file is the calendar function's. */
export const handler = lambdaHandler(
  createApi().route('/api/mentorships', conversationRoutes).route('/api/conversations', unreadConversationRoutes),
);
