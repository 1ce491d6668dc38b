import type { InferResponseType } from 'hono/client';
import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** Held posts and open report cases, oldest first. */
export const getQueue = query(() => unwrap(api.moderation.queue.$get({ query: { limit: '50' } })), 'moderation-queue');

/** The next page, for "Load more". */
export const fetchQueuePage = (cursor: string) => unwrap(api.moderation.queue.$get({ query: { limit: '50', cursor } }));

export type QueueItem = InferResponseType<typeof api.moderation.queue.$get, 200>['items'][number];

export const preloadModeration = () => void getQueue();
