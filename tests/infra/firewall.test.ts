import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { API_RATE_LIMIT, AUTH_RATE_LIMIT, BLOCKED_ALARM_THRESHOLD, MAX_BODY_BYTES } from '../../infra/stacks/firewall-stack';
import { buildTestApp, onlyResource, resourcesOfType } from './synth';

type Rule = {
  Name: string;
  Action?: Record<string, unknown>;
  OverrideAction?: Record<string, unknown>;
  Statement: {
    ManagedRuleGroupStatement?: { Name: string; RuleActionOverrides?: { Name: string; ActionToUse: Record<string, unknown> }[] };
    RateBasedStatement?: { Limit: number; AggregateKeyType: string; ScopeDownStatement: { ByteMatchStatement: { SearchString: string } } };
    SizeConstraintStatement?: { Size: number; ComparisonOperator: string; FieldToMatch: { Body: { OversizeHandling: string } } };
  };
};

function firewall(mode?: 'block' | 'count') {
  const { firewallStack, appStack } = buildTestApp({ firewallMode: mode, alarmEmail: 'ops@example.org' });
  const waf = Template.fromStack(firewallStack);
  const acl = onlyResource(waf, 'AWS::WAFv2::WebACL');
  return { firewallStack, appStack, waf, acl, rules: acl.Properties.Rules as Rule[] };
}

describe('the web application firewall', () => {
  const blocking = firewall();

  it('is made in us-east-1 for CloudFront, whatever region the rest of the network is in', () => {
    expect(blocking.firewallStack.region).toBe('us-east-1');
    expect(blocking.appStack.region).toBe('eu-central-1');
    expect(blocking.acl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
  });

  it('runs the managed common, known-bad-inputs and IP-reputation rules', () => {
    const managed = blocking.rules.flatMap((r) => r.Statement.ManagedRuleGroupStatement?.Name ?? []);
    expect(managed.sort()).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    for (const r of blocking.rules.filter((x) => x.Statement.ManagedRuleGroupStatement)) expect(r.OverrideAction).toEqual({ None: {} });
  });

  it('lets bodies up to the API’s 64 KiB through and refuses larger ones', () => {
    const common = blocking.rules.find((r) => r.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet');
    // The managed 8 KB body rule would refuse a long post the API accepts: it only counts.
    expect(common?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
    const size = blocking.rules.find((r) => r.Statement.SizeConstraintStatement);
    expect(size?.Statement.SizeConstraintStatement).toMatchObject({
      Size: MAX_BODY_BYTES,
      ComparisonOperator: 'GT',
      FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
    });
    expect(size?.Action).toEqual({ Block: {} });
    expect(blocking.acl.Properties.AssociationConfig).toEqual({ RequestBody: { CLOUDFRONT: { DefaultSizeInspectionLimit: 'KB_64' } } });
    expect(MAX_BODY_BYTES).toBe(64 * 1024);
  });

  it('limits each client address on sign-in and sign-up tighter than on the rest of the API', () => {
    const rate = (path: string) =>
      blocking.rules.find((r) => r.Statement.RateBasedStatement?.ScopeDownStatement.ByteMatchStatement.SearchString === path);
    expect(rate('/api/auth/')?.Statement.RateBasedStatement).toMatchObject({ Limit: AUTH_RATE_LIMIT, AggregateKeyType: 'IP' });
    expect(rate('/api/')?.Statement.RateBasedStatement).toMatchObject({ Limit: API_RATE_LIMIT, AggregateKeyType: 'IP' });
    expect(AUTH_RATE_LIMIT).toBeLessThan(API_RATE_LIMIT);
    expect(rate('/api/auth/')?.Action).toEqual({ Block: {} });
  });

  it('only counts in count mode, its own rules and the managed ones alike', () => {
    const counting = firewall('count');
    for (const r of counting.rules) {
      if (r.Statement.ManagedRuleGroupStatement) expect(r.OverrideAction).toEqual({ Count: {} });
      else expect(r.Action).toEqual({ Count: {} });
    }
  });

  it('stands in front of the CloudFront distribution, through the ARN it publishes in us-east-1', () => {
    const param = onlyResource(blocking.waf, 'AWS::SSM::Parameter');
    expect(param.Properties.Name).toBe('/champions-network/test/web-acl-arn');
    const app = Template.fromStack(blocking.appStack);
    const distribution = onlyResource(app, 'AWS::CloudFront::Distribution');
    const webAclId = (distribution.Properties.DistributionConfig as { WebACLId: unknown }).WebACLId;
    expect(JSON.stringify(webAclId)).toContain('Parameter.Value');
    const reader = Object.values(resourcesOfType(app, 'Custom::AWS'))[0];
    expect(JSON.stringify(reader?.Properties.Create)).toContain('us-east-1');
    expect(blocking.appStack.dependencies).toContain(blocking.firewallStack);
  });

  it('tells the operators when it blocks far more than usual', () => {
    const alarm = onlyResource(blocking.waf, 'AWS::CloudWatch::Alarm');
    expect(alarm.Properties).toMatchObject({ MetricName: 'BlockedRequests', Namespace: 'AWS/WAFV2', Threshold: BLOCKED_ALARM_THRESHOLD });
    const subscription = onlyResource(blocking.waf, 'AWS::SNS::Subscription');
    expect(subscription.Properties).toMatchObject({ Protocol: 'email', Endpoint: 'ops@example.org' });
  });
});
