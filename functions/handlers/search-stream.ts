import { onTableChanges } from '../search/stream';

export const handler = onTableChanges;
