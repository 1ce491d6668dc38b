import type { RoutePreloadFuncArgs } from '@solidjs/router';
import { getSharedPlan } from '../plan/data';

export const preloadMemberPlan = ({ params }: RoutePreloadFuncArgs) => void getSharedPlan(params.id ?? '');
