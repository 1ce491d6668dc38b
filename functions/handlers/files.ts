import { lambdaHandler } from '../lib/lambda';
import { filesApi } from '../files/api';

export const handler = lambdaHandler(filesApi);
