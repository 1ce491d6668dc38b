/**
 * How every Lambda function is bundled, in one place: the CDK functions (constructs/api-function.ts)
 * and the benchmark (scripts/bench/bundles.ts) build with exactly these settings, and a test runs
 * a bundle built with them against the local services.
 */

/**
 * The Lambda runtime every function runs on (infra/constructs/api-function.ts) and the syntax
 * level its bundle is built for. Node.js 24 runs only async handlers (no callback style): every
 * handler here is one (functions/lib/lambda.ts).
 */
export const LAMBDA_NODE_TARGET = 'node24';

/**
 * Left out of the bundle: the AWS SDK v3 clients ship with the Node 24 runtime (bundled they would
 * put 330 kB of SDK in every function, over the 250 kB budget) and are loaded on the first
 * DynamoDB or Cognito call. Small pure SDK utilities such as `@aws-sdk/util-dynamodb` are bundled:
 * resolving the runtime's CommonJS copy at cold start cost more than the few kB they add.
 */
export const LAMBDA_EXTERNALS = ['@aws-sdk/client-*'] as const;

/**
 * Powertools for AWS Lambda, shipped beside every function's bundle: Logger and Metrics load with
 * the function (about 34 kB minified that would take the larger bundles past their 150 kB budget),
 * the Tracer and the X-Ray SDK under it only where tracing is on (functions/lib/tracing.ts).
 */
export const POWERTOOLS_NODE_MODULES = [
  '@aws-lambda-powertools/logger',
  '@aws-lambda-powertools/metrics',
  '@aws-lambda-powertools/tracer',
] as const;

/**
 * What a function that stores files (issue 14, functions/files) loads on its first file, shipped
 * beside its bundle: the presigners and file-type would take a bundle past its 150 kB budget.
 */
export const FILES_NODE_MODULES = ['@aws-sdk/s3-presigned-post', '@aws-sdk/s3-request-presigner', 'file-type'] as const;

/**
 * Package-export conditions added to the defaults (`node`, `import`, `default`). `browser` picks
 * aws-jwt-verify's Web Crypto + fetch implementation, which Node 24 runs natively; its Node
 * implementation imports node:https at load, a cold-start cost the Web one leaves out. No other
 * bundled dependency has a `browser` export (checked by tests/infra/lambda-bundle.test.ts).
 */
export const LAMBDA_CONDITIONS = ['browser'] as const;

/** Some CommonJS dependencies call require() at run time; ESM output has no require, so the bundle recreates one. */
export const LAMBDA_BANNER = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/**
 * Compile-time values for the Lambda bundles. `process.env.CN_LAMBDA_BUNDLE` makes `DOCS`
 * (functions/lib/docs-flag.ts) false, so each route's `describe(DOCS && {…})` folds to
 * `describe(false)` and the summaries that only the OpenAPI document needs drop out of the bundle
 * (about 3 kB of each large domain's; the meta function serves the prebuilt document).
 */
export const LAMBDA_DEFINE = { 'process.env.CN_LAMBDA_BUNDLE': JSON.stringify('true') } as const;
