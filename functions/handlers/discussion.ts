import { handle } from 'hono/aws-lambda';
import { discussionApi } from '../discussion/api';

export const handler = handle(discussionApi);
