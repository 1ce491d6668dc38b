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

/** The offset of `zone` from UTC at `at` (ms), read from Intl: no time-zone library needed. */
function offsetAt(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - at;
}

/**
 * A `datetime-local` value ("2026-12-09T14:30") read as a wall-clock time in her time zone, as a
 * UTC instant; undefined when it is not a time. Two passes settle a change of daylight saving.
 */
export function zonedToUtc(local: string, zone: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const tz = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let at = wall - offsetAt(tz, wall);
  at = wall - offsetAt(tz, at);
  return new Date(at).toISOString();
}

/** Now as a `datetime-local` value in her time zone: the earliest time a proposal may name. */
export function localNow(zone: string | undefined): string {
  const tz = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = Date.now();
  return new Date(now + offsetAt(tz, now)).toISOString().slice(0, 16);
}

/** A message may be edited for 15 minutes after it was sent (the API holds the same rule). */
export const editable = (at: string, now = Date.now()) => now - Date.parse(at) < 15 * 60_000;
