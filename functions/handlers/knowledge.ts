import { handle } from 'hono/aws-lambda';
import { knowledgeApi } from '../knowledge/api';

export const handler = handle(knowledgeApi);
