import { log } from '../lib/log';
import { checkUploadedObject } from './service';

export { checkUploadedObject, isOfType } from './service';

/**
 * The bucket's "object created" events, in either shape they arrive in: EventBridge's (AWS: the
 * bucket sends its events to EventBridge, a rule invokes the function) and S3's own notification
 * records (s3rver emits those locally). Both lead to the same check (`checkUploadedObject`).
 */
export type ObjectCreated =
  | { detail?: { object?: { key?: string } } }
  | { Records?: { eventName?: string; s3?: { object?: { key?: string } } }[] };

/** The object keys an event names (S3 notification records carry them URL-encoded, '+' for a space). */
export function createdKeys(event: ObjectCreated): string[] {
  if ('Records' in event && event.Records) {
    return event.Records.filter((r) => r.eventName?.startsWith('ObjectCreated') && r.s3?.object?.key).map((r) =>
      decodeURIComponent((r.s3?.object?.key ?? '').replace(/\+/g, ' ')),
    );
  }
  const key = 'detail' in event ? event.detail?.object?.key : undefined;
  return key ? [key] : [];
}

/** Checks every object the event names; a failure is thrown, so the event is retried. */
export async function onObjectsCreated(event: ObjectCreated): Promise<{ checked: number }> {
  const keys = createdKeys(event);
  for (const key of keys) await checkUploadedObject(key);
  log.info('objects checked', { checked: keys.length });
  return { checked: keys.length };
}
