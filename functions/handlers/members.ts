import { lambdaHandler } from '../lib/lambda';
import { membersApi } from '../members/api';

export const handler = lambdaHandler(membersApi);
