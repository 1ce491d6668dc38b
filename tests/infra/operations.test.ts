import { describe, expect, it } from 'vitest';
import { LOG_EVENTS } from '../../functions/lib/log';
import { BOUNCE_RATE_THRESHOLD, SIGN_IN_FAILURES_FLOOR } from '../../infra/constructs/operations';
import { onlyResource, resourcesOfType, synthTemplates } from './synth';

type Alarm = {
  AlarmDescription: string;
  Threshold?: number;
  MetricName?: string;
  Namespace?: string;
  AlarmActions?: unknown[];
  Metrics?: unknown[];
};

function alarmsOf(template: ReturnType<typeof synthTemplates>['app']) {
  return Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties as Alarm);
}

describe('the network’s alarms, dashboard and budget', () => {
  const withEmail = synthTemplates({ email: { domain: 'mail.example.org' }, alarmEmail: 'ops@example.org', monthlyBudgetUsd: 60 });
  const alarms = alarmsOf(withEmail.app);
  const topic = Object.entries(resourcesOfType(withEmail.app, 'AWS::SNS::Topic')).find(
    ([, t]) => t.Properties.DisplayName === 'Champions Network alarms',
  );

  it('has an errors and a throttles alarm for every function of the stack', () => {
    const functions = Object.values(resourcesOfType(withEmail.app, 'AWS::Lambda::Function')).filter((f) =>
      String(f.Properties.Description ?? '').startsWith('Champions Network'),
    );
    expect(functions.length).toBeGreaterThan(10);
    const errors = alarms.filter((a) => a.MetricName === 'Errors' && a.Namespace === 'AWS/Lambda');
    const throttles = alarms.filter((a) => a.MetricName === 'Throttles' && a.Namespace === 'AWS/Lambda');
    expect(errors).toHaveLength(functions.length);
    expect(throttles).toHaveLength(functions.length);
    for (const a of [...errors, ...throttles]) expect(a.Threshold).toBe(1);
  });

  it('wakes someone on any 5xx from the API, and on DynamoDB throttles and system errors', () => {
    expect(alarms.find((a) => a.MetricName === '5xx' && a.Namespace === 'AWS/ApiGateway')?.Threshold).toBe(1);
    const described = (text: string) => alarms.find((a) => a.AlarmDescription.startsWith(text));
    expect(described('DynamoDB throttled requests')?.Metrics).toBeDefined();
    expect(described('DynamoDB answered with system errors')?.Threshold).toBe(1);
  });

  it('counts failed sign-ins from the auth log and alarms only when they are far above normal and many', () => {
    const filter = onlyResource(withEmail.app, 'AWS::Logs::MetricFilter');
    expect(filter.Properties.FilterPattern).toBe(`{ $.message = "${LOG_EVENTS.signInFailed}" }`);
    const composite = onlyResource(withEmail.app, 'AWS::CloudWatch::CompositeAlarm');
    expect(JSON.stringify(composite.Properties.AlarmRule)).toContain('AND');
    expect(alarms.find((a) => a.AlarmDescription.startsWith('At least'))?.Threshold).toBe(SIGN_IN_FAILURES_FLOOR);
    expect(alarms.some((a) => JSON.stringify(a.Metrics ?? []).includes('ANOMALY_DETECTION_BAND'))).toBe(true);
  });

  it('watches the SES bounce rate when the network sends email, and not otherwise', () => {
    expect(alarms.find((a) => a.MetricName === 'Reputation.BounceRate')?.Threshold).toBe(BOUNCE_RATE_THRESHOLD);
    expect(alarmsOf(synthTemplates().app).some((a) => a.MetricName === 'Reputation.BounceRate')).toBe(false);
  });

  it('sends every alarm to one encrypted topic with the operators’ address subscribed', () => {
    expect(topic).toBeDefined();
    const [topicId, t] = topic ?? ['', { Properties: {} as Record<string, unknown> }];
    expect(t.Properties.KmsMasterKeyId).toBeDefined();
    const ours = alarms.filter((a) => !a.AlarmDescription.startsWith('An email job failed five times'));
    const notifying = ours.filter((a) => JSON.stringify(a.AlarmActions ?? []).includes(topicId));
    // The two parts of the sign-in composite only feed it; the composite notifies.
    expect(notifying.length).toBe(ours.length - 2);
    const subscriptions = Object.values(resourcesOfType(withEmail.app, 'AWS::SNS::Subscription')).filter((s) =>
      JSON.stringify(s.Properties.TopicArn).includes(topicId),
    );
    expect(subscriptions.map((s) => s.Properties)).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@example.org' })]);
  });

  it('shows the same figures on one dashboard and keeps a monthly cost budget', () => {
    const body = JSON.stringify(onlyResource(withEmail.app, 'AWS::CloudWatch::Dashboard').Properties.DashboardBody);
    for (const title of ['API requests and 5xx', 'Function errors', 'DynamoDB throttles', 'Failed sign-ins', 'SES bounce rate'])
      expect(body).toContain(title);
    const budget = onlyResource(withEmail.app, 'AWS::Budgets::Budget');
    expect(budget.Properties.Budget).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 60, Unit: 'USD' } });
    expect(JSON.stringify(budget.Properties.NotificationsWithSubscribers)).toContain('ops@example.org');
    expect(resourcesOfType(synthTemplates().app, 'AWS::Budgets::Budget')).toEqual({});
  });
});
