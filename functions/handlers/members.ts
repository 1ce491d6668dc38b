import { handle } from 'hono/aws-lambda';
import { membersApi } from '../members/api';

export const handler = handle(membersApi);
