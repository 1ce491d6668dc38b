import { handle } from 'hono/aws-lambda';
import { filesApi } from '../files/api';

export const handler = handle(filesApi);
