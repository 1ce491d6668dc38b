import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { VERIFICATION_EMAIL } from '../../infra/constructs/auth';
import { PLACEHOLDER_SITE_PATH } from '../../infra/champions-network';
import { API_DOMAINS, AppStack } from '../../infra/stacks/app-stack';
import { DataStack } from '../../infra/stacks/data-stack';
import { type CfnResourceJson, onlyResource, resourcesOfType, synthTemplates, TEST_ENV } from './synth';

const DOMAIN = 'mail.example.org';
const { app, data } = synthTemplates({ email: { domain: DOMAIN, alarmEmail: 'ops@example.org' } });

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

// The network's own functions (a CDK custom resource's function is not one).
const functions = Object.entries(resourcesOfType(app, 'AWS::Lambda::Function')).filter(([, fn]) =>
  String(fn.Properties.Description).startsWith('Champions Network'),
);

function functionNamed(description: string): [string, CfnResourceJson] {
  const found = functions.find(([, fn]) => String(fn.Properties.Description).includes(description));
  if (!found) throw new Error(`no function described "${description}"`);
  return found;
}

const variablesOf = (fn: CfnResourceJson) => (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

/** Every statement of every inline policy attached to the function's role. */
function statementsOf(fn: CfnResourceJson): Statement[] {
  const role = JSON.stringify((fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]);
  return Object.values(resourcesOfType(app, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(role))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsOf = (s: Statement) => [s.Action].flat();

function logicalIdOfType(type: string): string {
  const ids = Object.keys(resourcesOfType(app, type));
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return ids[0] as string;
}

// The email queue and its dead letters (the search indexer's failures queue is not email's).
const queues = Object.fromEntries(Object.entries(resourcesOfType(app, 'AWS::SQS::Queue')).filter(([id]) => id.startsWith('Email')));
const [queueId, queue] = Object.entries(queues).find(([, q]) => q.Properties.RedrivePolicy !== undefined) ?? [];
const [deadLetterId, deadLetters] = Object.entries(queues).find(([, q]) => q.Properties.RedrivePolicy === undefined) ?? [];

describe('the email queue', () => {
  it('parks a job in a dead-letter queue kept 14 days after five failed attempts', () => {
    expect(Object.keys(queues)).toHaveLength(2);
    expect(queue?.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterId, 'Arn'] },
      maxReceiveCount: 5,
    });
    expect(deadLetters?.Properties.MessageRetentionPeriod).toBe(14 * 24 * 60 * 60);
  });

  it('hides a job taken by the mailer for at least six times the mailer’s timeout', () => {
    const [, mailer] = functionNamed('send the queued emails');
    expect(queue?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * Number(mailer.Properties.Timeout));
  });

  it('encrypts both queues and refuses any request not made over TLS', () => {
    for (const q of Object.values(queues)) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    const tlsOnly = Object.values(resourcesOfType(app, 'AWS::SQS::QueuePolicy')).filter(
      (p) =>
        JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"') &&
        Object.keys(queues).some((id) => JSON.stringify(p.Properties.Queues).includes(id)),
    );
    expect(tlsOnly).toHaveLength(2);
  });

  it('raises an alarm as soon as one job waits in the dead-letter queue, to a topic the operator is subscribed to', () => {
    // The network's other alarms (infra/constructs/operations.ts) watch the functions, the API and the table.
    const alarm = Object.values(resourcesOfType(app, 'AWS::CloudWatch::Alarm')).find((a) => a.Properties.Namespace === 'AWS/SQS');
    if (!alarm) throw new Error('no alarm on the dead-letter queue');
    expect(alarm.Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetterId, 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    const [actionTopic] = alarm.Properties.AlarmActions as { Ref: string }[];
    app.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: actionTopic?.Ref }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:Publish', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
    // CloudWatch and SES may use the topics' key, for this account only.
    const key = Object.values(resourcesOfType(app, 'AWS::KMS::Key')).find((k) =>
      JSON.stringify(k.Properties.KeyPolicy).includes('ses.amazonaws.com'),
    );
    if (!key) throw new Error('no key for the email topics');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const keyStatements = (key.Properties.KeyPolicy as { Statement: { Principal: unknown; Condition?: unknown }[] }).Statement;
    for (const service of ['cloudwatch.amazonaws.com', 'ses.amazonaws.com']) {
      const statement = keyStatements.find((st) => JSON.stringify(st.Principal) === JSON.stringify({ Service: service }));
      expect(statement?.Condition, service).toEqual({ StringEquals: { 'aws:SourceAccount': '123456789012' } });
    }
    app.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: { Ref: actionTopic?.Ref },
    });
  });
});

describe('the mailer', () => {
  const [mailerId, mailer] = functionNamed('send the queued emails');

  it('reads the queue ten jobs at a time and retries only the jobs that failed', () => {
    const mapping = Object.values(resourcesOfType(app, 'AWS::Lambda::EventSourceMapping')).find(
      (m) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: mailerId }),
    );
    if (!mapping) throw new Error('the mailer reads no queue');
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionName: { Ref: mailerId },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('sends through SES, in the configuration set, from the neutral sender, with the links’ origin and the unsubscribe key', () => {
    const variables = variablesOf(mailer);
    expect(variables).toMatchObject({
      EMAIL_TRANSPORT: 'ses',
      EMAIL_FROM: `cn@${DOMAIN}`,
      SES_CONFIGURATION_SET: { Ref: logicalIdOfType('AWS::SES::ConfigurationSet') },
    });
    expect(JSON.stringify(variables.APP_ORIGIN)).toContain('https://');
    // A deploy-time dynamic reference to its own secret, never the value, like CURSOR_SECRET.
    expect(JSON.stringify(variables.EMAIL_TOKEN_SECRET)).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(variables.EMAIL_TOKEN_SECRET)).toContain('EmailTokenSecret');
  });

  it('may send only as the network’s domain and through its configuration set, never any identity', () => {
    const sending = statementsOf(mailer).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
    expect(sending).toHaveLength(1);
    expect(actionsOf(sending[0] as Statement).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    const resources = JSON.stringify(sending[0]?.Resource);
    expect(resources).not.toContain('*');
    expect(resources).toContain(`:identity/${DOMAIN}`);
    expect(resources).toContain(':configuration-set/');
  });

  it('may look up one user in the pool (a sign-up attempt’s owner), and nothing else in Cognito', () => {
    const cognito = statementsOf(mailer).filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
    expect(cognito.map(actionsOf)).toEqual([['cognito-idp:AdminGetUser']]);
    expect(JSON.stringify(cognito[0]?.Resource)).not.toContain('*');
  });

  it('reads and writes the table (preferences, sent markers)', () => {
    expect(statementsOf(mailer).some((s) => actionsOf(s).includes('dynamodb:PutItem'))).toBe(true);
  });
});

describe('bounces and complaints', () => {
  it('publishes SES’s bounce and complaint events of the configuration set to an encrypted topic', () => {
    const destination = onlyResource(app, 'AWS::SES::ConfigurationSetEventDestination');
    const config = destination.Properties.EventDestination as {
      MatchingEventTypes: string[];
      SnsDestination: { TopicARN: { Ref: string } };
    };
    expect(config.MatchingEventTypes.sort()).toEqual(['bounce', 'complaint']);
    const topic = resourcesOfType(app, 'AWS::SNS::Topic')[config.SnsDestination.TopicARN.Ref];
    expect(topic?.Properties.KmsMasterKeyId).toBeDefined();
    expect(destination.Properties.ConfigurationSetName).toEqual({ Ref: logicalIdOfType('AWS::SES::ConfigurationSet') });
  });

  it('lets SES alone publish to the events topic, for this account’s configuration set', () => {
    app.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sns:Publish',
            Principal: { Service: 'ses.amazonaws.com' },
            Condition: { StringEquals: Match.objectLike({ 'AWS:SourceAccount': '123456789012' }) },
          }),
        ]),
      },
    });
  });

  it('hands the events to the email-events function', () => {
    const [eventsId] = functionNamed('bounce or a complaint');
    const destination = onlyResource(app, 'AWS::SES::ConfigurationSetEventDestination');
    const topicRef = (destination.Properties.EventDestination as { SnsDestination: { TopicARN: { Ref: string } } }).SnsDestination.TopicARN
      .Ref;
    app.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicRef },
      Endpoint: { 'Fn::GetAtt': [eventsId, 'Arn'] },
    });
  });

  it('keeps SES from sending again to an address that bounced or complained, and only over TLS', () => {
    const set = onlyResource(app, 'AWS::SES::ConfigurationSet');
    expect(set.Properties).toMatchObject({
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
  });
});

describe('the functions that queue emails', () => {
  const enqueuing = [
    functionNamed('Champions Network API: auth'),
    functionNamed('Champions Network API: board'),
    functionNamed('event reminders'),
    functionNamed('expire unanswered mentorship requests'),
    functionNamed('email digests and nudges'),
  ];

  it('are sign-up, the board, the reminders, the sweeper and the digest, each told the queue’s address', () => {
    for (const [id, fn] of enqueuing) expect(variablesOf(fn).EMAIL_QUEUE_URL, id).toEqual({ Ref: queueId });
    const others = functions.filter(([id]) => !enqueuing.some(([e]) => e === id));
    for (const [id, fn] of others) expect(variablesOf(fn).EMAIL_QUEUE_URL, id).toBeUndefined();
  });

  it('may send messages to that queue only, and nothing else in SQS', () => {
    for (const [id, fn] of enqueuing) {
      const sqs = statementsOf(fn).filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
      expect(sqs.map(actionsOf), id).toEqual([['sqs:SendMessage']]);
      expect(sqs[0]?.Resource, id).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
    }
  });

  it('run the digest every quarter of an hour', () => {
    const [digestId] = functionNamed('email digests and nudges');
    const rule = Object.values(resourcesOfType(app, 'AWS::Events::Rule')).find(
      (r) => r.Properties.ScheduleExpression === 'rate(15 minutes)',
    );
    const targets = (rule?.Properties.Targets ?? []) as { Arn: { 'Fn::GetAtt': [string, string] } }[];
    expect(targets.map((t) => t.Arn['Fn::GetAtt'][0])).toEqual([digestId]);
    // Well inside the quarter of an hour, so two runs overlap only when one is retried.
    const [, digest] = functionNamed('email digests and nudges');
    expect(Number(digest.Properties.Timeout)).toBeLessThanOrEqual(15 * 60);
  });

  it('add the mailer, the events function and the digest to the API functions, sweepers, search indexer and upload check', () => {
    expect(functions).toHaveLength(API_DOMAINS.length + 7);
  });
});

describe('the sending domain', () => {
  it('has an SES identity with DKIM, kept when the stack goes away, its DNS records in the outputs', () => {
    const identity = onlyResource(data, 'AWS::SES::EmailIdentity');
    expect(identity.Properties.EmailIdentity).toBe(DOMAIN);
    expect(identity.DeletionPolicy).toBe('Retain');
    for (const n of [1, 2, 3]) data.hasOutput(`EmailDkimRecord${n}`, { Value: Match.anyValue() });
  });

  it('sends the pool’s codes through SES from the neutral sender, in words that name no network', () => {
    const pool = onlyResource(data, 'AWS::Cognito::UserPool');
    expect(pool.Properties.EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: `CN <cn@${DOMAIN}>`,
    });
    expect(JSON.stringify(pool.Properties.EmailConfiguration)).toContain(`:identity/${DOMAIN}`);
    expect(pool.Properties.VerificationMessageTemplate).toMatchObject({
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      EmailSubject: VERIFICATION_EMAIL.subject,
      EmailMessage: VERIFICATION_EMAIL.body,
    });
    expect(`${VERIFICATION_EMAIL.subject} ${VERIFICATION_EMAIL.body}`).not.toMatch(/champion|network/i);
  });
});

describe('without a sending domain', () => {
  const { app: plain, data: plainData } = synthTemplates();

  it('builds no email resources and tells no function of a queue', () => {
    for (const type of ['AWS::SQS::Queue', 'AWS::SES::ConfigurationSet']) {
      // The search indexer's failures queue is the only queue without email.
      expect(
        Object.keys(resourcesOfType(plain, type)).filter((id) => !id.startsWith('SearchIndexer')),
        type,
      ).toEqual([]);
    }
    // Only the network's own alarm topic, and no alarm on a queue or on SES.
    const topics = Object.values(resourcesOfType(plain, 'AWS::SNS::Topic')).map((t) => t.Properties.DisplayName);
    expect(topics).toEqual(['Champions Network alarms']);
    const alarms = Object.values(resourcesOfType(plain, 'AWS::CloudWatch::Alarm'));
    const namespaces = alarms.map((a) => a.Properties.Namespace);
    // The one queue alarm left watches the search indexer's parked failures.
    expect(alarms.filter((a) => a.Properties.Namespace === 'AWS/SQS').map((a) => JSON.stringify(a.Properties.Dimensions))).toEqual([
      expect.stringContaining('SearchIndexerFailures'),
    ]);
    expect(namespaces).not.toContain('AWS/SES');
    expect(Object.keys(resourcesOfType(plainData, 'AWS::SES::EmailIdentity'))).toEqual([]);
    expect(JSON.stringify(plain.toJSON())).not.toContain('EMAIL_QUEUE_URL');
  });

  it('still sends the pool’s codes in neutral words, from Cognito’s own sender', () => {
    const pool = onlyResource(plainData, 'AWS::Cognito::UserPool');
    expect(pool.Properties.EmailConfiguration).toBeUndefined();
    expect(pool.Properties.VerificationMessageTemplate).toMatchObject({ EmailSubject: VERIFICATION_EMAIL.subject });
  });
});

describe('a function that reads the mailer’s links', () => {
  it('gets the email settings, the unsubscribe key among them, and nothing to send with', () => {
    const cdkApp = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
    const dataStack = new DataStack(cdkApp, 'Data', { env: TEST_ENV });
    const appStack = new AppStack(cdkApp, 'App', {
      env: TEST_ENV,
      table: dataStack.table,
      filesBucket: dataStack.filesBucket,
      userPool: dataStack.userPool,
      userPoolClient: dataStack.userPoolClient,
      siteAssetPath: PLACEHOLDER_SITE_PATH,
      webAclParameterName: '/test/web-acl-arn',
      email: { domain: DOMAIN, fromAddress: `cn@${DOMAIN}` },
      domains: [{ name: 'email', entry: 'functions/handlers/meta.ts', routes: [], readsEmailLinks: true }],
    });
    const template = Template.fromStack(appStack);
    const fn = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).find(
      (f) => f.Properties.Description === 'Champions Network API: email',
    );
    if (!fn) throw new Error('no email function');
    expect(variablesOf(fn)).toMatchObject({ EMAIL_TRANSPORT: 'ses', EMAIL_FROM: `cn@${DOMAIN}` });
    expect(JSON.stringify(variablesOf(fn).EMAIL_TOKEN_SECRET)).toContain('{{resolve:secretsmanager:');
    expect(variablesOf(fn).EMAIL_QUEUE_URL).toBeUndefined();
    const role = JSON.stringify((fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]);
    const policies = Object.values(resourcesOfType(template, 'AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(role),
    );
    expect(policies.length).toBeGreaterThan(0);
    expect(JSON.stringify(policies)).not.toMatch(/"(ses|sqs):/);
  });
});
