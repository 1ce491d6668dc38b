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
 * Powertools for AWS Lambda, shipped beside every function's bundle: Metrics loads with the
 * function, the Tracer and the X-Ray SDK under it only where tracing is on (functions/lib/tracing.ts).
 * The Logger ships beside it too, but as one file (LOGGER_FILE below).
 */
export const POWERTOOLS_NODE_MODULES = ['@aws-lambda-powertools/metrics', '@aws-lambda-powertools/tracer'] as const;

/**
 * Powertools' Logger, bundled into one minified file beside each function's bundle, which
 * functions/lib/log.ts loads beside the first request. Shipped as a node_module it was about 40 ES
 * modules (logger and commons) resolved, read and linked one by one while the first request ran:
 * about a fifth of the programme function's cold start over the stack floor's, CPU the first
 * request competed for. One file loads in less than half the time (measured on Node 24, cold-init
 * runner). Not inside the bundle: its 23 kB would take the larger bundles past their 150 kB budget.
 */
export const LOGGER_FILE = 'powertools-logger.mjs';

/**
 * What every file shipped to Lambda is built with: one minified ES module for the runtime's Node,
 * module-first main fields, no source map. The CDK functions (constructs/api-function.ts, the same
 * settings as NodejsFunction's options), the Logger file beside them and the benchmark's bundles
 * (scripts/bench/bundles.ts) all start from it.
 */
export const LAMBDA_ESBUILD_BASE = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: LAMBDA_NODE_TARGET,
  mainFields: ['module', 'main'],
  sourcemap: false,
} as const;

/** esbuild's options for LOGGER_FILE (the CDK functions run them as a command, the benchmark through the API). */
export const LOGGER_BUILD = { ...LAMBDA_ESBUILD_BASE, entryPoints: ['@aws-lambda-powertools/logger'] } as const;

/** LOGGER_BUILD as esbuild's command line, writing `outfile` (tests/integration/lambda-bundle.test.ts checks they agree). */
export function loggerBuildArgs(outfile: string): string[] {
  return [
    ...LOGGER_BUILD.entryPoints,
    ...(LOGGER_BUILD.bundle ? ['--bundle'] : []),
    ...(LOGGER_BUILD.minify ? ['--minify'] : []),
    `--format=${LOGGER_BUILD.format}`,
    `--platform=${LOGGER_BUILD.platform}`,
    `--target=${LOGGER_BUILD.target}`,
    `--main-fields=${LOGGER_BUILD.mainFields.join(',')}`,
    `--outfile=${outfile}`,
  ];
}

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
