import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LOG_EVENTS, LOG_MESSAGE_FIELD } from '../../functions/lib/log';
import { METRICS, METRICS_NAMESPACE, type MetricName } from '../../functions/lib/metrics';
import { AlarmTopic } from './alarm-topic';

/** The namespace of the app's own metrics: Powertools' (functions/lib/metrics.ts) and those its log lines make (metric filters below). */
export { METRICS_NAMESPACE };
/** Failed sign-ins in 5 minutes below which nobody is woken, however unusual: a floor under the anomaly band. */
export const SIGN_IN_FAILURES_FLOOR = 20;
/** SES reviews an account whose bounce rate reaches 5 % and may pause it at 10 %: act before that. */
export const BOUNCE_RATE_THRESHOLD = 0.04;

export interface OperationsProps {
  readonly api: apigwv2.HttpApi;
  readonly table: dynamodb.ITable;
  /** Every function of the stack, by a short name for alarm and dashboard titles. */
  readonly functions: readonly { readonly name: string; readonly fn: lambda.IFunction }[];
  /** Queues where failed work is parked (the search indexer's failures): one message wakes someone. */
  readonly parkedWork?: readonly { readonly name: string; readonly queue: sqs.IQueue }[];
  /** The auth function's log group: its failed sign-ins become a metric. */
  readonly authLogGroup?: logs.ILogGroup;
  /** Whether the network sends email (its SES bounce rate is then watched). */
  readonly sendsEmail: boolean;
  readonly alarmEmail?: string;
  /**
   * A monthly cost budget in US dollars, told to alarmEmail at 80 % spent and 100 % forecast. It
   * covers the whole account: give each stage an account of its own (README, Deploy).
   */
  readonly monthlyBudgetUsd?: number;
}

/**
 * Eyes on the running network for a board of volunteers rather than an operations team: an alarm
 * for each thing that needs a person (every alarm goes to one topic, the operators' email
 * subscribed), one dashboard with the same figures, and a monthly cost budget.
 */
export class Operations extends Construct {
  readonly topic: AlarmTopic;
  readonly alarms: cloudwatch.IAlarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.topic = new AlarmTopic(this, 'Alarms', { alarmEmail: props.alarmEmail });
    const fiveMinutes = Duration.minutes(5);
    const sum = { period: fiveMinutes, statistic: cloudwatch.Stats.SUM };

    // Any 5xx from the API is a bug or an outage (the contract allows only 503, when DynamoDB fails).
    const serverErrors = props.api.metricServerError(sum);
    this.alarm('Api5xx', serverErrors, 1, 'The API answered with a 5xx: a bug or an outage. Its access log has the route and request id.');

    for (const { name, fn } of props.functions) {
      this.alarm(
        `${name}Errors`,
        fn.metricErrors(sum),
        1,
        `The ${name} function failed (an uncaught error or a timeout): read its log group.`,
      );
      this.alarm(
        `${name}Throttles`,
        fn.metricThrottles(sum),
        1,
        `The ${name} function was throttled: the account's concurrency is exhausted.`,
      );
    }

    const tableThrottles = new cloudwatch.MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: props.table.metric('ReadThrottleEvents', sum),
        writes: props.table.metric('WriteThrottleEvents', sum),
      },
      period: fiveMinutes,
      label: 'Throttled reads and writes',
    });
    this.alarm(
      'TableThrottled',
      tableThrottles,
      1,
      'DynamoDB throttled requests: members saw 503s. On-demand tables throttle only on hot keys or sudden surges.',
    );
    // The operations the API uses (an alarm's expression takes at most ten metrics).
    const { Operation } = dynamodb;
    const tableErrors = props.table.metricSystemErrorsForOperations({
      ...sum,
      operations: [
        Operation.GET_ITEM,
        Operation.PUT_ITEM,
        Operation.UPDATE_ITEM,
        Operation.DELETE_ITEM,
        Operation.QUERY,
        Operation.BATCH_GET_ITEM,
        Operation.BATCH_WRITE_ITEM,
        Operation.TRANSACT_WRITE_ITEMS,
        Operation.TRANSACT_GET_ITEMS,
      ],
    });
    this.alarm(
      'TableSystemErrors',
      tableErrors,
      1,
      'DynamoDB answered with system errors: members saw 503s. Check the AWS Health Dashboard.',
    );

    for (const { name, queue } of props.parkedWork ?? []) {
      const parked = queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM });
      this.alarm(
        `${name}Parked`,
        parked,
        1,
        `Work failed repeatedly and was parked in the ${name} queue: read its function's log, then redrive it.`,
      );
    }

    const signInFailures = props.authLogGroup ? this.signInFailures(props.authLogGroup, sum) : undefined;

    let bounceRate: cloudwatch.IMetric | undefined;
    if (props.sendsEmail) {
      bounceRate = new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName: 'Reputation.BounceRate',
        period: Duration.hours(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      });
      this.alarm(
        'SesBounceRate',
        bounceRate,
        BOUNCE_RATE_THRESHOLD,
        'The SES bounce rate is near the level at which SES reviews the account: look at the bounces.',
      );
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      defaultInterval: Duration.days(7),
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: 'API requests and 5xx',
            left: [props.api.metricCount(sum)],
            right: [serverErrors],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'API latency (p50, p99)',
            left: [
              props.api.metricLatency({ period: fiveMinutes, statistic: 'p50' }),
              props.api.metricLatency({ period: fiveMinutes, statistic: 'p99' }),
            ],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Function errors',
            left: props.functions.map(({ name, fn }) => fn.metricErrors({ ...sum, label: name })),
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Function throttles',
            left: props.functions.map(({ name, fn }) => fn.metricThrottles({ ...sum, label: name })),
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'DynamoDB throttles and system errors',
            left: [tableThrottles],
            right: [tableErrors],
            width: 12,
          }),
          ...(signInFailures ? [new cloudwatch.GraphWidget({ title: 'Failed sign-ins', left: [signInFailures], width: 12 })] : []),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Held for review, reports, refused for rate (Powertools metrics)',
            left: [METRICS.postsHeld, METRICS.reports, METRICS.throttled].map((name) => appMetric(name)),
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Answers with a 5xx, by route (Powertools metrics)',
            left: [
              new cloudwatch.MathExpression({
                expression: `SEARCH('{${METRICS_NAMESPACE},route,service} MetricName="${METRICS.serverErrors}"', 'Sum', 300)`,
                label: '',
                period: fiveMinutes,
              }),
            ],
            width: 12,
          }),
        ],
        [
          new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12 }),
          ...(bounceRate ? [new cloudwatch.GraphWidget({ title: 'SES bounce rate', left: [bounceRate], width: 12 })] : []),
        ],
      ],
    });

    if (props.monthlyBudgetUsd !== undefined) {
      const subscribers = props.alarmEmail ? [{ subscriptionType: 'EMAIL', address: props.alarmEmail }] : [];
      new budgets.CfnBudget(this, 'MonthlyCost', {
        budget: {
          budgetName: `${Stack.of(this).stackName}-monthly`,
          budgetType: 'COST',
          timeUnit: 'MONTHLY',
          budgetLimit: { amount: props.monthlyBudgetUsd, unit: 'USD' },
        },
        notificationsWithSubscribers: subscribers.length
          ? [
              {
                notification: {
                  notificationType: 'ACTUAL',
                  comparisonOperator: 'GREATER_THAN',
                  threshold: 80,
                  thresholdType: 'PERCENTAGE',
                },
                subscribers,
              },
              {
                notification: {
                  notificationType: 'FORECASTED',
                  comparisonOperator: 'GREATER_THAN',
                  threshold: 100,
                  thresholdType: 'PERCENTAGE',
                },
                subscribers,
              },
            ]
          : undefined,
      });
    }
  }

  /** Failed sign-ins, counted from the auth function's log lines (ids only, never an address), and the alarm on them. */
  private signInFailures(logGroup: logs.ILogGroup, sum: cloudwatch.MetricOptions): cloudwatch.IMetric {
    const signInFailures = new logs.MetricFilter(this, 'SignInFailures', {
      logGroup,
      filterPattern: logs.FilterPattern.stringValue(`$.${LOG_MESSAGE_FIELD}`, '=', LOG_EVENTS.signInFailed),
      metricNamespace: METRICS_NAMESPACE,
      metricName: 'SignInFailures',
      metricValue: '1',
      defaultValue: 0,
    }).metric(sum);
    // Credential stuffing: far above the usual band for this hour and day, and not just a few.
    const unusual = new cloudwatch.AnomalyDetectionAlarm(this, 'SignInFailuresUnusual', {
      alarmDescription: 'Failed sign-ins far above their usual band',
      metric: signInFailures,
      stdDevs: 4,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const many = signInFailures.createAlarm(this, 'SignInFailuresMany', {
      alarmDescription: `At least ${SIGN_IN_FAILURES_FLOOR} failed sign-ins in five minutes`,
      threshold: SIGN_IN_FAILURES_FLOOR,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const stuffing = new cloudwatch.CompositeAlarm(this, 'CredentialStuffing', {
      alarmDescription:
        'Failed sign-ins far above normal: perhaps credential stuffing. The per-address and per-email limits hold; check the firewall and the auth log.',
      alarmRule: cloudwatch.AlarmRule.allOf(unusual, many),
    });
    stuffing.addAlarmAction(new actions.SnsAction(this.topic.topic));
    this.alarms.push(stuffing);

    return signInFailures;
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data is the healthy case for every one of these (no errors, no throttles).
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic.topic));
    this.alarms.push(alarm);
  }
}

/**
 * One of the app's own metrics (functions/lib/metrics.ts, written as EMF by Powertools), summed
 * over every function and route that writes it.
 */
function appMetric(name: MetricName): cloudwatch.IMetric {
  const dimensions = name === METRICS.postsHeld || name === METRICS.reports ? 'service' : 'route,service';
  return new cloudwatch.MathExpression({
    expression: `SUM(SEARCH('{${METRICS_NAMESPACE},${dimensions}} MetricName="${name}"', 'Sum', 300))`,
    label: name,
    period: Duration.minutes(5),
  });
}
