import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { onlyResource, resourcesOfType, synthTemplates } from './synth';

const { data } = synthTemplates();

describe('member data table', () => {
  const table = onlyResource(data, 'AWS::DynamoDB::Table');

  it('keys every item by generic pk/sk strings and bills per request', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('offers gsi1, gsi2 and gsi3 keyed by gsiNpk/gsiNsk and projecting whole items', () => {
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      ['gsi1', 'gsi2', 'gsi3'].map((name) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: `${name}pk`, KeyType: 'HASH' },
          { AttributeName: `${name}sk`, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(
        ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
      ),
    );
  });

  it('survives stack deletion and accidental deletes, with point-in-time recovery', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('expires items through their ttl attribute', () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
  });

  it('streams every change with both images, for the search index', () => {
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('encrypts with the AWS managed KMS key', () => {
    // SSEEnabled without a key ARN is the aws/dynamodb managed key (not the AWS owned default).
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
  });
});

describe('member directory (Cognito)', () => {
  const pool = onlyResource(data, 'AWS::Cognito::UserPool');
  const client = onlyResource(data, 'AWS::Cognito::UserPoolClient');

  it('requires 12-character passwords and no composition rules', () => {
    expect(pool.Properties.Policies).toEqual({
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: false,
        RequireNumbers: false,
        RequireSymbols: false,
        RequireUppercase: false,
      },
    });
  });

  it('lets people sign up themselves with their email as username, verified by code', () => {
    expect(pool.Properties.UsernameAttributes).toEqual(['email']);
    expect(pool.Properties.AutoVerifiedAttributes).toEqual(['email']);
    expect(pool.Properties.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: false });
    expect(pool.Properties.UsernameConfiguration).toEqual({ CaseSensitive: false });
  });

  it('keeps the old email until a new one is verified', () => {
    expect(pool.Properties.UserAttributeUpdateSettings).toEqual({
      AttributesRequireVerificationBeforeUpdate: ['email'],
    });
  });

  it('offers optional TOTP MFA and never SMS', () => {
    expect(pool.Properties.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('recovers accounts by email only', () => {
    expect(pool.Properties.AccountRecoverySetting).toEqual({
      RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }],
    });
  });

  it('keeps member accounts when the stack is deleted', () => {
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
  });

  it('has a board group', () => {
    data.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: 'board',
      UserPoolId: { Ref: Match.anyValue() },
    });
  });

  it('signs the API in with passwords only, from a public client without OAuth', () => {
    expect(client.Properties.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(client.Properties.AllowedOAuthFlows).toBeUndefined();
    expect(client.Properties.CallbackURLs).toBeUndefined();
  });

  it('does not reveal whether an email is registered and can revoke refresh tokens', () => {
    expect(client.Properties.PreventUserExistenceErrors).toBe('ENABLED');
    expect(client.Properties.EnableTokenRevocation).toBe(true);
  });

  it('issues 15-minute access and id tokens and 30-day refresh tokens', () => {
    expect(client.Properties).toMatchObject({
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: 30 * 24 * 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    });
  });
});

describe('the bucket of attachments (issue 14)', () => {
  const buckets = Object.values(resourcesOfType(data, 'AWS::S3::Bucket'));
  const files = buckets.find((b) => b.Properties.CorsConfiguration !== undefined);
  const logs = buckets.find((b) => b !== files);

  it('is private, encrypted, versioned and kept when the stack goes', () => {
    expect(buckets).toHaveLength(2);
    expect(files?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(files?.DeletionPolicy).toBe('Retain');
  });

  it('refuses plain http and logs its access to a private bucket of its own', () => {
    const policies = Object.values(resourcesOfType(data, 'AWS::S3::BucketPolicy'));
    const denies = policies.flatMap((p) =>
      (p.Properties.PolicyDocument as { Statement: { Effect: string; Condition?: unknown }[] }).Statement.filter(
        (st) => st.Effect === 'Deny' && JSON.stringify(st.Condition).includes('aws:SecureTransport'),
      ),
    );
    expect(denies.length).toBeGreaterThanOrEqual(2);
    expect(files?.Properties.LoggingConfiguration).toMatchObject({ LogFilePrefix: 'files/' });
    expect(logs?.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true, RestrictPublicBuckets: true });
  });

  it('lets browsers POST uploads from the site only, and nothing else cross-origin', () => {
    expect(files?.Properties.CorsConfiguration).toEqual({
      CorsRules: [{ AllowedMethods: ['POST'], AllowedOrigins: ['https://*.cloudfront.net'], AllowedHeaders: ['*'], MaxAge: 3000 }],
    });
    const custom = synthTemplates({
      customDomain: { domainName: 'champions.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
    }).data;
    const rules = Object.values(resourcesOfType(custom, 'AWS::S3::Bucket')).flatMap(
      (b) => (b.Properties.CorsConfiguration as { CorsRules: { AllowedOrigins: string[] }[] } | undefined)?.CorsRules ?? [],
    );
    expect(rules.map((r) => r.AllowedOrigins)).toEqual([['https://champions.example.org']]);
  });

  it('drops old versions after 30 days and unfinished uploads after a day', () => {
    expect(files?.Properties.LifecycleConfiguration).toEqual({
      Rules: [
        {
          Id: 'old-versions-and-unfinished-uploads',
          Status: 'Enabled',
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          ExpiredObjectDeleteMarker: true,
        },
      ],
    });
  });
});

describe('data stack outputs', () => {
  it('publishes the table, user pool and client ids for operator scripts', () => {
    data.hasOutput('TableName', { Value: { Ref: Match.anyValue() } });
    data.hasOutput('UserPoolId', { Value: { Ref: Match.anyValue() } });
    data.hasOutput('UserPoolClientId', { Value: { Ref: Match.anyValue() } });
  });
});
