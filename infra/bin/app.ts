import { App } from 'aws-cdk-lib';
import { exitUrlOf } from '../../shared/discretion';
import { addSecurityChecks, defineChampionsNetwork } from '../champions-network';

/**
 * The only place that reads CDK context and the environment.
 *
 *   cdk deploy --all -c stage=prod -c domainName=champions.example.org \
 *     -c certificateArn=arn:aws:acm:us-east-1:123456789012:certificate/... \
 *     -c exitUrl=https://weather.example.org/ \
 *     -c emailDomain=mail.example.org -c alarmEmail=ops@example.org [-c firewallMode=count] -c monthlyBudgetUsd=60
 *
 * Without emailDomain nothing is emailed (README, Email). `-c userPoolSes=false` keeps the user
 * pool on Cognito's own sender until SES has verified the domain's DKIM records.
 */
const app = new App();

const stage = optionalContext(app, 'stage') ?? 'dev';
const domainName = optionalContext(app, 'domainName');
const certificateArn = optionalContext(app, 'certificateArn');
// Where the quick exit sends her: a neutral site (default: a weather page, shared/discretion.ts).
const exitUrlContext = optionalContext(app, 'exitUrl');
const exitUrl = exitUrlContext === undefined ? undefined : exitUrlOf(exitUrlContext);
if (exitUrlContext !== undefined && exitUrl === undefined) throw new Error('exitUrl must be an absolute http(s) URL');
// The network's email (issue 13): the sending domain (its SES identity), who hears of a parked job.
const emailDomain = optionalContext(app, 'emailDomain');
const alarmEmail = optionalContext(app, 'alarmEmail');
const userPoolSes = optionalContext(app, 'userPoolSes');
if (emailDomain !== undefined && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(emailDomain)) {
  throw new Error('emailDomain must be a lower-case domain name, e.g. mail.example.org');
}
if (alarmEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alarmEmail)) throw new Error('alarmEmail must be an email address');
// The firewall blocks by default; `count` only counts what its rules match (a first week in production).
const firewallMode = optionalContext(app, 'firewallMode') ?? 'block';
// Set to the stamp scripts/rotate-secrets.ts prints, on the deploy that follows a rotation.
const secretsRotation = optionalContext(app, 'secretsRotation');
if (secretsRotation !== undefined && !/^[0-9A-Za-z-]{1,40}$/.test(secretsRotation))
  throw new Error('secretsRotation must be the stamp rotate-secrets printed');
// A monthly cost budget in US dollars (AWS Budgets), told to alarmEmail.
const budgetContext = optionalContext(app, 'monthlyBudgetUsd');
const monthlyBudgetUsd = budgetContext === undefined ? undefined : Number(budgetContext);
if (monthlyBudgetUsd !== undefined && !(Number.isFinite(monthlyBudgetUsd) && monthlyBudgetUsd > 0))
  throw new Error('monthlyBudgetUsd must be a positive number');
if (firewallMode !== 'block' && firewallMode !== 'count') throw new Error('firewallMode must be block or count');
if (userPoolSes !== undefined && !['true', 'false'].includes(userPoolSes)) throw new Error('userPoolSes must be true or false');
if ((domainName === undefined) !== (certificateArn === undefined)) {
  throw new Error('domainName and certificateArn (ACM, us-east-1) must be given together');
}

defineChampionsNetwork(app, {
  stage,
  // The CLI fills these from the active profile; AWS_REGION overrides the region for offline synth.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  customDomain: domainName && certificateArn ? { domainName, certificateArn } : undefined,
  exitUrl,
  firewallMode,
  alarmEmail,
  monthlyBudgetUsd,
  secretsRotation,
  email: emailDomain ? { domain: emailDomain, alarmEmail, userPoolThroughSes: userPoolSes !== 'false' } : undefined,
});

addSecurityChecks(app);

function optionalContext(scope: App, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`context "${key}" must be a string`);
  return value;
}
