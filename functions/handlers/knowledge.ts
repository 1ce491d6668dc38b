import { lambdaHandler } from '../lib/lambda';
import { knowledgeApi } from '../knowledge/api';

export const handler = lambdaHandler(knowledgeApi);
