import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** Held posts and open report cases, oldest first. */
export const getQueue = query(() => unwrap(api.moderation.queue.$get({ query: { limit: '50' } })), 'moderation-queue');

export type QueueItem = Awaited<ReturnType<typeof getQueue>>['items'][number];

export const preloadModeration = () => void getQueue();
