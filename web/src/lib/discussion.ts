import type { InferResponseType } from 'hono/client';
import { query } from '@solidjs/router';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import { api, isStatus, unwrap } from './api';

/** Threads and posts per page: a long thread opens fast on a slow connection, "Load more" reads on. */
const PAGE = '25';

/** The spaces the caller may see (the board sees them all). */
export const getSpaces = query(() => unwrap(api.spaces.$get({ query: { limit: '50' } })), 'spaces');

export type Space = InferResponseType<typeof api.spaces.$get, 200>['items'][number];

/** A space's threads, pinned first; null when the space is not open to the caller (404). */
export const getThreads = query(async (id: string) => {
  try {
    return await unwrap(api.spaces[':id'].threads.$get({ param: { id }, query: { limit: PAGE } }));
  } catch (e) {
    if (isStatus(e, 404)) return null;
    throw e;
  }
}, 'threads');

/** A thread, or null when it is not visible to the caller. */
export const getThread = query(async (id: string) => {
  try {
    return await unwrap(api.threads[':id'].$get({ param: { id } }));
  } catch (e) {
    if (isStatus(e, 404)) return null;
    throw e;
  }
}, 'thread');

export type Thread = InferResponseType<(typeof api.threads)[':id']['$get'], 200>;

/** The pages after the first, for "Load more" (not cached: each cursor is read once). */
export const fetchThreadsPage = (id: string, cursor: string) =>
  unwrap(api.spaces[':id'].threads.$get({ param: { id }, query: { limit: PAGE, cursor } }));
export const fetchPostsPage = (id: string, cursor: string) =>
  unwrap(api.threads[':id'].posts.$get({ param: { id }, query: { limit: PAGE, cursor } }));

/** A thread's posts, oldest first (the opening post is the first). */
export const getPosts = query(async (id: string) => {
  try {
    return await unwrap(api.threads[':id'].posts.$get({ param: { id }, query: { limit: PAGE } }));
  } catch (e) {
    if (isStatus(e, 404)) return null;
    throw e;
  }
}, 'posts');

export type Post = InferResponseType<(typeof api.threads)[':id']['posts']['$get'], 200>['items'][number];

const HELD = new Set([
  'first_posts',
  'anonymous',
  'phone_number',
  'email_address',
  'national_id',
  'passport_number',
  'case_reference',
  'watched_word',
]);

/** Why a post waits, in words: "your first posts are checked, it seems to contain a phone number". */
export function heldInWords(reasons: readonly string[] | undefined): string {
  const known = [...new Set(reasons ?? [])].filter((r) => HELD.has(r));
  return known.map((r) => t(`held.${r}` as MessageKey)).join('; ');
}

/** "all members", "practitioners only", "the board only". */
export const audienceWords = (audience: string): string =>
  audience === 'practitioners' || audience === 'board' ? t(`audience.${audience}`) : t('audience.members');
