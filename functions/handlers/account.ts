import { lambdaHandler } from '../lib/lambda';
import { accountApi } from '../account/api';

export const handler = lambdaHandler(accountApi);
