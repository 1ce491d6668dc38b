import { handle } from 'hono/aws-lambda';
import { programmeApi } from '../programme/api';

export const handler = handle(programmeApi);
