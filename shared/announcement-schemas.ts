import * as z from 'zod/mini';
import { lazy } from './schemas';
import { normalizeText } from './text';

/*
 * Board announcements (issue 13): the board writes to every active member at once. The body is
 * plain text or the app's safe Markdown, rendered by the app like a post (links never previewed).
 */

export const ANNOUNCEMENT_TITLE_MAX = 120;
export const ANNOUNCEMENT_BODY_MAX = 10_000;

const text = (max: number, message: string) =>
  z.pipe(z.string().check(z.maxLength(max), z.overwrite(normalizeText)), z.string().check(z.minLength(1, { message })));

/** What the board writes: a title and a body, NFC-normalised and trimmed, neither empty. */
export const AnnouncementInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    title: text(ANNOUNCEMENT_TITLE_MAX, 'Give the announcement a title.'),
    body: text(ANNOUNCEMENT_BODY_MAX, 'Write the announcement first.'),
  }),
);
export type AnnouncementInput = z.infer<typeof AnnouncementInputSchema>;

/** An announcement as members read it. The author is the board, never a named member. */
export const AnnouncementSchema = /* @__PURE__ */ lazy(() =>
  z.object({ id: z.string(), title: z.string(), body: z.string(), at: z.string() }),
);
export type Announcement = z.infer<typeof AnnouncementSchema>;

/** The board's answer on sending: the record, and how many members were notified in the app. */
export const AnnouncementSentSchema = /* @__PURE__ */ lazy(() =>
  z.object({ id: z.string(), title: z.string(), body: z.string(), at: z.string(), notified: z.int(), emailed: z.int() }),
);

/** How many active members an announcement would reach now (the board's confirm step). */
export const AnnouncementAudienceSchema = /* @__PURE__ */ lazy(() => z.object({ members: z.int() }));
