import type { RoutePreloadFuncArgs } from '@solidjs/router';
import { getPractice } from '../../lib/library';

export const preloadPractice = ({ params }: RoutePreloadFuncArgs) => void getPractice(params.id ?? '');
