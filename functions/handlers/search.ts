import { lambdaHandler } from '../lib/lambda';
import { searchApi } from '../search/api';

export const handler = lambdaHandler(searchApi);
