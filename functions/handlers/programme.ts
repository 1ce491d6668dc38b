import { lambdaHandler } from '../lib/lambda';
import { programmeApi } from '../programme/api';

export const handler = lambdaHandler(programmeApi);
