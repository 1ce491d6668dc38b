import { lambdaHandler } from '../lib/lambda';
import { metaApi } from '../meta/api';

export const handler = lambdaHandler(metaApi);
