import { handle } from 'hono/aws-lambda';
import { boardApi } from '../board/api';

export const handler = handle(boardApi);
