import { handle } from 'hono/aws-lambda';
import { metaApi } from '../meta/api';

export const handler = handle(metaApi);
