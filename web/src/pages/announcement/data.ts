import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** One board announcement, for any active member. */
export const getAnnouncement = query((id: string) => unwrap(api.announcements[':id'].$get({ param: { id } })), 'announcement');

export const preloadAnnouncement = ({ params }: { params: { id?: string } }) => {
  if (params.id) void getAnnouncement(params.id);
};
