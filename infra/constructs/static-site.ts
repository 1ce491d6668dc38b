import { CfnResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { PERMISSIONS_POLICY } from '../../functions/lib/permissions-policy';
import { DEFAULT_EXIT_URL, SITE_CONFIG_FILE, type SiteConfig } from '../../shared/discretion';
import { acknowledgeExpectedWildcards } from '../nag';

/**
 * The policy the SPA must live within: no inline scripts or styles, no third-party origins,
 * and no framing. `uploadOrigin`, the files bucket's own address, is the one other place the page
 * may send to: attachments go from the browser straight to the bucket (a presigned POST).
 * Exported so tests (and the local dev server, if it wants) use the same text.
 */
export function contentSecurityPolicy(uploadOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    uploadOrigin ? `connect-src 'self' ${uploadOrigin}` : "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Path pattern CloudFront sends to the HTTP API; everything else is the SPA. */
export const API_PATH_PATTERN = '/api/*';

/** Where Vite writes the files whose names carry their content hash (web/vite.config.ts). */
export const HASHED_ASSETS_PREFIX = 'assets/';

/**
 * Cache-Control set on the site's objects at deployment. A hashed file never changes under its
 * name, so browsers and CloudFront keep it for a year without asking again; every other file
 * (index.html, config.json, the icons) is revalidated on each use, so a new build shows at once.
 */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const PAGE_CACHE_CONTROL = 'no-cache';

/**
 * Viewer-request function on the SPA behaviour: a path without a file extension in its last
 * segment is a client-side route, so it is served `index.html`. Unlike distribution-wide error
 * responses this never turns an API 403/404 into an HTML page with status 200.
 */
export const SPA_ROUTING_CODE = `
function handler(event) {
  var request = event.request;
  var lastSegment = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
`;

/**
 * Viewer-request function on the API behaviour. API Gateway must receive its own Host header,
 * so the viewer's host is passed on in x-forwarded-host, where the API's CSRF check compares it
 * with the browser's Origin. The viewer's IP address goes in x-viewer-address: X-Forwarded-For
 * starts with whatever the client sent, so only this value can key per-address rate limits.
 * Client-sent copies of both headers are always overwritten or removed, never passed on.
 */
export const FORWARD_HOST_CODE = `
function handler(event) {
  var request = event.request;
  if (request.headers.host) {
    request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  } else {
    delete request.headers['x-forwarded-host'];
  }
  request.headers['x-viewer-address'] = { value: event.viewer.ip };
  return request;
}
`;

export interface CustomDomain {
  readonly domainName: string;
  /** An ACM certificate in us-east-1 covering `domainName` (a CloudFront requirement). */
  readonly certificate: acm.ICertificate;
}

export interface StaticSiteProps {
  /** Absolute path of the built SPA (index.html at its root). */
  readonly siteAssetPath: string;
  /** Host name of the HTTP API's default endpoint, e.g. `abc123.execute-api.eu-central-1.amazonaws.com`. */
  readonly apiDomainName: string;
  /** Sent to the API in `x-origin-verify` on every request, replacing any value a viewer sent. */
  readonly originSecret: string;
  /** The last secrets rotation's stamp: in the distribution's comment, so its deploy re-reads originSecret. */
  readonly secretsRotation?: string;
  /**
   * Where the quick exit sends her, written beside the SPA as `config.json` (read by the app at
   * start). @default DEFAULT_EXIT_URL (shared/discretion.ts)
   */
  readonly exitUrl?: string;
  /** @default the distribution's own *.cloudfront.net name */
  readonly customDomain?: CustomDomain;
  /** The web ACL (WAF, made in us-east-1 by the firewall stack) in front of the site and the API. */
  readonly webAclArn: string;
  /** The files bucket's address (`https://<bucket regional domain>`), where the browser POSTs uploads. */
  readonly uploadOrigin?: string;
}

/**
 * One CloudFront distribution in front of both the SPA (private S3 bucket through Origin Access
 * Control) and the API (`/api/*`), so the browser sees a single origin: cookies stay first-party,
 * no CORS is needed and one set of security headers covers everything.
 */
export class StaticSite extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);

    const logsBucket = new s3.Bucket(this, 'LogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging still writes through ACLs, which BUCKET_OWNER_ENFORCED disables.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    Validations.of(logsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the access-log destination for the site bucket and the CloudFront distribution; ' +
        'logging its own access would need yet another bucket (or log into itself, a feedback loop). ' +
        'Objects expire after 90 days and public access is blocked.',
    });

    this.bucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logsBucket,
      serverAccessLogsPrefix: 's3-site/',
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Champions Network security headers for the SPA and the API',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.uploadOrigin), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      // CloudFront has no security-header field for it, so it goes as a custom header.
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }],
      },
    });

    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      code: cloudfront.FunctionCode.fromInline(SPA_ROUTING_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for client-side routes',
    });
    const forwardHost = new cloudfront.Function(this, 'ForwardHost', {
      code: cloudfront.FunctionCode.fromInline(FORWARD_HOST_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Pass the viewer host and address to the API in headers it can trust',
    });

    // CloudFront compresses only on behaviours whose cache policy puts Accept-Encoding (gzip, br)
    // in the cache key, and a policy with every TTL at 0 (the managed CachingDisabled) cannot.
    // So the API gets a policy that caches nothing by itself: minimum and default TTL 0, so an
    // answer is kept only when the API says it may be — and every answer behind a session says
    // `Cache-Control: no-store` (functions/lib/http.ts), which CloudFront honours at a minimum TTL
    // of 0. Only the reference data (GET /api/meta, `public, max-age=3600`, the same for everyone)
    // is kept, at most an hour. No cookie or header is in the key, so nothing cached could ever
    // be told apart by member; query strings are, so two different questions never share an answer.
    const apiCachePolicy = new cloudfront.CachePolicy(this, 'ApiCompression', {
      comment: 'API: compress; cache only what the API marks public (no-store everywhere else)',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.hours(1),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: props.secretsRotation ? `Champions Network (secrets ${props.secretsRotation})` : 'Champions Network',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      domainNames: props.customDomain ? [props.customDomain.domainName] : undefined,
      certificate: props.customDomain?.certificate,
      // Only meaningful with a custom certificate: the *.cloudfront.net certificate has a fixed policy.
      minimumProtocolVersion: props.customDomain ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      enableLogging: true,
      logBucket: logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        compress: true,
        functionAssociations: [{ function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [API_PATH_PATTERN]: {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            customHeaders: { 'x-origin-verify': props.originSecret },
          }),
          // No redirect: a POST redirected from http:// would be replayed as a GET.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: apiCachePolicy,
          compress: true,
          // Cookies, query strings and headers reach the API; Host does not, because API Gateway
          // routes on its own host name.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [{ function: forwardHost, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: network members work in many countries and travel, and the service has no ' +
        'export-control or licensing reason to block any; blocking by country would lock out members.',
    });
    if (!props.customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, for which ' +
          'CloudFront fixes the viewer security policy; the TLSv1.2_2021 minimum applies as soon as a ' +
          'domainName and us-east-1 certificate are given.',
      });
    }

    this.deploySite(props.siteAssetPath, { exitUrl: props.exitUrl ?? DEFAULT_EXIT_URL });
  }

  /**
   * Copies the built SPA into the bucket on every deploy and invalidates the CDN. The copy runs
   * in a CDK-provided Lambda; it gets its own role and log group so that it does not receive the
   * AWS managed AWSLambdaBasicExecutionRole (logs:* on every log group).
   */
  private deploySite(siteAssetPath: string, siteConfig: SiteConfig): void {
    const logGroup = new logs.LogGroup(this, 'DeployLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const role = new iam.Role(this, 'DeployRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built web app into the site bucket during deployment',
    });
    logGroup.grantWrite(role);

    // Two copies, because Cache-Control is set per deployment. The hashed files go first and are
    // never pruned: a tab still running the previous build loads its chunks by their old names.
    const hashed = `${HASHED_ASSETS_PREFIX}*`;
    // The build's brotli copies (*.br) are for the local server; CloudFront compresses on its own.
    const site = () => s3deploy.Source.asset(siteAssetPath, { exclude: ['**/*.br'] });
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [site()],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: [hashed],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString(ASSET_CACHE_CONTROL)],
      memoryLimit: 512,
      role,
      logGroup,
    });
    // Then the pages that name them. Excluded files are neither copied nor pruned, so this sync
    // leaves the hashed files alone while it removes pages a new build no longer has.
    const pages = new s3deploy.BucketDeployment(this, 'Deploy', {
      sources: [site(), s3deploy.Source.jsonData(SITE_CONFIG_FILE, siteConfig)],
      destinationBucket: this.bucket,
      exclude: [hashed],
      prune: true,
      cacheControl: [s3deploy.CacheControl.fromString(PAGE_CACHE_CONTROL)],
      // Invalidate so a new build is served at once rather than after the edge TTL.
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      role,
      logGroup,
    });
    pages.node.addDependency(assets);

    const policy = role.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    const cfnBucket = this.bucket.node.defaultChild;
    if (!CfnResource.isCfnResource(policy) || !CfnResource.isCfnResource(cfnBucket)) {
      throw new Error('BucketDeployment no longer grants through the role default policy; review its permissions');
    }
    const cdkGrantReason =
      'Generated by the CDK BucketDeployment construct (bucket.grantRead/grantReadWrite), scoped to two ' +
      'buckets: it reads the CDK asset bucket and syncs the site bucket, deleting files a new build no ' +
      'longer has (prune), so it needs object-level access under both prefixes. It runs only during ' +
      'CloudFormation deployments.';
    acknowledgeExpectedWildcards(policy, [
      { finding: 'Action::s3:GetObject*', reason: cdkGrantReason },
      { finding: 'Action::s3:GetBucket*', reason: cdkGrantReason },
      { finding: 'Action::s3:List*', reason: cdkGrantReason },
      { finding: 'Action::s3:DeleteObject*', reason: cdkGrantReason },
      { finding: 'Action::s3:Abort*', reason: cdkGrantReason },
      // The CDK bootstrap asset bucket: cdk-<qualifier>-assets-<account>-<region>.
      { finding: /^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-[^/]+\/\*$/, reason: cdkGrantReason },
      {
        finding: `Resource::<${Stack.of(this).getLogicalId(cfnBucket)}.Arn>/*`,
        reason: cdkGrantReason,
      },
      {
        finding: 'Resource::*',
        reason:
          'cloudfront:CreateInvalidation and cloudfront:GetInvalidation, granted on * by BucketDeployment and ' +
          'used only to purge this distribution after a deploy. At worst they purge caches of other ' +
          'distributions in the account; they cannot read or change any content or configuration.',
      },
    ]);

    // The copy Lambda is a singleton CDK creates at stack level with a Python runtime CDK picks.
    for (const child of Stack.of(this).node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason:
            'The BucketDeployment handler runtime is chosen and updated by aws-cdk-lib, not by this project; it ' +
            'runs only during deployments and handles no user input. It moves forward with each aws-cdk-lib upgrade.',
        });
      }
    }
  }
}
