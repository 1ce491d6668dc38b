import * as z from 'zod/mini';
import { PostBodySchema, lazy } from './schemas';

/*
 * Conversations between mentor and mentee (issue 12): the schemas the API validates with and
 * answers with, and the web app's types.
 */

/** Times a message may propose for a meeting. */
export const MAX_PROPOSALS = 3;
/** How long after writing a message its author may still edit it. */
export const EDIT_WINDOW_MINUTES = 15;
/** How long an agreed meeting lasts in the agendas and the calendar file, unless said otherwise. */
export const MEETING_MINUTES = 60;

const instant = () => z.iso.datetime({ offset: true });

export const MessageInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    body: PostBodySchema,
    /** Up to three distinct future times for a meeting (checked against the clock by the service). */
    proposals: z.optional(
      z.array(instant()).check(
        z.maxLength(MAX_PROPOSALS),
        z.refine((xs) => new Set(xs.map((x) => new Date(x).getTime())).size === xs.length, {
          message: 'Propose each time once.',
          params: { code: 'duplicate_items' },
        }),
      ),
    ),
  }),
);
export type MessageInput = z.infer<typeof MessageInputSchema>;

export const MessageEditSchema = /* @__PURE__ */ lazy(() => z.strictObject({ body: PostBodySchema, version: z.optional(z.int()) }));

export const AcceptProposalSchema = /* @__PURE__ */ lazy(() => z.strictObject({ startsAt: instant() }));

export const MessageSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    authorId: z.string(),
    /** Empty once deleted (by its author, or with her account). */
    body: z.string(),
    at: z.string(),
    editedAt: z.optional(z.string()),
    deleted: z.boolean(),
    /** The times the message proposes for a meeting, as UTC instants. */
    proposals: z.optional(z.array(z.object({ startsAt: z.string() }))),
    /** The proposal the other member accepted: the meeting, in both agendas. */
    acceptedProposal: z.optional(z.object({ startsAt: z.string(), endsAt: z.string(), acceptedAt: z.string() })),
    version: z.int(),
  }),
);
export type Message = z.infer<typeof MessageSchema>;

/**
 * Whether the two may write: `open`; `read_only` once the mentorship has ended or completed;
 * `closed` while a block stands between them or a suspension holds (the mentorship's or a member's);
 * `not_started` before the mentorship is accepted (or when it never was).
 */
export const ConversationStateSchema = /* @__PURE__ */ lazy(() => z.enum(['open', 'read_only', 'closed', 'not_started']));
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/** A page of messages: each page oldest first; the first page is the latest, `nextCursor` leads to earlier ones. */
export const MessagePageSchema = /* @__PURE__ */ lazy(() =>
  z.object({ items: z.array(MessageSchema), nextCursor: z.nullable(z.string()), state: ConversationStateSchema }),
);
export type MessagePage = z.infer<typeof MessagePageSchema>;

/** How many conversations hold something she has not opened yet. */
export const UnreadConversationsSchema = /* @__PURE__ */ lazy(() => z.object({ count: z.int() }));
