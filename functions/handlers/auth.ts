import { lambdaHandler } from '../lib/lambda';
import { authApi } from '../auth/api';

export const handler = lambdaHandler(authApi);
