import type { RoutePreloadFuncArgs } from '@solidjs/router';
import { getSpaces, getThreads } from '../../lib/discussion';

export const preloadSpace = ({ params }: RoutePreloadFuncArgs) => {
  void getSpaces();
  void getThreads(params.id ?? '');
};
