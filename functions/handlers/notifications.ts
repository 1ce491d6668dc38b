import { handle } from 'hono/aws-lambda';
import { notificationsApi } from '../notifications/api';

export const handler = handle(notificationsApi);
