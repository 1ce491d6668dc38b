import { App } from 'aws-cdk-lib';
import { exitUrlOf } from '../../shared/discretion';
import { addSecurityChecks, defineChampionsNetwork } from '../champions-network';

/**
 * The only place that reads CDK context and the environment.
 *
 *   cdk deploy --all -c stage=prod -c domainName=champions.example.org \
 *     -c certificateArn=arn:aws:acm:us-east-1:123456789012:certificate/... \
 *     -c exitUrl=https://weather.example.org/
 */
const app = new App();

const stage = optionalContext(app, 'stage') ?? 'dev';
const domainName = optionalContext(app, 'domainName');
const certificateArn = optionalContext(app, 'certificateArn');
// Where the quick exit sends her: a neutral site (default: a weather page, shared/discretion.ts).
const exitUrlContext = optionalContext(app, 'exitUrl');
const exitUrl = exitUrlContext === undefined ? undefined : exitUrlOf(exitUrlContext);
if (exitUrlContext !== undefined && exitUrl === undefined) throw new Error('exitUrl must be an absolute http(s) URL');
if ((domainName === undefined) !== (certificateArn === undefined)) {
  throw new Error('domainName and certificateArn (ACM, us-east-1) must be given together');
}

defineChampionsNetwork(app, {
  stage,
  // The CLI fills these from the active profile; AWS_REGION overrides the region for offline synth.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  customDomain: domainName && certificateArn ? { domainName, certificateArn } : undefined,
  exitUrl,
});

addSecurityChecks(app);

function optionalContext(scope: App, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`context "${key}" must be a string`);
  return value;
}
