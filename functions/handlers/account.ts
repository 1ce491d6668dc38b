import { handle } from 'hono/aws-lambda';
import { accountApi } from '../account/api';

export const handler = handle(accountApi);
