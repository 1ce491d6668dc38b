import { lambdaHandler } from '../lib/lambda';
import { createApi } from '../lib/http';
import { cohortRoutes } from '../mentorship/cohort-routes';

export const handler = lambdaHandler(createApi().route('/api/board', cohortRoutes));
