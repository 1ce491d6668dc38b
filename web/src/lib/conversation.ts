import { query, revalidate } from '@solidjs/router';
import { createRoot, createSignal } from 'solid-js';
import type { InferResponseType } from 'hono/client';
import { api, unwrap } from './api';

export type MessagePage = InferResponseType<(typeof api.mentorships)[':id']['messages']['$get'], 200>;
export type MessageView = MessagePage['items'][number];

const PAGE = '20';

/** The latest page of a conversation (each page oldest first). */
export const getConversation = query(
  (id: string) => unwrap(api.mentorships[':id'].messages.$get({ param: { id }, query: { limit: PAGE } })),
  'conversation',
);

/** An earlier page, for "Load earlier messages". */
export const fetchEarlier = (id: string, cursor: string) =>
  unwrap(api.mentorships[':id'].messages.$get({ param: { id }, query: { limit: PAGE, cursor } }));

/** How many of her conversations hold messages she has not opened: the menu's count (hers alone). */
export const getUnreadConversations = query(() => unwrap(api.conversations.unread.$get()), 'conversations-unread');

/*
 * Bumped once she has opened a conversation. The menu (in the shell, outside the page) reads it:
 * as with notifications (pages/notifications/data.ts), revalidating the query alone does not
 * reach that reader.
 */
const [seenVersion, setSeenVersion] = createRoot(() => createSignal(0));
export { seenVersion };

/** Refreshes the menu's count after she opened a conversation. */
export async function conversationSeen(): Promise<void> {
  await revalidate(getUnreadConversations.key);
  setSeenVersion((v) => v + 1);
}

/** A message may be edited for 15 minutes after it was sent (the API holds the same rule). */
export const editable = (at: string, now = Date.now()) => now - Date.parse(at) < 15 * 60_000;
