import { lambdaHandler } from '../lib/lambda';
import { boardApi } from '../board/api';

export const handler = lambdaHandler(boardApi);
