import type { RoutePreloadFuncArgs } from '@solidjs/router';
import { getPractice } from '../../lib/library';

/** Editing starts from the practice as she last saved it; a new one from nothing. */
export const preloadPracticeForm = ({ params }: RoutePreloadFuncArgs) => {
  if (params.id) void getPractice(params.id);
};
