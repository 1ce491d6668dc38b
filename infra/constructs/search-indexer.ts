import { CfnResource, Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INDEXED_ENTITIES } from '../../functions/search/changes';
import { acknowledgeExpectedWildcards } from '../nag';
import { ApiFunction } from './api-function';
import { grantItemReadWrite } from './table';

export interface SearchIndexerProps {
  /** The single table, with its stream on (NEW_AND_OLD_IMAGES). */
  readonly table: dynamodb.ITable;
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * Keeps the search index (issue 14) in step with the content: the table's stream, filtered to
 * the indexed entity types, drives a function that re-indexes each changed document
 * (functions/search/stream.ts → reindex, the same code that runs in process locally). A batch
 * that keeps failing is split to find the bad record, and its description is parked in a
 * queue for an operator (the index can be rebuilt from the table with scripts/backfill-search.ts).
 */
export class SearchIndexer extends Construct {
  readonly function: NodejsFunction;
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: SearchIndexerProps) {
    super(scope, id);
    this.function = new ApiFunction(this, 'Handler', {
      entry: 'functions/handlers/search-stream.ts',
      environment: props.environment,
      description: 'Champions Network: keep the search index in step with the table',
    }).function;
    grantItemReadWrite(props.table, this.function);

    this.failures = new sqs.Queue(this, 'Failures', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the on-failure destination of the search stream: it holds the description of ' +
        'stream batches that failed every retry, for an operator to re-index (scripts/backfill-search.ts).',
    });

    const entities = lambda.FilterRule.or(...INDEXED_ENTITIES);
    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        // 25 documents, each a few reads and batched writes: well inside the function's 10 s.
        batchSize: 25,
        maxBatchingWindow: Duration.seconds(2),
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.failures),
        // Only the items search reads: a new or changed one by its new image, a deleted one by its old.
        filters: [
          lambda.FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: entities } } } }),
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('REMOVE'),
            dynamodb: { OldImage: { entity: { S: entities } } },
          }),
        ],
      }),
    );

    const policy = this.function.role?.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    if (!CfnResource.isCfnResource(policy)) throw new Error('the stream grant no longer goes through the role default policy; review it');
    acknowledgeExpectedWildcards(policy, [
      {
        finding: 'Resource::*',
        reason:
          'dynamodb:ListStreams, granted by the event source mapping, takes no resource (IAM allows only *); ' +
          'the stream reads themselves (DescribeStream, GetRecords, GetShardIterator) are scoped to the table stream.',
      },
    ]);
  }
}
