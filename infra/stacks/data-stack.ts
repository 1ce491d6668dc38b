import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { Auth } from '../constructs/auth';
import { SingleTable } from '../constructs/table';

/**
 * Everything that holds member data and cannot be rebuilt from code: the table and the user
 * pool. Kept apart from the stateless app stack so that redeploying, renaming or even deleting
 * the app stack can never replace or drop data.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.ITable;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.table = new SingleTable(this, 'Data').table;

    const auth = new Auth(this, 'Auth');
    this.userPool = auth.userPool;
    this.userPoolClient = auth.userPoolClient;

    // For operators and scripts (e.g. scripts/bootstrap-board.ts), not for the app stack, which
    // receives these as construct references.
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
  }
}
