import { getMyMentorships } from '../mentorships/data';

/** The mentor's inbox: requests to her that wait for an answer. */
export const getInbox = (cursor?: string) => getMyMentorships('mentor', 'pending', cursor);

export const preloadRequests = () => void getInbox();
