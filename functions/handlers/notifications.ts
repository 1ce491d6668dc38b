import { lambdaHandler } from '../lib/lambda';
import { notificationsApi } from '../notifications/api';

export const handler = lambdaHandler(notificationsApi);
