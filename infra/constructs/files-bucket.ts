import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface FilesBucketProps {
  /**
   * The site's origin, from which browsers POST uploads (the presigned form). Without a custom
   * domain the CloudFront name is only known in the app stack, so any `*.cloudfront.net` origin
   * may send the form: CORS is not what guards the bucket here, the form's signed policy is (one
   * key, one type, 1 byte to 10 MiB, five minutes).
   */
  readonly siteOrigin?: string;
}

/**
 * Members' attachments (issue 14): private (every public access blocked, objects owned by the
 * bucket), encrypted, versioned (a deleted or overwritten file can be recovered for 30 days, then
 * its old versions go), TLS only, with server access logs. Browsers write to it only with a
 * presigned POST and read from it only with a presigned GET; nothing is ever public.
 */
export class FilesBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: FilesBucketProps = {}) {
    super(scope, id);

    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Server access logs are delivered through the log-delivery ACL, which needs object-writer ownership.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the access-log destination of the files bucket; logging its own access would need ' +
        'yet another bucket (or log into itself, a feedback loop). Objects expire after 90 days, public access is blocked.',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'files/',
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST],
          allowedOrigins: [props.siteOrigin ?? 'https://*.cloudfront.net'],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'old-versions-and-unfinished-uploads',
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          expiredObjectDeleteMarker: true,
        },
      ],
      // Members' files outlive any stack: deleting the stack leaves the bucket.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Every object created reaches EventBridge, where a rule in the app stack sends it to the check
    // (functions/files/uploaded.ts): a file uploaded with a form and never completed is checked
    // anyway. Set on the bucket's own CloudFormation property: `eventBridgeEnabled` would add a
    // notifications custom resource (a function and role of its own), and a Lambda destination
    // here would tie the two stacks in a cycle.
    (this.bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
  }
}
