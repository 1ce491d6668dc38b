import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import { describe, expect, it } from 'vitest';
import { ScheduledFunction } from '../../infra/constructs/scheduled-function';
import {
  API_PATH_PATTERN,
  ASSET_CACHE_CONTROL,
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  HASHED_ASSETS_PREFIX,
  PAGE_CACHE_CONTROL,
} from '../../infra/constructs/static-site';
import { API_DOMAINS } from '../../infra/stacks/app-stack';
import { type CfnResourceJson, onlyResource, resourcesOfType, synthTemplates, TEST_ENV } from './synth';

const { app, data } = synthTemplates();

/** IDs of AWS-managed CloudFront policies (stable across accounts). */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

// The network's own functions (a CDK custom resource's function, such as the web ACL reader, is not one).
const UPLOAD_CHECK = 'Champions Network: check each uploaded attachment as it lands';
const apiFunctions = Object.entries(resourcesOfType(app, 'AWS::Lambda::Function')).filter(([, fn]) =>
  String(fn.Properties.Description).startsWith('Champions Network'),
);

function functionFor(domain: string): [string, CfnResourceJson] {
  const found = apiFunctions.find(([, fn]) => fn.Properties.Description === `Champions Network API: ${domain}`);
  if (!found) throw new Error(`no function for domain ${domain}`);
  return found;
}

function distributionConfig(): Record<string, unknown> {
  const config = onlyResource(app, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
  if (typeof config !== 'object' || config === null) throw new Error('distribution has no config');
  return config as Record<string, unknown>;
}

type CloudFrontRequest = { uri: string; headers: Record<string, { value: string }> };
type CloudFrontHandler = (event: { request: CloudFrontRequest; viewer: { ip: string } }) => CloudFrontRequest;

/** Compiles a CloudFront Function exactly as deployed, so its behaviour can be exercised here. */
function cloudFrontFunction(commentPrefix: string): CloudFrontHandler {
  const fn = Object.values(resourcesOfType(app, 'AWS::CloudFront::Function')).find((f) =>
    String((f.Properties.FunctionConfig as { Comment?: string }).Comment).startsWith(commentPrefix),
  );
  if (!fn) throw new Error(`no CloudFront function commented "${commentPrefix}..."`);
  return new Function(`${String(fn.Properties.FunctionCode)}\nreturn handler;`)() as CloudFrontHandler;
}

describe('API functions', () => {
  it('runs one function per API domain plus the expiry and reminder sweepers, the search indexer and the upload check, on Node 24 and arm64', () => {
    expect(apiFunctions).toHaveLength(API_DOMAINS.length + 4);
    for (const [, fn] of apiFunctions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: 10,
        Handler: 'index.handler',
      });
    }
  });

  it('hands a rotation’s deploy to every function and to CloudFront, so both re-read the secrets', () => {
    const rotatedApp = synthTemplates({ secretsRotation: '20261204T2300' }).app;
    const fns = Object.values(resourcesOfType(rotatedApp, 'AWS::Lambda::Function')).filter((f) =>
      String(f.Properties.Description).startsWith('Champions Network'),
    );
    for (const fn of fns)
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.SECRETS_ROTATION).toBe('20261204T2300');
    const distribution = onlyResource(rotatedApp, 'AWS::CloudFront::Distribution');
    expect((distribution.Properties.DistributionConfig as { Comment: string }).Comment).toContain('20261204T2300');
  });

  it('gives every function the settings the API parses at cold start', () => {
    for (const [, fn] of apiFunctions) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      // FILES_BUCKET only where files are stored (below).
      expect(
        Object.keys(variables)
          .filter((k) => k !== 'FILES_BUCKET' && !k.startsWith('POWERTOOLS_'))
          .sort(),
      ).toEqual(
        [
          'CURSOR_SECRET',
          'CURSOR_SECRET_PREVIOUS',
          'LOCAL_MODE',
          'ORIGIN_SECRET',
          'ORIGIN_SECRET_PREVIOUS',
          'TABLE_NAME',
          'TRUST_FORWARDED_HOST',
          'USER_POOL_CLIENT_ID',
          'USER_POOL_ID',
        ].sort(),
      );
      expect(variables).toMatchObject({ TRUST_FORWARDED_HOST: 'true', LOCAL_MODE: 'false' });
      // A deploy-time dynamic reference, never the secret itself.
      expect(JSON.stringify(variables.CURSOR_SECRET)).toContain('{{resolve:secretsmanager:');
      expect(JSON.stringify(variables.ORIGIN_SECRET)).toContain('{{resolve:secretsmanager:');
      // Both keys of each rotating secret: sign with current, still accept previous.
      expect(JSON.stringify(variables.CURSOR_SECRET)).toContain(':SecretString:current::');
      expect(JSON.stringify(variables.CURSOR_SECRET_PREVIOUS)).toContain(':SecretString:previous::');
      expect(JSON.stringify(variables.ORIGIN_SECRET_PREVIOUS)).toContain(':SecretString:previous::');
    }
  });

  it('traces every function with X-Ray through one shared policy, and names its domain for Powertools without recording answers or errors', () => {
    const policies = Object.entries(resourcesOfType(app, 'AWS::IAM::ManagedPolicy')).filter(([, p]) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('xray:PutTraceSegments'),
    );
    expect(policies).toHaveLength(1);
    const [xrayPolicy] = policies[0] ?? [];
    for (const [, fn] of apiFunctions) {
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables).toMatchObject({ POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false', POWERTOOLS_TRACER_CAPTURE_ERROR: 'false' });
      expect(String(variables.POWERTOOLS_SERVICE_NAME)).toMatch(/^[a-z-]+$/);
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      expect(JSON.stringify(resourcesOfType(app, 'AWS::IAM::Role')[roleId]?.Properties.ManagedPolicyArns)).toContain(xrayPolicy);
    }
    // No function's own policy carries the wildcard.
    for (const p of Object.values(resourcesOfType(app, 'AWS::IAM::Policy'))) {
      expect(JSON.stringify(p.Properties.PolicyDocument)).not.toContain('xray:');
    }
  });

  it('writes each function to its own log group kept for 30 days', () => {
    for (const [, fn] of apiFunctions) {
      const logGroup = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(resourcesOfType(app, 'AWS::Logs::LogGroup')[logGroup]?.Properties.RetentionInDays).toBe(30);
    }
  });

  it('lets functions read and write items on the table and its indexes, but never scan', () => {
    const policies = Object.values(resourcesOfType(app, 'AWS::IAM::Policy'));
    const isStreamRead = (a: string) =>
      ['dynamodb:ListStreams', 'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'].includes(a);
    const statements = policies.flatMap((p) =>
      (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement.filter((s) =>
        [s.Action].flat().some((a) => a.startsWith('dynamodb:')),
      ),
    );
    // The search indexer alone reads the table's stream; no statement mixes stream and item actions.
    const streamStatements = statements.filter((s) => [s.Action].flat().every(isStreamRead));
    expect(streamStatements.length).toBeGreaterThan(0);
    const dynamoStatements = statements.filter((s) => !streamStatements.includes(s));
    expect(dynamoStatements).toHaveLength(API_DOMAINS.length + 4);
    for (const statement of dynamoStatements) {
      expect(statement.Action).not.toContain('dynamodb:Scan');
      expect(statement.Action).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem']));
      const resources = JSON.stringify(statement.Resource);
      expect(resources).not.toContain('*');
      for (const index of ['gsi1', 'gsi2', 'gsi3']) expect(resources).toContain(`/index/${index}`);
    }
  });

  it('gives the bucket of attachments to the files function and the upload check alone: its name, get and delete on files/ objects, put to the files function', () => {
    const storing = [...API_DOMAINS.filter((d) => d.storesFiles).map((d) => `Champions Network API: ${d.name}`), UPLOAD_CHECK];
    expect(storing).toEqual(['Champions Network API: files', UPLOAD_CHECK]);
    for (const [, fn] of apiFunctions) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect('FILES_BUCKET' in variables, String(fn.Properties.Description)).toBe(storing.includes(String(fn.Properties.Description)));
    }
    const s3Statements = Object.values(resourcesOfType(app, 'AWS::IAM::Policy')).flatMap((p) =>
      (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement.filter((st) =>
        [st.Action].flat().some((a) => a.startsWith('s3:')),
      ),
    );
    const filesStatements = s3Statements.filter((st) => JSON.stringify(st.Resource).includes('/files/*'));
    expect(filesStatements.map((st) => [st.Action].flat().sort())).toEqual(
      expect.arrayContaining([
        ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
        ['s3:DeleteObject', 's3:GetObject'],
      ]),
    );
    expect(filesStatements).toHaveLength(2);
    for (const st of filesStatements) expect(JSON.stringify(st.Resource)).toContain('Fn::ImportValue');
  });

  it('checks every object created under files/ as it lands: the bucket’s events reach EventBridge, a rule sends them to the upload check', () => {
    const bucket = Object.values(resourcesOfType(data, 'AWS::S3::Bucket')).find((b) => b.Properties.VersioningConfiguration);
    expect(bucket?.Properties.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    const rule = Object.values(resourcesOfType(app, 'AWS::Events::Rule')).find((r) =>
      JSON.stringify(r.Properties.EventPattern ?? {}).includes('Object Created'),
    );
    expect(rule?.Properties.EventPattern).toMatchObject({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { object: { key: [{ prefix: 'files/' }] } },
    });
    const [checkId] = apiFunctions.find(([, fn]) => fn.Properties.Description === UPLOAD_CHECK) ?? [];
    const targets = (rule?.Properties.Targets ?? []) as { Arn: { 'Fn::GetAtt': [string, string] } }[];
    expect(targets.map((t) => t.Arn['Fn::GetAtt'][0])).toEqual([checkId]);
  });

  it('grants no function any Cognito admin action (users act on their own accounts with their own tokens)', () => {
    const granting = Object.values(resourcesOfType(app, 'AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('cognito-idp:'),
    );
    expect(granting).toHaveLength(0);
  });
});

describe('the search indexer', () => {
  it('reads the table stream filtered to the indexed entities, reporting failed records, parking what keeps failing', () => {
    const mapping = onlyResource(app, 'AWS::Lambda::EventSourceMapping').Properties;
    expect(mapping).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    const patterns = (mapping.FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map((f) => JSON.parse(f.Pattern));
    expect(patterns).toContainEqual({ dynamodb: { NewImage: { entity: { S: ['thread', 'post', 'event', 'member', 'practice'] } } } });
    expect(patterns).toContainEqual({
      eventName: ['REMOVE'],
      dynamodb: { OldImage: { entity: { S: ['thread', 'post', 'event', 'member', 'practice'] } } },
    });
  });
});

describe('the event reminders', () => {
  it('sends the programme’s reminders every five minutes from their own rule', () => {
    const rules = Object.values(resourcesOfType(app, 'AWS::Events::Rule')).filter(
      (r) => r.Properties.ScheduleExpression === 'rate(5 minutes)',
    );
    expect(rules).toHaveLength(1);
    const fn = apiFunctions.find(([, f]) => String(f.Properties.Description).includes('event reminders'));
    const targets = (rules[0]?.Properties.Targets ?? []) as { Arn: { 'Fn::GetAtt': [string, string] } }[];
    expect(targets[0]?.Arn['Fn::GetAtt'][0]).toBe(fn?.[0]);
  });
});

describe('the expiry sweeper', () => {
  it('runs the sweeper hourly from an EventBridge rule, with retries and a maximum event age', () => {
    const rules = Object.values(resourcesOfType(app, 'AWS::Events::Rule')).filter(
      (r) => r.Properties.ScheduleExpression === 'rate(1 hour)',
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties).toMatchObject({ ScheduleExpression: 'rate(1 hour)', State: 'ENABLED' });
    const sweeper = apiFunctions.find(([, fn]) => String(fn.Properties.Description).includes('expire unanswered mentorship requests'));
    expect(sweeper).toBeDefined();
    const targets = (rules[0]?.Properties.Targets ?? []) as { Arn: { 'Fn::GetAtt': [string, string] }; RetryPolicy: unknown }[];
    const target = targets[0];
    expect(target?.Arn['Fn::GetAtt'][0]).toBe(sweeper?.[0]);
    expect(target?.RetryPolicy).toMatchObject({ MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 2 });
  });
});

describe('HTTP API', () => {
  it('routes every API path to its own domain’s function', () => {
    const routes = resourcesOfType(app, 'AWS::ApiGatewayV2::Route');
    const integrations = resourcesOfType(app, 'AWS::ApiGatewayV2::Integration');
    for (const domain of API_DOMAINS) {
      const [functionId] = functionFor(domain.name);
      for (const route of domain.routes) {
        for (const method of route.methods) {
          const routeKey = `${method} ${route.path}`;
          const found = Object.values(routes).find((r) => r.Properties.RouteKey === routeKey);
          expect(found, routeKey).toBeDefined();
          const integrationId = JSON.stringify(found?.Properties.Target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';
          expect(integrations[integrationId]?.Properties.IntegrationUri, routeKey).toEqual({
            'Fn::GetAtt': [functionId, 'Arn'],
          });
        }
      }
    }
    expect(Object.keys(routes)).toHaveLength(API_DOMAINS.flatMap((d) => d.routes).length);
  });

  it('serves each domain’s paths and sends every other /api path to the app’s contract-shaped 404', () => {
    const keys = Object.values(resourcesOfType(app, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(
      [
        'ANY /api/auth/{proxy+}',
        'ANY /api/me',
        'GET /api/members/me/export',
        'DELETE /api/members/me',
        'ANY /api/members',
        'ANY /api/members/{proxy+}',
        'ANY /api/board/{proxy+}',
        'ANY /api/mentorships',
        'ANY /api/mentorships/{proxy+}',
        'ANY /api/matches/{proxy+}',
        'ANY /api/board/cohorts',
        'ANY /api/board/cohorts/{proxy+}',
        'ANY /api/board/mentorships',
        'ANY /api/board/mentorships/{proxy+}',
        'ANY /api/spaces',
        'ANY /api/spaces/{proxy+}',
        'ANY /api/threads/{proxy+}',
        'ANY /api/posts/{proxy+}',
        'ANY /api/moderation/{proxy+}',
        'ANY /api/reports',
        'ANY /api/notifications',
        'ANY /api/notifications/{proxy+}',
        'ANY /api/email/{proxy+}',
        'ANY /api/announcements/{proxy+}',
        'ANY /api/plan',
        'ANY /api/members/{id}/plan',
        'ANY /api/events',
        'ANY /api/events/{proxy+}',
        'ANY /api/events/{id}/files',
        'ANY /api/events/{id}/files/{proxy+}',
        'ANY /api/practices/{id}/files',
        'ANY /api/practices/{id}/files/{proxy+}',
        'GET /api/events/{id}/calendar',
        'GET /api/mentorships/{id}/messages/{messageId}/calendar',
        'ANY /api/series',
        'ANY /api/series/{proxy+}',
        'ANY /api/agenda',
        'ANY /api/mentorships/{id}/messages',
        'ANY /api/mentorships/{id}/messages/{proxy+}',
        'ANY /api/conversations/unread',
        'ANY /api/practices',
        'ANY /api/practices/{proxy+}',
        'ANY /api/moderation/practices/{proxy+}',
        'ANY /api/moderation/cases/{proxy+}',
        'ANY /api/moderation/members/{proxy+}',
        'ANY /api/moderation/rules',
        'ANY /api/moderation/messages/{proxy+}',
        'GET /api/search',
        'GET /api/meta',
        'GET /api/openapi.json',
        'ANY /api/{proxy+}',
      ].sort(),
    );
  });

  it('logs every request and throttles the default stage', () => {
    const stage = onlyResource(app, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } },
    });
    const format = JSON.parse(String((stage.Properties.AccessLogSettings as { Format: string }).Format));
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });
});

describe('CloudFront site', () => {
  it('sends /api/* to the HTTP API with cookies and queries but not the Host header', () => {
    const config = distributionConfig();
    const behaviors = config.CacheBehaviors as Record<string, unknown>[];
    const api = behaviors.find((b) => b.PathPattern === API_PATH_PATTERN);
    expect(api).toMatchObject({
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
    const origins = config.Origins as {
      Id: string;
      DomainName: unknown;
      CustomOriginConfig?: unknown;
      OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
    }[];
    const apiOrigin = origins.find((o) => o.Id === api?.TargetOriginId);
    expect(JSON.stringify(apiOrigin?.DomainName)).toContain(`.execute-api.${TEST_ENV.region}.`);
    expect(apiOrigin?.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    // Proof of the way in: the same secret the functions check, as a deploy-time reference.
    const header = apiOrigin?.OriginCustomHeaders?.find((h) => h.HeaderName === 'x-origin-verify');
    expect(JSON.stringify(header?.HeaderValue)).toContain('{{resolve:secretsmanager:');
    const [, fn] = functionFor('members');
    const fnSecret = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.ORIGIN_SECRET;
    expect(JSON.stringify(header?.HeaderValue)).toBe(JSON.stringify(fnSecret));
  });

  it('compresses the API’s answers with brotli or gzip, keeping none the API does not mark public, and none per member', () => {
    const behaviors = distributionConfig().CacheBehaviors as Record<string, unknown>[];
    const api = behaviors.find((b) => b.PathPattern === API_PATH_PATTERN);
    expect(api?.Compress).toBe(true);
    const policies = resourcesOfType(app, 'AWS::CloudFront::CachePolicy');
    const [policyId] = Object.keys(policies);
    expect(Object.keys(policies)).toHaveLength(1);
    expect(api?.CachePolicyId).toEqual({ Ref: policyId });
    const config = policies[policyId ?? '']?.Properties.CachePolicyConfig as {
      MinTTL: number;
      DefaultTTL: number;
      MaxTTL: number;
      ParametersInCacheKeyAndForwardedToOrigin: Record<string, unknown>;
    };
    // TTL 0 when the API sends no Cache-Control, and no minimum over its no-store: an answer is
    // kept only when the API marks it public (the reference data), at most an hour.
    expect(config.MinTTL).toBe(0);
    expect(config.DefaultTTL).toBe(0);
    expect(config.MaxTTL).toBeGreaterThan(0);
    expect(config.MaxTTL).toBeLessThanOrEqual(3600);
    // Compression needs Accept-Encoding in the key; no cookie or header is, so no cached answer is anyone's own.
    expect(config.ParametersInCacheKeyAndForwardedToOrigin).toEqual({
      EnableAcceptEncodingGzip: true,
      EnableAcceptEncodingBrotli: true,
      CookiesConfig: { CookieBehavior: 'none' },
      HeadersConfig: { HeaderBehavior: 'none' },
      QueryStringsConfig: { QueryStringBehavior: 'all' },
    });
  });

  it('compresses the web app with brotli or gzip and caches it by path alone', () => {
    expect(distributionConfig().DefaultCacheBehavior).toMatchObject({ Compress: true, CachePolicyId: CACHING_OPTIMIZED });
  });

  it('deploys hashed files immutable for a year and the pages no-cache, without the second copy pruning the first', () => {
    const deployments = Object.entries(resourcesOfType(app, 'Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(2);
    const hashed = `${HASHED_ASSETS_PREFIX}*`;
    const byCacheControl = (value: string) => {
      const found = deployments.find(([, d]) => (d.Properties.SystemMetadata as Record<string, string>)['cache-control'] === value);
      if (!found) throw new Error(`no deployment with cache-control ${value}`);
      return found;
    };
    expect(ASSET_CACHE_CONTROL).toBe('public, max-age=31536000, immutable');
    expect(PAGE_CACHE_CONTROL).toBe('no-cache');
    const [assetsId, assets] = byCacheControl(ASSET_CACHE_CONTROL);
    const [, pages] = byCacheControl(PAGE_CACHE_CONTROL);
    // Only the hashed files, and old ones stay for tabs still running the previous build.
    expect(assets.Properties).toMatchObject({ Exclude: ['*'], Include: [hashed], Prune: false });
    // Everything else, config.json included, pruned — but the hashed files are excluded, so never deleted here.
    expect(pages.Properties).toMatchObject({ Exclude: [hashed], Prune: true, DistributionPaths: ['/*'] });
    expect(pages.Properties.Include).toBeUndefined();
    // The same build, plus config.json.
    expect(pages.Properties.SourceObjectKeys).toEqual([...(assets.Properties.SourceObjectKeys as unknown[]), expect.any(String)]);
    // The pages go up only once the files they name are there.
    expect((pages as { DependsOn?: string[] }).DependsOn).toContain(assetsId);
  });

  it('reads the site bucket only through Origin Access Control', () => {
    const oac = onlyResource(app, 'AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const config = distributionConfig();
    const defaultBehavior = config.DefaultCacheBehavior as { TargetOriginId: string };
    const s3Origin = (config.Origins as { Id: string; OriginAccessControlId?: unknown }[]).find(
      (o) => o.Id === defaultBehavior.TargetOriginId,
    );
    expect(s3Origin?.OriginAccessControlId).toBeDefined();
    app.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('keeps every bucket private, encrypted and TLS-only', () => {
    const buckets = resourcesOfType(app, 'AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(JSON.stringify(bucket.Properties.BucketEncryption)).toContain('AES256');
    }
    const denyInsecure = Object.values(resourcesOfType(app, 'AWS::S3::BucketPolicy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
    );
    expect(denyInsecure).toHaveLength(2);
  });

  it('serves index.html for client-side routes and real files as they are', () => {
    const route = cloudFrontFunction('Serve index.html');
    const uriFor = (uri: string) => route({ request: { uri, headers: {} }, viewer: { ip: '192.0.2.1' } }).uri;
    expect(uriFor('/')).toBe('/index.html');
    expect(uriFor('/members/01J9ZQ4X')).toBe('/index.html');
    expect(uriFor('/mentorships/requests/')).toBe('/index.html');
    expect(uriFor('/assets/index-Ahi1Opg9.js')).toBe('/assets/index-Ahi1Opg9.js');
    expect(uriFor('/favicon.svg')).toBe('/favicon.svg');
  });

  it('applies the SPA fallback only to the site, never turning API errors into pages', () => {
    const config = distributionConfig();
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
  });

  it('tells the API the viewer’s host and address, overwriting whatever the client sent', () => {
    const forward = cloudFrontFunction('Pass the viewer host');
    const request = forward({
      request: {
        uri: '/api/me',
        headers: {
          host: { value: 'champions.example.org' },
          'x-forwarded-host': { value: 'evil.example' },
          'x-viewer-address': { value: '10.0.0.1' },
        },
      },
      viewer: { ip: '203.0.113.9' },
    });
    expect(request.headers['x-forwarded-host']).toEqual({ value: 'champions.example.org' });
    expect(request.headers['x-viewer-address']).toEqual({ value: '203.0.113.9' });
    expect(request.uri).toBe('/api/me');
  });

  it('sends a strict CSP, HSTS and anti-framing headers on both behaviours', () => {
    const policy = onlyResource(app, 'AWS::CloudFront::ResponseHeadersPolicy');
    const security = (policy.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, unknown> })
      .SecurityHeadersConfig;
    // connect-src also names the files bucket (a cross-stack value), where uploads go.
    const joined = (security.ContentSecurityPolicy as { ContentSecurityPolicy: { 'Fn::Join': [string, unknown[]] } }).ContentSecurityPolicy;
    const csp = joined['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'BUCKET')).join('');
    expect(csp).toBe(contentSecurityPolicy('https://BUCKET'));
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(security).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 2 * 365 * 24 * 60 * 60,
        IncludeSubdomains: true,
        Preload: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });

    const config = distributionConfig();
    const behaviors = [config.DefaultCacheBehavior, ...(config.CacheBehaviors as unknown[])] as {
      ResponseHeadersPolicyId: unknown;
    }[];
    for (const behavior of behaviors) expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: expect.any(String) });
  });

  it('refuses the camera, microphone, location and other browser features to the SPA and the API alike', () => {
    const policy = onlyResource(app, 'AWS::CloudFront::ResponseHeadersPolicy');
    const custom = (policy.Properties.ResponseHeadersPolicyConfig as { CustomHeadersConfig: { Items: Record<string, unknown>[] } })
      .CustomHeadersConfig.Items;
    const header = custom.find((h) => h.Header === 'Permissions-Policy');
    expect(header).toMatchObject({ Override: true });
    const features = String(header?.Value).split(', ');
    expect(features).toEqual(expect.arrayContaining(['camera=()', 'microphone=()', 'geolocation=()', 'interest-cohort=()', 'payment=()']));
  });

  it('logs viewer requests to the logs bucket', () => {
    expect(distributionConfig().Logging).toMatchObject({ Prefix: 'cloudfront/' });
  });

  it('outputs the site URL', () => {
    app.hasOutput('SiteUrl', {
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.anyValue(), 'DomainName'] }]] },
    });
  });

  it('outputs where the cursor secret lives, never its value', () => {
    app.hasOutput('CursorSecretArn', { Value: { Ref: Match.stringLikeRegexp('^CursorSecret') } });
    expect(JSON.stringify(app.toJSON().Outputs)).not.toContain('resolve:secretsmanager');
  });
});

describe('with a custom domain', () => {
  const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000';
  const { app: custom } = synthTemplates({
    customDomain: { domainName: 'champions.example.org', certificateArn },
  });

  it('serves the domain with its certificate and TLS 1.2 or newer', () => {
    const config = onlyResource(custom, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    expect(config).toMatchObject({
      Aliases: ['champions.example.org'],
      ViewerCertificate: {
        AcmCertificateArn: certificateArn,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
  });

  it('pins the API’s own origin for the CSRF check and outputs the domain URL', () => {
    const functions = Object.values(resourcesOfType(custom, 'AWS::Lambda::Function')).filter((f) =>
      String(f.Properties.Description).startsWith('Champions Network'),
    );
    for (const fn of functions) {
      expect(fn.Properties.Environment).toMatchObject({ Variables: { APP_ORIGIN: 'https://champions.example.org' } });
    }
    custom.hasOutput('SiteUrl', { Value: 'https://champions.example.org' });
  });
});

describe('scheduled function', () => {
  it('runs its handler every hour', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Sweeper', { env: TEST_ENV });
    const sweeper = new ScheduledFunction(stack, 'Sweeper', {
      entry: 'functions/handlers/meta.ts',
      environment: { TABLE_NAME: 'table' },
    });
    const template = Template.fromStack(stack);
    const cfnFunction = sweeper.function.node.defaultChild;
    if (!CfnResource.isCfnResource(cfnFunction)) throw new Error('sweeper has no CfnFunction');
    const functionId = stack.getLogicalId(cfnFunction);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionId, 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  });

  it('accepts another schedule', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Digest', { env: TEST_ENV });
    new ScheduledFunction(stack, 'Digest', {
      entry: 'functions/handlers/meta.ts',
      environment: {},
      schedule: events.Schedule.cron({ minute: '0', hour: '7' }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 7 * * ? *)' });
  });
});
