import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { AlarmTopic } from '../constructs/alarm-topic';

/** Whether the firewall's own rules block what they match, or only count it (a first week in production). */
export type FirewallMode = 'block' | 'count';

/** The API's own body limit (contract: 413 over 64 KiB); the firewall refuses larger bodies first. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Requests per client address in any 5 minutes: sign-in, sign-up and password resets. */
export const AUTH_RATE_LIMIT = 100;
/** Requests per client address in any 5 minutes on the whole API: a busy member makes a few hundred. */
export const API_RATE_LIMIT = 2_000;
/** Blocked requests in 5 minutes that page someone: far above the background noise of scanners. */
export const BLOCKED_ALARM_THRESHOLD = 1_000;

/** Where the app stack finds the web ACL's ARN (CloudFront needs it, and the ACL lives in us-east-1). */
export const webAclParameterName = (stage: string) => `/champions-network/${stage}/web-acl-arn`;

export interface FirewallStackProps extends StackProps {
  readonly stage: string;
  /** @default 'block' */
  readonly mode?: FirewallMode;
  /** Told when the firewall blocks far more than usual. */
  readonly alarmEmail?: string;
}

/**
 * The web application firewall in front of the CloudFront distribution. CloudFront accepts only
 * a web ACL made in us-east-1, so it is a small stack of its own there; its ARN is published in
 * that region's Parameter Store for the app stack to read. WAF's metrics are in us-east-1 too, so
 * the alarm on blocked requests (and its topic) lives here as well.
 */
export class FirewallStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;
  readonly parameterName: string;

  constructor(scope: Construct, id: string, props: FirewallStackProps) {
    super(scope, id, props);
    const mode = props.mode ?? 'block';
    const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name });
    // Managed groups block by themselves; in count mode every rule only counts.
    const managedOverride = mode === 'count' ? { count: {} } : { none: {} };
    const ownAction = mode === 'count' ? { count: {} } : { block: {} };
    const managed = (priority: number, name: string, excluded: string[] = []) => ({
      name,
      priority,
      overrideAction: managedOverride,
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          // A rule counted here is replaced by one of this ACL's own (see the body-size rule).
          ruleActionOverrides: excluded.length ? excluded.map((rule) => ({ name: rule, actionToUse: { count: {} } })) : undefined,
        },
      },
      visibilityConfig: metric(name),
    });
    const startsWith = (path: string) => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: path,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `champions-network-${props.stage}`,
      description: 'Champions Network: managed rules, per-address rate limits and the 64 KiB body limit',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: metric(`champions-network-${props.stage}`),
      // CloudFront inspects 16 KB of a body by default; the API accepts 64 KiB, so look at all of it.
      associationConfig: { requestBody: { CLOUDFRONT: { defaultSizeInspectionLimit: 'KB_64' } } },
      rules: [
        managed(0, 'AWSManagedRulesAmazonIpReputationList'),
        // Its SizeRestrictions_BODY refuses bodies over 8 KB, which a long post or practice is:
        // counted only, and the API's own 64 KiB limit enforced by the rule below.
        managed(1, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
        managed(2, 'AWSManagedRulesKnownBadInputsRuleSet'),
        {
          name: 'BodyOver64KiB',
          priority: 3,
          action: ownAction,
          statement: {
            sizeConstraintStatement: {
              fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
              comparisonOperator: 'GT',
              size: MAX_BODY_BYTES,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          visibilityConfig: metric('BodyOver64KiB'),
        },
        {
          // Credential stuffing and sign-up floods, per client address, before they reach Cognito.
          name: 'AuthPerAddress',
          priority: 4,
          action: ownAction,
          statement: {
            rateBasedStatement: {
              limit: AUTH_RATE_LIMIT,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: startsWith('/api/auth/'),
            },
          },
          visibilityConfig: metric('AuthPerAddress'),
        },
        {
          name: 'ApiPerAddress',
          priority: 5,
          action: ownAction,
          statement: {
            rateBasedStatement: {
              limit: API_RATE_LIMIT,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: startsWith('/api/'),
            },
          },
          visibilityConfig: metric('ApiPerAddress'),
        },
      ],
    });

    this.parameterName = webAclParameterName(props.stage);
    new ssm.StringParameter(this, 'WebAclArn', {
      parameterName: this.parameterName,
      description: 'The web ACL CloudFront uses (read by the app stack in its own region)',
      stringValue: this.webAcl.attrArn,
    });

    const topic = new AlarmTopic(this, 'Alarms', { alarmEmail: props.alarmEmail });
    const blocked = new cloudwatch.Metric({
      namespace: 'AWS/WAFV2',
      metricName: 'BlockedRequests',
      dimensionsMap: { WebACL: `champions-network-${props.stage}`, Rule: 'ALL' },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
    const alarm = blocked.createAlarm(this, 'BlockedFarAboveNormal', {
      alarmDescription: 'The firewall blocked far more requests than usual: an attack, or a rule refusing members',
      threshold: BLOCKED_ALARM_THRESHOLD,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(topic.topic));
  }
}
