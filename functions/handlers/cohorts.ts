import { handle } from 'hono/aws-lambda';
import { createApi } from '../lib/http';
import { cohortRoutes } from '../mentorship/cohort-routes';

export const handler = handle(createApi().route('/api/board', cohortRoutes));
