import { fileRoutes } from '../files/routes';
import { registerFileOwner } from '../files/service';
import { assertCanManage, assertCanSee } from './service';

/*
 * An event's materials as files (issue 14): the board and the event's hosts attach them; whoever
 * may see the event downloads them. Mounted at /api/events/:id/files (functions/app.ts and
 * functions/programme/api.ts).
 */
registerFileOwner('event', {
  assertCanUpload: (session, eventId, member) => assertCanManage(session, member, eventId),
  assertCanRead: (session, eventId, member) => assertCanSee(session, member, eventId),
});

export const eventFileRoutes = fileRoutes('event');
