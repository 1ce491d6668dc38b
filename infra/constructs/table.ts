import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * Generic GSI names. The key module in `functions/lib` decides what each index means; the table
 * only promises that `gsiN` is keyed by `gsiNpk` / `gsiNsk`, so a new access pattern never needs
 * an infrastructure change unless it needs a fourth index.
 */
export const GLOBAL_SECONDARY_INDEXES = ['gsi1', 'gsi2', 'gsi3'] as const;

/**
 * Item-level reads and writes, including the ones inside transactions (IAM authorises
 * TransactWriteItems/TransactGetItems per contained operation). Deliberately absent: Scan (no
 * request path may scan), PartiQL, streams and table management.
 */
export const ITEM_READ_WRITE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/**
 * Grants `grantee` item reads and writes on the table and its known indexes.
 *
 * Narrower than `table.grantReadWriteData()`, which adds Scan, stream reads, DescribeTable and
 * `<table>/index/*`: naming each index keeps the policy free of wildcards.
 */
export function grantItemReadWrite(table: dynamodb.ITable, grantee: iam.IGrantable): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee,
    actions: [...ITEM_READ_WRITE_ACTIONS],
    resourceArns: [table.tableArn, ...GLOBAL_SECONDARY_INDEXES.map((indexName) => `${table.tableArn}/index/${indexName}`)],
  });
}

/**
 * The single table that holds every entity (members, mentorships, threads, ...).
 *
 * Stateful and irreplaceable: it is retained when its stack is deleted, refuses deletion while
 * deletion protection is on, and keeps 35 days of point-in-time recovery.
 */
export class SingleTable extends Construct {
  readonly table: dynamodb.Table;

  /** `retain: false` (a dev stage only) lets `cdk destroy` delete the table. */
  constructor(scope: Construct, id: string, props: { readonly retain?: boolean } = {}) {
    super(scope, id);
    const retain = props.retain ?? true;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      // Traffic is spiky and small; on-demand costs nothing while idle and needs no capacity plans.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      // Items that must disappear on their own (sessions, rate-limit counters, invitations) carry
      // an epoch-seconds `ttl`; DynamoDB deletes them for free within a day or two of expiry.
      timeToLiveAttribute: 'ttl',
      // The AWS managed key (aws/dynamodb) puts key use in CloudTrail without the cost and key
      // policy upkeep of a customer managed key; callers need no extra KMS grant.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // The search index (issue 14) is written from the stream: every change, with both images
      // so that a deleted item still says what it was.
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    });

    for (const indexName of GLOBAL_SECONDARY_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: `${indexName}pk`, type: dynamodb.AttributeType.STRING },
        sortKey: { name: `${indexName}sk`, type: dynamodb.AttributeType.STRING },
        // Lists read whole items from the index; projecting everything avoids a second round trip
        // per item, and the table is small enough that the extra storage does not matter.
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
