import * as z from 'zod/mini';
import { lazy } from './schemas';

/*
 * Email (issue 13): the one route outside a session, the one-click unsubscribe. Its token is
 * opaque to the app (functions/email/token.ts signs and checks it).
 */

/** `POST /api/email/unsubscribe?token=`: the token from the email's link or List-Unsubscribe header. */
export const UnsubscribeQuerySchema = /* @__PURE__ */ lazy(() => z.object({ token: z.string().check(z.minLength(1), z.maxLength(512)) }));
