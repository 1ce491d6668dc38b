import { backgroundHandler } from '../lib/lambda';
import { onTableChanges } from '../search/stream';

export const handler = backgroundHandler(onTableChanges);
