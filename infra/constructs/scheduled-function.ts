import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { ApiFunction, type ApiFunctionProps } from './api-function';

export interface ScheduledFunctionProps extends ApiFunctionProps {
  /** @default every hour */
  readonly schedule?: events.Schedule;
}

/**
 * A function run on a timer rather than by HTTP, for background sweeps (expiring stale
 * mentorship requests, sending digests). Same runtime, bundling and logging as the API
 * functions; the caller grants it what it touches.
 *
 * The handler must be idempotent: EventBridge delivers at least once and retries failures.
 */
export class ScheduledFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ScheduledFunctionProps) {
    super(scope, id);

    const { schedule, ...functionProps } = props;
    this.function = new ApiFunction(this, 'Handler', functionProps).function;

    new events.Rule(this, 'Schedule', {
      schedule: schedule ?? events.Schedule.rate(Duration.hours(1)),
      targets: [
        new targets.LambdaFunction(this.function, {
          // A sweep that has not run within the hour is superseded by the next one.
          maxEventAge: Duration.hours(1),
          retryAttempts: 2,
        }),
      ],
    });
  }
}
