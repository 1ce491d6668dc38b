import { lambdaHandler } from '../lib/lambda';
import { moderationApi } from '../moderation/api';

export const handler = lambdaHandler(moderationApi);
