import {
  CfnOutput,
  CfnResource,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { ApiFunction } from '../constructs/api-function';
import { Operations } from '../constructs/operations';
import { Email } from '../constructs/email';
import { ScheduledFunction } from '../constructs/scheduled-function';
import { SearchIndexer } from '../constructs/search-indexer';
import { StaticSite } from '../constructs/static-site';
import { grantItemReadWrite } from '../constructs/table';
import { FILES_NODE_MODULES } from '../lambda-bundling';
import { acknowledgeExpectedWildcards } from '../nag';

const { ANY, DELETE, GET } = apigwv2.HttpMethod;

export interface ApiRoute {
  /** API Gateway route path; `{proxy+}` matches the rest of the path. */
  readonly path: string;
  readonly methods: readonly apigwv2.HttpMethod[];
}

export interface ApiDomain {
  /** Lower-case domain name; also the handler file name. */
  readonly name: string;
  /** Handler entry file relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly routes: readonly ApiRoute[];
  /** Installed next to the bundle instead of bundled (large, lazily imported data packages). */
  readonly nodeModules?: readonly string[];
  /**
   * IAM-authorised Cognito actions the domain calls on the user pool. Public APIs the API calls
   * with the member's own tokens (SignUp, InitiateAuth, GlobalSignOut, DeleteUser, ...) need none.
   */
  readonly userPoolActions?: readonly string[];
  /** Hands emails to the mailer (issue 13): gets EMAIL_QUEUE_URL and sqs:SendMessage on that queue alone. */
  readonly enqueuesEmail?: boolean;
  /**
   * Reads the links the mailer signs (the one-click unsubscribe, `POST /api/email/unsubscribe`):
   * gets the email settings, EMAIL_TOKEN_SECRET among them. No such domain yet; the one that
   * serves that route sets this.
   */
  readonly readsEmailLinks?: boolean;
  /**
   * Keeps members' attachments (issue 14, functions/files): gets FILES_BUCKET and read, write and
   * delete on the files bucket's objects alone.
   */
  readonly storesFiles?: boolean;
}

const anyMethod = (path: string): ApiRoute => ({ path, methods: [ANY] });

const getOnly = (path: string): ApiRoute => ({ path, methods: [GET] });

/**
 * One Lambda function per API domain, each carrying only its own code. A new domain is one line
 * here plus its `functions/handlers/<name>.ts`.
 */
export const API_DOMAINS: readonly ApiDomain[] = [
  {
    name: 'auth',
    entry: 'functions/handlers/auth.ts',
    routes: [anyMethod('/api/auth/{proxy+}')],
    // The common-password list (several MB) is imported lazily, only when a password is set.
    nodeModules: ['@zxcvbn-ts/language-common'],
    // Every sign-up queues the owner's email (sent only when the address is taken).
    enqueuesEmail: true,
  },
  {
    name: 'members',
    entry: 'functions/handlers/members.ts',
    routes: [anyMethod('/api/me'), anyMethod('/api/members'), anyMethod('/api/members/{proxy+}')],
  },
  {
    // Export and erasure span every domain: apart, so that no other function carries them.
    name: 'account',
    entry: 'functions/handlers/account.ts',
    routes: [
      { path: '/api/members/me/export', methods: [GET] },
      { path: '/api/members/me', methods: [DELETE] },
    ],
  },
  {
    name: 'board',
    entry: 'functions/handlers/board.ts',
    routes: [anyMethod('/api/board/{proxy+}')],
    // Application decisions and announcements are emailed.
    enqueuesEmail: true,
  },
  {
    name: 'mentorship',
    entry: 'functions/handlers/mentorship.ts',
    routes: [
      anyMethod('/api/mentorships'),
      anyMethod('/api/mentorships/{proxy+}'),
      anyMethod('/api/matches/{proxy+}'),
      anyMethod('/api/board/mentorships'),
      anyMethod('/api/board/mentorships/{proxy+}'),
    ],
  },
  {
    // Whole-cohort matching: its optimiser is a board-only tool, apart from every mentorship request.
    name: 'cohorts',
    entry: 'functions/handlers/cohorts.ts',
    routes: [anyMethod('/api/board/cohorts'), anyMethod('/api/board/cohorts/{proxy+}')],
  },
  {
    name: 'discussion',
    entry: 'functions/handlers/discussion.ts',
    routes: [
      anyMethod('/api/spaces'),
      anyMethod('/api/spaces/{proxy+}'),
      anyMethod('/api/threads/{proxy+}'),
      anyMethod('/api/posts/{proxy+}'),
      // The held posts' queue, their decisions and the audit log; the rest of moderation is the
      // moderation function's (more specific routes win).
      anyMethod('/api/moderation/{proxy+}'),
    ],
  },
  {
    // Reports, cases, sanctions, the held-content rules and the board's inbox: apart from the
    // discussion function, whose bundle they took past its budget (functions/moderation/api.ts).
    name: 'moderation',
    entry: 'functions/handlers/moderation.ts',
    routes: [
      anyMethod('/api/moderation/cases/{proxy+}'),
      anyMethod('/api/moderation/members/{proxy+}'),
      anyMethod('/api/moderation/rules'),
      anyMethod('/api/moderation/messages/{proxy+}'),
      anyMethod('/api/reports'),
    ],
  },
  {
    name: 'notifications',
    entry: 'functions/handlers/notifications.ts',
    routes: [
      anyMethod('/api/notifications'),
      anyMethod('/api/notifications/{proxy+}'),
      anyMethod('/api/announcements/{proxy+}'),
      anyMethod('/api/email/{proxy+}'),
    ],
    // The one-click unsubscribe checks the token the mailer signed.
    readsEmailLinks: true,
  },
  {
    name: 'programme',
    entry: 'functions/handlers/programme.ts',
    routes: [
      anyMethod('/api/plan'),
      anyMethod('/api/members/{id}/plan'),
      anyMethod('/api/events'),
      anyMethod('/api/events/{proxy+}'),
      anyMethod('/api/series'),
      anyMethod('/api/series/{proxy+}'),
      anyMethod('/api/agenda'),
    ],
  },
  {
    // Attachments (issue 14): the files of every owner, in a function of their own, the only one
    // with the bucket's permissions. The presigners and file-type load on the first file an
    // instance handles (functions/files/storage.ts, service.ts), so they ship beside the bundle;
    // in the programme function they took it past its budget. More specific than /api/events/{proxy+}.
    name: 'files',
    entry: 'functions/handlers/files.ts',
    routes: [
      anyMethod('/api/events/{id}/files'),
      anyMethod('/api/events/{id}/files/{proxy+}'),
      anyMethod('/api/practices/{id}/files'),
      anyMethod('/api/practices/{id}/files/{proxy+}'),
    ],
    storesFiles: true,
    nodeModules: [...FILES_NODE_MODULES],
  },
  {
    name: 'conversations',
    entry: 'functions/handlers/conversations.ts',
    routes: [
      anyMethod('/api/mentorships/{id}/messages'),
      anyMethod('/api/mentorships/{id}/messages/{proxy+}'),
      anyMethod('/api/conversations/unread'),
    ],
  },
  {
    // The library of good practices (issue 14), with the board's decisions on them: the moderation
    // path is more specific than the discussion function's `/api/moderation/{proxy+}`.
    name: 'knowledge',
    entry: 'functions/handlers/knowledge.ts',
    routes: [anyMethod('/api/practices'), anyMethod('/api/practices/{proxy+}'), anyMethod('/api/moderation/practices/{proxy+}')],
  },
  {
    // The programme's calendar files (issue 12): `ics` and the schema library it validates with
    // (`yup`) are about 67 kB, so they ship beside this function's bundle and load on first use.
    name: 'calendar',
    entry: 'functions/handlers/calendar.ts',
    routes: [getOnly('/api/events/{id}/calendar'), getOnly('/api/mentorships/{id}/messages/{messageId}/calendar')],
    // Loaded on the first calendar file an instance makes (functions/events/calendar.ts loadIcs).
    nodeModules: ['ics'],
  },
  {
    // Search (issue 14); the integrator may fold it into the knowledge function.
    name: 'search',
    entry: 'functions/handlers/search.ts',
    routes: [getOnly('/api/search')],
  },
  {
    name: 'meta',
    entry: 'functions/handlers/meta.ts',
    // The meta function mounts the whole app, so it also answers every path no other domain
    // claims with the contract's 404 instead of API Gateway's own body.
    routes: [getOnly('/api/meta'), getOnly('/api/openapi.json'), anyMethod('/api/{proxy+}')],
  },
];

export interface AppStackProps extends StackProps {
  readonly table: dynamodb.ITable;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  /** Members' attachments (issue 14), from the data stack. */
  readonly filesBucket: s3.IBucket;
  /** Absolute path of the built SPA. */
  readonly siteAssetPath: string;
  /** Serve the site on this name with this us-east-1 ACM certificate instead of *.cloudfront.net. */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** Where the quick exit sends her. @default DEFAULT_EXIT_URL (shared/discretion.ts) */
  readonly exitUrl?: string;
  /** The stamp of the last secrets rotation (scripts/rotate-secrets.ts): its deploy re-reads the secrets. */
  readonly secretsRotation?: string;
  /** Alarms, the dashboard and the cost budget (infra/constructs/operations.ts). */
  readonly operations?: { readonly alarmEmail?: string; readonly monthlyBudgetUsd?: number };
  /** The us-east-1 Parameter Store name under which the firewall stack publishes its web ACL's ARN. */
  readonly webAclParameterName: string;
  /** @default API_DOMAINS */
  readonly domains?: readonly ApiDomain[];
  /**
   * The network's email (issue 13). Without it nothing is emailed: no queue, mailer, digest or
   * SES resources are built, and the functions get no EMAIL_QUEUE_URL.
   */
  readonly email?: {
    /** Sending domain; its SES identity is in the data stack. */
    readonly domain: string;
    /** The neutral sender, `cn@<domain>`. */
    readonly fromAddress: string;
    /** Told when an email job is parked in the dead-letter queue. */
    readonly alarmEmail?: string;
  };
}

/**
 * Everything stateless: the API functions, the HTTP API and the CloudFront site. Safe to
 * destroy and redeploy; it reads the table and user pool from the data stack.
 */
export class AppStack extends Stack {
  readonly api: apigwv2.HttpApi;
  readonly site: StaticSite;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    // Table and user pool names arrive as CloudFormation exports (strong references): the data
    // stack cannot be deleted, nor those exports removed, while this stack still uses them.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);

    // Each rotating secret holds {"current", "previous"}: scripts/rotate-secrets.ts moves current to
    // previous and makes a new current; the next deploy (with -c secretsRotation=<stamp>) hands both
    // to the functions, which sign with current and still accept previous for one period.
    const rotating = (id: string, description: string) =>
      new secretsmanager.Secret(this, id, {
        description,
        generateSecretString: {
          secretStringTemplate: JSON.stringify({ previous: '' }),
          generateStringKey: 'current',
          passwordLength: 48,
          excludePunctuation: true,
          includeSpace: false,
        },
      });
    const cursorSecret = rotating('CursorSecret', 'HMAC key that signs list cursors handed to browsers (current and previous)');
    Validations.of(cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by an operator with scripts/rotate-secrets.ts and a deploy (README, Secrets): the functions get ' +
        'the key at deploy time, so a Secrets Manager schedule alone would change nothing they use. The previous ' +
        'key stays accepted for a period, so a rotation breaks no cursor in flight.',
    });

    // CloudFront adds this value to every request it forwards to the API (x-origin-verify); the
    // functions refuse requests without it, so nobody reaches the API around CloudFront's TLS
    // policy, security headers and WAF by calling the execute-api host directly.
    const originSecret = rotating('OriginSecret', 'Shared value that proves an API request came through CloudFront (current and previous)');
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by an operator with scripts/rotate-secrets.ts and a deploy (README, Secrets): the value is resolved ' +
        'into the CloudFront origin header and the function settings at deploy time; the functions accept the ' +
        'previous value too while the edges move to the new one, so no request is refused.',
    });
    const current = (secret: secretsmanager.Secret) => secret.secretValueFromJson('current').unsafeUnwrap();
    const previous = (secret: secretsmanager.Secret) => secret.secretValueFromJson('previous').unsafeUnwrap();

    const environment: Record<string, string> = {
      TABLE_NAME: props.table.tableName,
      USER_POOL_ID: props.userPool.userPoolId,
      USER_POOL_CLIENT_ID: props.userPoolClient.userPoolClientId,
      // A CloudFormation dynamic reference ({{resolve:secretsmanager:...}}): CloudFormation reads
      // the secret at deploy time, so the value never appears in the template or the cloud
      // assembly and the functions need no secretsmanager:GetSecretValue or cold-start fetch.
      // The trade-off: it is stored in the function configuration (encrypted at rest), readable
      // by whoever may call lambda:GetFunctionConfiguration, and changes only on redeploy.
      CURSOR_SECRET: current(cursorSecret),
      CURSOR_SECRET_PREVIOUS: previous(cursorSecret),
      ORIGIN_SECRET: current(originSecret),
      ORIGIN_SECRET_PREVIOUS: previous(originSecret),
      // Changed by each rotation's deploy: a changed setting is what makes CloudFormation update the
      // functions, and so read the secrets' new values (a dynamic reference alone is not re-read).
      ...(props.secretsRotation ? { SECRETS_ROTATION: props.secretsRotation } : {}),
      // Behind CloudFront the browser's host arrives in x-forwarded-host (see StaticSite).
      TRUST_FORWARDED_HOST: 'true',
      LOCAL_MODE: 'false',
      ...(props.customDomain ? { APP_ORIGIN: `https://${props.customDomain.domainName}` } : {}),
    };

    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Champions Network API (served to browsers through CloudFront under /api)',
      // HttpApi's implicit default stage takes no access-log or throttle settings; one is added below.
      createDefaultStage: false,
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorisation happens in the application: the API verifies Cognito JWTs taken from HttpOnly ' +
        'cookies (an API Gateway JWT authorizer cannot read a token out of a cookie) and checks per-route ' +
        'rules; sign-up, sign-in and the public meta routes must stay reachable without a token.',
    });

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Caps the whole API well above normal use; per-member limits live in the application.
      throttle: { burstLimit: 200, rateLimit: 100 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            sourceIp: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // Before the functions: the mailer's links lead to the site's address.
    this.site = new StaticSite(this, 'Site', {
      siteAssetPath: props.siteAssetPath,
      exitUrl: props.exitUrl,
      apiDomainName: `${this.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
      // The same dynamic reference as the functions' ORIGIN_SECRET (resolved at deploy time).
      originSecret: current(originSecret),
      secretsRotation: props.secretsRotation,
      webAclArn: this.webAclArn(props.webAclParameterName),
      uploadOrigin: `https://${props.filesBucket.bucketRegionalDomainName}`,
      customDomain: props.customDomain
        ? {
            domainName: props.customDomain.domainName,
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
          }
        : undefined,
    });

    const email = props.email ? this.email(props, environment) : undefined;

    const functions: { name: string; fn: lambda.IFunction }[] = [];
    let authLogGroup: logs.ILogGroup | undefined;
    for (const domain of props.domains ?? API_DOMAINS) {
      const id = pascalCase(domain.name);
      const { function: fn, logGroup } = new ApiFunction(this, `${id}Api`, {
        entry: domain.entry,
        environment: domain.storesFiles ? { ...environment, FILES_BUCKET: props.filesBucket.bucketName } : environment,
        nodeModules: domain.nodeModules,
        description: `Champions Network API: ${domain.name}`,
      });
      grantItemReadWrite(props.table, fn);
      functions.push({ name: id, fn });
      if (domain.name === 'auth') authLogGroup = logGroup;
      if (domain.userPoolActions && domain.userPoolActions.length > 0) {
        props.userPool.grant(fn, ...domain.userPoolActions);
      }
      if (domain.enqueuesEmail) email?.enqueuer(fn);
      if (domain.readsEmailLinks) email?.readSettings(fn);
      if (domain.storesFiles) this.storeFiles(props.filesBucket, fn);

      const integration = new HttpLambdaIntegration(`${id}Integration`, fn);
      for (const route of domain.routes) {
        this.api.addRoutes({ path: route.path, methods: [...route.methods], integration });
      }
    }

    // The search index follows the table's stream (issue 14).
    const indexer = new SearchIndexer(this, 'SearchIndexer', { table: props.table, environment });
    functions.push({ name: 'SearchIndexer', fn: indexer.function });

    // Expires mentorship requests nobody answered in 14 days. Reads are correct before it runs
    // (a pending request past its expiry reads as expired); the sweep writes the state, frees the
    // pair and the mentee's request slot, and tells both members.
    const sweeper = new ScheduledFunction(this, 'ExpirySweeper', {
      entry: 'functions/handlers/sweeper.ts',
      environment,
      description: 'Champions Network: expire unanswered mentorship requests',
    });
    grantItemReadWrite(props.table, sweeper.function);
    // Its sweeps queue emails too (issue 13).
    email?.enqueuer(sweeper.function);

    // Reminds registered members of an event a day and an hour before it starts (issue 12). Every
    // five minutes, so the hour's reminder is never more than five minutes late; each run is one
    // Query of the reminders due, and each reminder is sent once (a conditional write).
    const reminders = new ScheduledFunction(this, 'ReminderSweeper', {
      entry: 'functions/handlers/reminders.ts',
      environment,
      description: 'Champions Network: send the programme event reminders now due',
      schedule: events.Schedule.rate(Duration.minutes(5)),
    });
    grantItemReadWrite(props.table, reminders.function);
    email?.enqueuer(reminders.function);

    if (email) {
      // The digests and the nudges (issue 13): every quarter of an hour, so that a digest goes out
      // close to her hour; each run reads only members with email on and something new (an index),
      // and queues each email once (a sent marker written conditionally).
      const digest = new ScheduledFunction(this, 'DigestSweeper', {
        entry: 'functions/handlers/digest.ts',
        environment,
        description: 'Champions Network: queue the email digests and nudges now due',
        schedule: events.Schedule.rate(Duration.minutes(15)),
        // A run pages through every member with email on and queues in tens: more than a request's 10 s.
        timeout: Duration.minutes(2),
      });
      grantItemReadWrite(props.table, digest.function);
      email.enqueuer(digest.function);
      functions.push({ name: 'DigestSweeper', fn: digest.function });
    }

    // Every object created in the files bucket is checked as it lands (issue 14): the bucket sends
    // its events to EventBridge (infra/constructs/files-bucket.ts), this rule sends "Object Created"
    // under files/ to the same check the member's browser asks for after an upload.
    const uploadCheck = new ApiFunction(this, 'UploadCheck', {
      entry: 'functions/handlers/files-uploaded.ts',
      environment: { ...environment, FILES_BUCKET: props.filesBucket.bucketName },
      nodeModules: [...FILES_NODE_MODULES],
      description: 'Champions Network: check each uploaded attachment as it lands',
    }).function;
    grantItemReadWrite(props.table, uploadCheck);
    // It reads an object's first bytes and deletes what fails; it signs no upload.
    this.storeFiles(props.filesBucket, uploadCheck, ['s3:GetObject', 's3:DeleteObject']);
    new events.Rule(this, 'UploadCheckRule', {
      description: 'Objects created in the files bucket, to their check',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [props.filesBucket.bucketName] }, object: { key: [{ prefix: 'files/' }] } },
      },
      targets: [new targets.LambdaFunction(uploadCheck, { maxEventAge: Duration.hours(2), retryAttempts: 8 })],
    });
    functions.push({ name: 'UploadCheck', fn: uploadCheck });

    functions.push({ name: 'ExpirySweeper', fn: sweeper.function }, { name: 'ReminderSweeper', fn: reminders.function });
    if (email) functions.push({ name: 'Mailer', fn: email.mailer }, { name: 'EmailEvents', fn: email.eventsFunction });
    this.operations = new Operations(this, 'Operations', {
      api: this.api,
      table: props.table,
      functions,
      authLogGroup,
      parkedWork: [{ name: 'SearchIndexerFailures', queue: indexer.failures }],
      sendsEmail: email !== undefined,
      alarmEmail: props.operations?.alarmEmail ?? props.email?.alarmEmail,
      monthlyBudgetUsd: props.operations?.monthlyBudgetUsd,
    });

    new CfnOutput(this, 'SiteUrl', {
      description: 'Open this in a browser',
      value: props.customDomain ? `https://${props.customDomain.domainName}` : `https://${this.site.distribution.distributionDomainName}`,
    });
    new CfnOutput(this, 'CursorSecretArn', {
      description: 'Where operator scripts read CURSOR_SECRET (aws secretsmanager get-secret-value); never the value itself',
      value: cursorSecret.secretArn,
    });
    new CfnOutput(this, 'DistributionDomainName', {
      description: 'Point the custom domain (CNAME / alias) here',
      value: this.site.distribution.distributionDomainName,
    });
  }

  /**
   * The firewall's web ACL ARN, read from Parameter Store in us-east-1 (where CloudFront requires
   * the ACL to be) at deploy time. Read again only when the parameter's name changes: the ACL keeps
   * its ARN across rule changes, and is replaced only if its name (the stage) changes.
   */
  private webAclArn(parameterName: string): string {
    // Its own role and log group, instead of the AWS managed AWSLambdaBasicExecutionRole (logs:* on
    // every log group) the custom resource's function would otherwise get.
    const logGroup = new logs.LogGroup(this, 'WebAclArnReaderLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const role = new iam.Role(this, 'WebAclArnReaderRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    const reader = new cr.AwsCustomResource(this, 'WebAclArn', {
      role,
      logGroup,
      onUpdate: {
        service: 'SSM',
        action: 'GetParameter',
        parameters: { Name: parameterName },
        region: 'us-east-1',
        physicalResourceId: cr.PhysicalResourceId.of(parameterName),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({
        resources: [`arn:${this.partition}:ssm:us-east-1:${this.account}:parameter${parameterName}`],
      }),
      installLatestAwsSdk: false,
    });
    return reader.getResponseField('Parameter.Value');
  }

  /**
   * A function that keeps attachments: read (the check after upload, the presigned download),
   * write (the presigned upload is signed with its credentials) and delete (or fewer), on the bucket's
   * `files/` objects only; nothing on the bucket itself (no listing, no policy, no CORS).
   */
  private storeFiles(bucket: s3.IBucket, fn: lambda.IFunction, actions = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions,
        resources: [bucket.arnForObjects('files/*')],
      }),
    );
    const policy = fn.role?.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    if (!policy || !CfnResource.isCfnResource(policy)) throw new Error('the function role has no default policy to review');
    // The finding names the bucket's cross-stack export, which exists only once the app is being
    // synthesised: it is acknowledged then (construct validation runs after references resolve).
    policy.node.addValidation({
      validate: () => {
        acknowledgeExpectedWildcards(policy, [
          {
            finding: /^Resource::.*\/files\/\*$/,
            reason:
              'Attachments are stored under random keys below files/ (functions/files): the function must reach any ' +
              'of them, and only them, to check, serve and delete a file. No bucket-level action is granted.',
          },
        ]);
        return [];
      },
    });
  }

  /** The queue, the mailer, SES's configuration set and events, and the alarm (infra/constructs/email.ts). */
  private email(props: AppStackProps, environment: Record<string, string>): Email {
    const settings = props.email;
    if (!settings) throw new Error('email settings missing');
    const tokenSecret = new secretsmanager.Secret(this, 'EmailTokenSecret', {
      description: 'HMAC key that signs the one-click unsubscribe links in emails',
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(tokenSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The unsubscribe key signs links in emails already delivered, which must keep working for as long as ' +
        'they sit in an inbox; a rotation would break every one of them, and it reaches the functions at ' +
        'deploy time anyway. Rotate by redeploying only if the key is exposed.',
    });
    return new Email(this, 'Email', {
      domain: settings.domain,
      fromAddress: settings.fromAddress,
      alarmEmail: settings.alarmEmail,
      appOrigin: props.customDomain
        ? `https://${props.customDomain.domainName}`
        : `https://${this.site.distribution.distributionDomainName}`,
      environment,
      tokenSecret: tokenSecret.secretValue.unsafeUnwrap(),
      table: props.table,
      userPool: props.userPool,
    });
  }
}

function pascalCase(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
