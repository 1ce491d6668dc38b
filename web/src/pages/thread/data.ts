import type { RoutePreloadFuncArgs } from '@solidjs/router';
import { getPosts, getSpaces, getThread } from '../../lib/discussion';

export const preloadThread = ({ params }: RoutePreloadFuncArgs) => {
  void getThread(params.id ?? '');
  void getPosts(params.id ?? '');
  void getSpaces();
};
