import { handle } from 'hono/aws-lambda';
import { searchApi } from '../search/api';

export const handler = handle(searchApi);
