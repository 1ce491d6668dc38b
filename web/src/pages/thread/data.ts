import { revalidate, type RoutePreloadFuncArgs } from '@solidjs/router';
import { getPosts, getSpaces, getThread, getThreads, type Thread } from '../../lib/discussion';

export const preloadThread = ({ params }: RoutePreloadFuncArgs) => {
  void getThread(params.id ?? '');
  void getPosts(params.id ?? '');
  void getSpaces();
};

/** Reads the thread, its posts and its space's list again, after a change to any of them. */
export const refreshThread = (thread: Thread) =>
  revalidate([getThread.keyFor(thread.id), getPosts.keyFor(thread.id), getThreads.keyFor(thread.spaceId)]);
