import { query, revalidate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { InferResponseType } from 'hono/client';
import { api, unwrap } from '../../lib/api';

/** Her notifications, newest first. They carry a type and a link, never a name or any text. */
export const getNotifications = query(() => unwrap(api.notifications.$get({ query: { limit: '20' } })), 'notifications');

export const fetchNotificationsPage = (cursor: string) => unwrap(api.notifications.$get({ query: { limit: '20', cursor } }));

/** The sanctions about her, with the board's reasons. */
export const getOwnSanctions = query(() => unwrap(api.members.me.sanctions.$get({ query: { limit: '20' } })), 'own-sanctions');

/*
 * Bumped when she marks one read. The menu's count (in the shell, outside the page) reads it too:
 * revalidating the query alone did not reach that reader in practice (checked in the e2e test).
 */
const [readVersion, setReadVersion] = createSignal(0);
export { readVersion };

/** Marks one notification read and refreshes every reader of the list, the menu's count included. */
export async function markNotificationRead(id: string): Promise<void> {
  await unwrap(api.notifications[':id'].read.$post({ param: { id } }));
  await revalidate(getNotifications.key);
  setReadVersion((v) => v + 1);
}

export type Notification = InferResponseType<typeof api.notifications.$get, 200>['items'][number];
export type OwnSanction = InferResponseType<typeof api.members.me.sanctions.$get, 200>['items'][number];

export const preloadNotifications = () => {
  void getNotifications();
  void getOwnSanctions();
};
