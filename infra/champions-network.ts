import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, type App, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { REPO_ROOT } from './paths';
import { AppStack, type AppStackProps } from './stacks/app-stack';
import { DataStack } from './stacks/data-stack';
import { FirewallStack, type FirewallMode } from './stacks/firewall-stack';

/** Built SPA, produced by `npm run build`. */
export const WEB_DIST_PATH = join(REPO_ROOT, 'web', 'dist');
/** Deployed instead when the SPA has not been built, so that synth never depends on a web build. */
export const PLACEHOLDER_SITE_PATH = join(REPO_ROOT, 'infra', 'placeholder-site');

export interface ChampionsNetworkProps {
  /** Deployment name, part of every stack name: `dev`, `staging`, `prod`, ... */
  readonly stage: string;
  readonly env?: Environment;
  readonly customDomain?: AppStackProps['customDomain'];
  /** @default web/dist when it exists, otherwise the placeholder page */
  readonly siteAssetPath?: string;
  /** Where the quick exit sends her. @default DEFAULT_EXIT_URL (shared/discretion.ts) */
  readonly exitUrl?: string;
  /** The firewall's own rules block (the default) or only count, e.g. for a first week in production. */
  readonly firewallMode?: FirewallMode;
  /** Told by email of every alarm (the subscription must be confirmed). @default nobody yet */
  readonly alarmEmail?: string;
  /** The stamp scripts/rotate-secrets.ts printed: this deploy hands the rotated secrets to the functions. */
  readonly secretsRotation?: string;
  /** A monthly AWS cost budget in US dollars, told to alarmEmail. @default none */
  readonly monthlyBudgetUsd?: number;
  /**
   * The network's email (issue 13), sent through SES as `cn@<domain>`. Without it nothing is
   * emailed and no email resources are built (synth says so).
   */
  readonly email?: {
    readonly domain: string;
    /** Told when an email job is parked in the dead-letter queue. */
    readonly alarmEmail?: string;
    /** @default true; false until SES has verified the domain (Cognito refuses an unverified one) */
    readonly userPoolThroughSes?: boolean;
  };
}

/** The neutral sender of every email, at the sending domain: no name, no network. */
export const senderAddress = (domain: string) => `cn@${domain}`;

export interface ChampionsNetwork {
  readonly dataStack: DataStack;
  readonly appStack: AppStack;
  readonly firewallStack: FirewallStack;
}

/**
 * Composes the whole system from plain values. `bin/app.ts` turns CDK context and environment
 * into these values; tests call this with literals, so what they check is what gets deployed.
 */
export function defineChampionsNetwork(app: App, props: ChampionsNetworkProps): ChampionsNetwork {
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(props.stage)) {
    throw new Error(`stage must be lower-case letters, digits and dashes, got "${props.stage}"`);
  }
  const prefix = `ChampionsNetwork-${props.stage}`;

  const data = new DataStack(app, `${prefix}-Data`, {
    env: props.env,
    description: 'Champions Network: member data (DynamoDB table, Cognito user pool). Retained on delete.',
    // Production data is never one `cdk destroy` away.
    terminationProtection: props.stage === 'prod',
    // Only a dev stage may be destroyed whole; every other keeps its data through a `cdk destroy`.
    retainData: props.stage !== 'dev',
    siteOrigin: props.customDomain ? `https://${props.customDomain.domainName}` : undefined,
    email: props.email
      ? {
          domain: props.email.domain,
          fromAddress: senderAddress(props.email.domain),
          userPoolThroughSes: props.email.userPoolThroughSes ?? true,
        }
      : undefined,
  });

  // CloudFront takes only a web ACL made in us-east-1, whatever region the rest is in.
  const firewall = new FirewallStack(app, `${prefix}-Firewall`, {
    env: { account: props.env?.account, region: 'us-east-1' },
    description: 'Champions Network: the web application firewall in front of CloudFront (us-east-1).',
    stage: props.stage,
    mode: props.firewallMode,
    alarmEmail: props.alarmEmail ?? props.email?.alarmEmail,
  });

  const appStack = new AppStack(app, `${prefix}-App`, {
    env: props.env,
    description: 'Champions Network: API functions, HTTP API and CloudFront site (stateless).',
    table: data.table,
    filesBucket: data.filesBucket,
    userPool: data.userPool,
    userPoolClient: data.userPoolClient,
    siteAssetPath: props.siteAssetPath ?? (existsSync(join(WEB_DIST_PATH, 'index.html')) ? WEB_DIST_PATH : PLACEHOLDER_SITE_PATH),
    customDomain: props.customDomain,
    exitUrl: props.exitUrl,
    webAclParameterName: firewall.parameterName,
    secretsRotation: props.secretsRotation,
    operations: { alarmEmail: props.alarmEmail ?? props.email?.alarmEmail, monthlyBudgetUsd: props.monthlyBudgetUsd },
    email: props.email
      ? { domain: props.email.domain, fromAddress: senderAddress(props.email.domain), alarmEmail: props.email.alarmEmail }
      : undefined,
  });
  if (!props.email) {
    Annotations.of(appStack).addWarningV2(
      'champions:email-off',
      'No emailDomain: nothing is emailed. Set -c emailDomain=<domain> to build the SES identity, the email ' +
        'queue and dead-letter alarm, the mailer, the digest schedule and the bounce handling (README, Email).',
    );
  }

  Tags.of(app).add('project', 'champions-network');
  Tags.of(app).add('stage', props.stage);

  // The app stack reads the web ACL's ARN that the firewall stack publishes: deploy that first.
  appStack.addStackDependency(firewall);

  return { dataStack: data, appStack, firewallStack: firewall };
}

/**
 * Runs the cdk-nag AWS Solutions rules at synth time. cdk-nag 3 is a policy-validation plugin
 * (not an Aspect): any unacknowledged finding fails `cdk synth` and is written to
 * `cdk.out/validation-report.json`.
 */
export function addSecurityChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
