import { lambdaHandler } from '../lib/lambda';
import { discussionApi } from '../discussion/api';

export const handler = lambdaHandler(discussionApi);
