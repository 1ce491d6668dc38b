import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ApiFunction } from './api-function';
import { grantItemReadWrite } from './table';

/** How long the mailer may take over one batch of ten emails (each a few SES and DynamoDB calls). */
export const MAILER_TIMEOUT = Duration.seconds(30);
/** AWS's advice for a Lambda-fed queue: at least six times the function's timeout, so a slow batch is not handed out twice. */
export const EMAIL_QUEUE_VISIBILITY = Duration.seconds(MAILER_TIMEOUT.toSeconds() * 6);
/** Attempts before a job is parked in the dead-letter queue (about a quarter of an hour apart in all). */
export const EMAIL_MAX_RECEIVES = 5;
/** SQS's longest retention: two weeks to look at a parked job and send it again. */
export const DEAD_LETTER_RETENTION = Duration.days(14);
/** Installed beside the mailer's bundle instead of bundled into it. */
export const MAILER_NODE_MODULES = ['nodemailer'] as const;
/** Jobs the mailer takes at once; SendMessageBatch and the partial batch response work in tens. */
export const MAILER_BATCH_SIZE = 10;

export interface EmailProps {
  /** The sending domain, verified in SES (its identity is in the data stack). */
  readonly domain: string;
  /** The neutral sender's address, `cn@<domain>`. */
  readonly fromAddress: string;
  /** Where the links in an email lead, e.g. https://champions.example.org. */
  readonly appOrigin: string;
  /** Settings every function parses at cold start (functions/lib/config.ts). */
  readonly environment: Readonly<Record<string, string>>;
  /** Signs the unsubscribe links (a deploy-time dynamic reference, like CURSOR_SECRET). */
  readonly tokenSecret: string;
  readonly table: dynamodb.ITable;
  readonly userPool: cognito.IUserPool;
  /** Told when a job is parked in the dead-letter queue. @default nobody: subscribe to the alarm topic later */
  readonly alarmEmail?: string;
}

/**
 * The network's email (issue 13): the queue the product hands jobs to, the mailer that sends
 * them through SES, the dead-letter queue and its alarm, and the bounce and complaint events
 * that turn a member's email off.
 *
 *   producers ──SendMessage──▶ queue ──▶ mailer ──SES (configuration set)──▶ her inbox
 *                                │ 5 failures                  │ bounce / complaint
 *                                ▼                             ▼
 *                         dead letters ─▶ alarm      SNS topic ─▶ email-events function
 */
export class Email extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly configurationSet: ses.ConfigurationSet;
  readonly mailer: NodejsFunction;
  readonly eventsFunction: NodejsFunction;
  readonly eventsTopic: sns.Topic;
  readonly alarmTopic: sns.Topic;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  /** What the mailer's settings parse (functions/email/settings.ts), for any function that signs or reads email links. */
  readonly settings: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // The email queue's dead-letter queue: cdk-nag sees it is one (SQS3 needs no acknowledgement).
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      retentionPeriod: DEAD_LETTER_RETENTION,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    this.queue = new sqs.Queue(this, 'Queue', {
      visibilityTimeout: EMAIL_QUEUE_VISIBILITY,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: EMAIL_MAX_RECEIVES },
    });

    // One customer managed key for both topics: SES and CloudWatch can publish to an encrypted
    // topic only with a key whose policy lets them (the AWS managed aws/sns key cannot).
    const topicKey = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the email events and email alarm topics',
      enableKeyRotation: true,
    });
    for (const service of ['ses.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      topicKey.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
        }),
      );
    }

    this.eventsTopic = new sns.Topic(this, 'EventsTopic', {
      displayName: 'SES bounces and complaints',
      masterKey: topicKey,
      enforceSSL: true,
    });

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      // The domain's reputation is the network's: SES keeps sending to no address it saw bounce.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(this.eventsTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    this.settings = {
      APP_ORIGIN: props.appOrigin,
      EMAIL_TRANSPORT: 'ses',
      EMAIL_FROM: props.fromAddress,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      EMAIL_TOKEN_SECRET: props.tokenSecret,
    };

    this.mailer = new ApiFunction(this, 'Mailer', {
      entry: 'functions/handlers/mailer.ts',
      timeout: MAILER_TIMEOUT,
      // nodemailer is about 240 kB minified, over the 150 kB bundle budget on its own: it ships
      // beside the bundle (installed from the lock file) and loads from there.
      nodeModules: MAILER_NODE_MODULES,
      description: 'Champions Network: send the queued emails through SES',
      environment: { ...props.environment, ...this.settings },
    }).function;
    grantItemReadWrite(props.table, this.mailer);
    // The sign-up attempt email goes only to an address that has an account: the mailer asks the pool.
    props.userPool.grant(this.mailer, 'cognito-idp:AdminGetUser');
    // Only as the network's own domain, and only through this configuration set (so every email
    // it sends reports its bounces and complaints).
    this.mailer.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.domain }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
        ],
      }),
    );
    this.mailer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: MAILER_BATCH_SIZE,
        // A failed email is retried alone; the others of its batch are not sent twice.
        reportBatchItemFailures: true,
        // Two at a time keeps a burst (an announcement to every member) under SES's sending rate.
        maxConcurrency: 2,
      }),
    );

    this.eventsFunction = new ApiFunction(this, 'Events', {
      entry: 'functions/handlers/email-events.ts',
      description: 'Champions Network: turn email off after a bounce or a complaint',
      environment: props.environment,
    }).function;
    grantItemReadWrite(props.table, this.eventsFunction);
    this.eventsTopic.addSubscription(new subscriptions.LambdaSubscription(this.eventsFunction));

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Champions Network email alarms',
      masterKey: topicKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    this.deadLetterAlarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'An email job failed five times and was parked in the dead-letter queue: look at the mailer logs, then redrive it.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // An empty queue reports no data points: that is the healthy case.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm.addAlarmAction(new cloudwatchActions.SnsAction(this.alarmTopic));
    // The topic's policy (it denies any request without TLS) replaces SNS's default one, so the
    // alarm's publishing is allowed explicitly, for this alarm only.
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': this.deadLetterAlarm.alarmArn },
        },
      }),
    );
  }

  /**
   * The email settings for an API function that reads the mailer's links (the one-click
   * unsubscribe checks the token they carry). Its APP_ORIGIN is the one the function already has
   * on a custom domain; without one it is the site's CloudFront address, which is also the Origin
   * the browser sends there, so the API's CSRF check agrees.
   */
  readSettings(fn: lambda.Function): void {
    for (const [name, value] of Object.entries(this.settings)) fn.addEnvironment(name, value);
  }

  /** The settings and the one permission a function needs to hand jobs to the mailer. */
  enqueuer(fn: lambda.Function): void {
    fn.addEnvironment('EMAIL_QUEUE_URL', this.queue.queueUrl);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
  }
}
