/**
 * The file store's settings, parsed once when a function that stores files starts (functions
 * without attachments never import this module, so they need none of it). Same style as
 * functions/lib/config.ts: plain code, every problem named at once.
 */
export type FilesConfig = {
  /** The private bucket that holds attachments. */
  FILES_BUCKET: string;
  /** Local only: the S3-compatible server (s3rver) under `npm start` and the tests. Unset in AWS. */
  S3_ENDPOINT?: string;
  AWS_REGION: string;
};

export function parseFilesConfig(env: Record<string, string | undefined>): FilesConfig {
  const problems: string[] = [];
  const bucket = env.FILES_BUCKET ?? '';
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push('FILES_BUCKET: required, a bucket name');
  const endpoint = env.S3_ENDPOINT;
  if (endpoint !== undefined && !URL.canParse(endpoint)) problems.push('S3_ENDPOINT: not a URL');
  if (problems.length > 0) throw new Error(`Invalid settings: ${problems.join('; ')}`);
  return { FILES_BUCKET: bucket, S3_ENDPOINT: endpoint, AWS_REGION: env.AWS_REGION ?? 'eu-central-1' };
}

let parsed: FilesConfig | undefined;

/** The settings, parsed on first use (a function that imports the module but stores no file needs none). */
export function filesConfig(): FilesConfig {
  parsed ??= parseFilesConfig(process.env);
  return parsed;
}
