import type { S3Client } from '@aws-sdk/client-s3';
import { filesConfig } from './config';
import { MAX_FILE_BYTES } from '../../shared/files-schemas';
import { traced } from '../lib/tracing';

/**
 * The bucket, through the S3 SDK. Nothing of the SDK loads when the module does: the client, the
 * presigners and their signing code load on the first file operation of an instance, so a cold
 * start that serves no file pays nothing for them.
 */
type Sdk = {
  s3: typeof import('@aws-sdk/client-s3');
  post: typeof import('@aws-sdk/s3-presigned-post');
  get: typeof import('@aws-sdk/s3-request-presigner');
  client: S3Client;
};

let loaded: Promise<Sdk> | undefined;

function sdk(): Promise<Sdk> {
  loaded ??= Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/s3-presigned-post'),
    import('@aws-sdk/s3-request-presigner'),
  ]).then(async ([s3, post, get]) => {
    const cfg = filesConfig();
    // Locally: s3rver checks signatures against its one fixed key pair, S3RVER/S3RVER.
    const client = new s3.S3Client({
      region: cfg.AWS_REGION,
      ...(cfg.S3_ENDPOINT
        ? { endpoint: cfg.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
        : {}),
      maxAttempts: 3,
    });
    client.middlewareStack.remove('loggerMiddleware');
    return { s3, post, get, client: await traced(client) };
  });
  // A failed load is retried by the next request rather than remembered.
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/** How long an upload form and a download link stay valid. */
export const UPLOAD_SECONDS = 5 * 60;
export const DOWNLOAD_SECONDS = 5 * 60;

/**
 * A presigned POST whose policy binds the object key, its Content-Type and its size (1 byte to
 * 10 MiB): S3 refuses any other upload with the form. (s3rver does not enforce the policy; the
 * check after upload, `inspect`, protects both.)
 */
export async function presignUpload(key: string, type: string): Promise<{ url: string; fields: Record<string, string> }> {
  const { post, client } = await sdk();
  const { url, fields } = await post.createPresignedPost(client, {
    Bucket: filesConfig().FILES_BUCKET,
    Key: key,
    Conditions: [
      ['content-length-range', 1, MAX_FILE_BYTES],
      ['eq', '$Content-Type', type],
    ],
    Fields: { 'Content-Type': type },
    Expires: UPLOAD_SECONDS,
  });
  return { url, fields };
}

/** The stored object's size and first bytes, or undefined when nothing was uploaded under the key. */
export async function inspect(key: string, bytes: number): Promise<{ size: number; head: Uint8Array } | undefined> {
  const { s3, client } = await sdk();
  const Bucket = filesConfig().FILES_BUCKET;
  let size: number;
  try {
    const head = await client.send(new s3.HeadObjectCommand({ Bucket, Key: key }));
    size = head.ContentLength ?? 0;
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
  if (size === 0) return { size, head: new Uint8Array() };
  try {
    const got = await client.send(new s3.GetObjectCommand({ Bucket, Key: key, Range: `bytes=0-${Math.min(size, bytes) - 1}` }));
    const head = got.Body ? await got.Body.transformToByteArray() : new Uint8Array();
    return { size, head };
  } catch (e) {
    // Deleted between the two requests (another check refused it).
    if (isMissing(e)) return undefined;
    throw e;
  }
}

const isMissing = (e: unknown) =>
  e instanceof Error &&
  (e.name === 'NotFound' || e.name === 'NoSuchKey' || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

/** Removes the object (every version is left to the bucket's lifecycle rule: noncurrent after 30 days). */
export async function remove(key: string): Promise<void> {
  const { s3, client } = await sdk();
  await client.send(new s3.DeleteObjectCommand({ Bucket: filesConfig().FILES_BUCKET, Key: key }));
}

/**
 * A short-lived download link that makes the browser save the file, never show it: the
 * disposition is `attachment` with the name in RFC 5987 form (any script survives), and the type
 * is the one checked after upload, whatever the object was stored with.
 */
export async function presignDownload(key: string, name: string, type: string): Promise<string> {
  const { s3, get, client } = await sdk();
  const command = new s3.GetObjectCommand({
    Bucket: filesConfig().FILES_BUCKET,
    Key: key,
    ResponseContentDisposition: contentDisposition(name),
    ResponseContentType: type,
  });
  return get.getSignedUrl(client, command, { expiresIn: DOWNLOAD_SECONDS });
}

/**
 * `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266 and 5987): the
 * plain name for old clients, with anything outside printable ASCII (and quotes) replaced.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
