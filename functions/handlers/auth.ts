import { handle } from 'hono/aws-lambda';
import { authApi } from '../auth/api';

export const handler = handle(authApi);
