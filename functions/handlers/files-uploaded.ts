import { backgroundHandler } from '../lib/lambda';
import { onObjectsCreated } from '../files/uploaded';

/** EventBridge: an object was created in the files bucket (issue 14); checked as it lands. */
export const handler = backgroundHandler(onObjectsCreated);
