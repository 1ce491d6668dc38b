import { cohortRoutes } from './mentorship/cohort-routes';
import { accountRoutes } from './account/routes';
import { announcementRoutes, boardAnnouncementRoutes } from './announcements/routes';
import { authRoutes } from './auth/routes';
import { boardMessageModerationRoutes, boardSettingsRoutes, ownBoardMessageRoutes } from './board/message-routes';
import { boardRoutes } from './board/routes';
import { insightRoutes } from './insights/routes';
import { emailRoutes } from './email/routes';
import { createApi } from './lib/http';
import { OpenApiDocumentSchema } from '../shared/schemas';
import { buildOpenApi, describe, respond } from './lib/openapi';
import { meRoutes, memberRoutes } from './members/routes';
import { moderationRoutes, postRoutes, spaceRoutes, threadRoutes } from './discussion/routes';
import { metaRoutes } from './meta/routes';
import { caseRoutes, reportRoutes } from './moderation/routes';
import { boardMentorshipRoutes, matchRoutes, mentorshipRoutes } from './mentorship/routes';
import { notificationRoutes } from './notifications/routes';
import { calendarRoutes } from './events/calendar-routes';
import { eventFileRoutes } from './events/files';
import { practiceFileRoutes } from './practices/files';
import { agendaRoutes, eventRoutes, seriesRoutes } from './events/routes';
import { conversationCalendarRoutes } from './conversations/calendar-routes';
import { conversationRoutes, unreadConversationRoutes } from './conversations/routes';
import { planRoutes, sharedPlanRoutes } from './plan/routes';
import { practiceModerationRoutes, practiceRoutes } from './practices/routes';
import { searchRoutes } from './search/routes';

/**
 * The whole API: one sub-app per domain. Locally it runs as one Node server; in AWS each
 * domain is its own Lambda function (functions/handlers), mounting only its own sub-app.
 */
export const app = createApi()
  .route('/api/auth', authRoutes)
  .route('/api/me', meRoutes)
  .route('/api/members/me/board-messages', ownBoardMessageRoutes)
  .route('/api/members', sharedPlanRoutes)
  .route('/api/members', accountRoutes)
  .route('/api/members', memberRoutes)
  .route('/api/board', boardRoutes)
  .route('/api/board/settings', boardSettingsRoutes)
  .route('/api/board/announcements', boardAnnouncementRoutes)
  .route('/api/board/insights', insightRoutes)
  .route('/api/board', boardMentorshipRoutes)
  .route('/api/board', cohortRoutes)
  .route('/api/mentorships', mentorshipRoutes)
  .route('/api/mentorships', conversationRoutes)
  .route('/api/mentorships', conversationCalendarRoutes)
  .route('/api/conversations', unreadConversationRoutes)
  .route('/api/matches', matchRoutes)
  .route('/api/spaces', spaceRoutes)
  .route('/api/threads', threadRoutes)
  .route('/api/posts', postRoutes)
  .route('/api/moderation/practices', practiceModerationRoutes)
  .route('/api/moderation', moderationRoutes)
  .route('/api/moderation', caseRoutes)
  .route('/api/moderation/messages', boardMessageModerationRoutes)
  .route('/api/reports', reportRoutes)
  .route('/api/notifications', notificationRoutes)
  .route('/api/email', emailRoutes)
  .route('/api/announcements', announcementRoutes)
  .route('/api/events', eventRoutes)
  .route('/api/events', calendarRoutes)
  .route('/api/events/:id/files', eventFileRoutes)
  .route('/api/practices/:id/files', practiceFileRoutes)
  .route('/api/series', seriesRoutes)
  .route('/api/agenda', agendaRoutes)
  .route('/api/meta', metaRoutes)
  .route('/api/plan', planRoutes)
  .route('/api/practices', practiceRoutes)
  .route('/api/search', searchRoutes)
  .get(
    '/api/openapi.json',
    describe({
      summary: 'This document',
      tags: ['meta'],
      responses: { 200: { description: 'OpenAPI 3.0', schema: OpenApiDocumentSchema } },
    }),
    (c) => respond(c, OpenApiDocumentSchema, openApiDocument(), 200),
  );

export type AppType = typeof app;

let doc: ReturnType<typeof buildOpenApi> | undefined;

export function openApiDocument() {
  doc ??= buildOpenApi(app.routes, { title: 'Champions Network API', version: '1.0.0' });
  return doc;
}
