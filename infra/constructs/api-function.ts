import { basename, join } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  LAMBDA_BANNER,
  LAMBDA_CONDITIONS,
  LAMBDA_DEFINE,
  LAMBDA_ESBUILD_BASE,
  LAMBDA_EXTERNALS,
  LOGGER_FILE,
  loggerBuildArgs,
  POWERTOOLS_NODE_MODULES,
} from '../lambda-bundling';
import { REPO_ROOT } from '../paths';

export interface ApiFunctionProps {
  /** Handler entry file, relative to the repository root (e.g. `functions/handlers/members.ts`). */
  readonly entry: string;
  /** Settings the function parses once at cold start (see `functions/lib/config.ts`). */
  readonly environment: Readonly<Record<string, string>>;
  /**
   * Packages installed next to the bundle instead of bundled into it. Only for large data
   * packages that are imported lazily (e.g. the common-password list), so they cost nothing on
   * cold starts that do not need them. Powertools ships beside every function (lambda-bundling.ts).
   */
  readonly nodeModules?: readonly string[];
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** @default 30 days */
  readonly logRetention?: logs.RetentionDays;
  readonly description?: string;
}

/**
 * One Node.js Lambda function with the project's defaults: Node 24 on arm64, an ESM bundle that
 * carries its own AWS SDK clients, its own log group with a retention period, and a role that
 * may write to that log group and nothing else until the caller grants more.
 */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });

    // An explicit role instead of the default one: the default attaches the AWS managed
    // AWSLambdaBasicExecutionRole, which may create and write any log group in the account.
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    this.logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      // Graviton: about 20% cheaper per GB-second and at least as fast for this kind of code.
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      // Every request is a few DynamoDB/Cognito calls; anything slower than this is a fault
      // better surfaced as an error than left holding a connection.
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup: this.logGroup,
      description: props.description,
      environment: {
        ...props.environment,
        // Powertools: each line and metric names the function's domain (its handler's file name).
        POWERTOOLS_SERVICE_NAME: basename(props.entry, '.ts'),
        // Traces never carry an answer or an error's text: either can hold a member's words.
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
        POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
      },
      bundling: {
        // LAMBDA_ESBUILD_BASE in NodejsFunction's words (it always bundles, for platform node).
        minify: LAMBDA_ESBUILD_BASE.minify,
        format: OutputFormat.ESM,
        target: LAMBDA_ESBUILD_BASE.target,
        sourceMap: LAMBDA_ESBUILD_BASE.sourcemap,
        forceDockerBundling: false,
        mainFields: [...LAMBDA_ESBUILD_BASE.mainFields],
        // Shared with the benchmark; the reasons are in infra/lambda-bundling.ts.
        banner: LAMBDA_BANNER,
        externalModules: [...LAMBDA_EXTERNALS],
        esbuildArgs: { '--conditions': LAMBDA_CONDITIONS.join(',') },
        define: { ...LAMBDA_DEFINE },
        nodeModules: [...POWERTOOLS_NODE_MODULES, ...(props.nodeModules ?? [])],
        // Powertools' Logger as one file beside the bundle (the reason is in lambda-bundling.ts).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            [join(REPO_ROOT, 'node_modules/.bin/esbuild'), ...loggerBuildArgs(join(outputDir, LOGGER_FILE))].map((a) => `'${a}'`).join(' '),
          ],
        },
      },
    });

    // X-Ray: the function's segment, and a subsegment per AWS SDK call (functions/lib/tracing.ts).
    // Switched on in the template itself: `tracing: ACTIVE` would add the same wildcard statement
    // to every function's own policy; one shared policy grants it to all (xrayWriteOf).
    (this.function.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: 'Active' };
    role.addManagedPolicy(xrayWriteOf(Stack.of(this)));
  }
}

/**
 * The one policy that lets a stack's functions send traces to X-Ray. X-Ray's write actions take no
 * resource (only `*`), so the wildcard is reviewed once here instead of in every function's policy.
 */
function xrayWriteOf(stack: Stack): iam.IManagedPolicy {
  const id = 'XRayTraceWrite';
  const existing = stack.node.tryFindChild(id);
  if (existing) return existing as iam.ManagedPolicy;
  const policy = new iam.ManagedPolicy(stack, id, {
    description: 'Lets the functions send their traces to X-Ray',
    statements: [new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] })],
  });
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray trace writes (PutTraceSegments, PutTelemetryRecords) support no resource-level permissions: `*` is the only resource.',
  });
  return policy;
}
