import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { Auth } from '../constructs/auth';
import { Backups } from '../constructs/backups';
import { FilesBucket } from '../constructs/files-bucket';
import { SingleTable } from '../constructs/table';

export interface DataStackProps extends StackProps {
  /** The site's origin (`https://<custom domain>`) that may POST uploads to the files bucket (issue 14). */
  readonly siteOrigin?: string;
  /**
   * Keep everything stateful (table, user pool, backup vault and key) when the stack is deleted,
   * with deletion protection on. Only a dev stage turns it off, to be destroyed whole. @default true
   */
  readonly retainData?: boolean;
  /**
   * The domain the network's email is sent from (issue 13). Its SES identity lives here: deleting
   * and recreating it would issue new DKIM keys, so the domain's DNS would have to change again.
   */
  readonly email?: {
    readonly domain: string;
    /** The neutral sender, e.g. `cn@<domain>`; also the user pool's sender when it goes through SES. */
    readonly fromAddress: string;
    /**
     * Send the pool's codes through SES. Cognito refuses an identity SES has not verified yet, so a
     * first deploy may leave this off until the DKIM records are in DNS (README, Email).
     */
    readonly userPoolThroughSes: boolean;
  };
}

/**
 * Everything that holds member data and cannot be rebuilt from code: the table, the user
 * pool, the bucket of members' attachments (and the sending domain's SES identity, whose DKIM keys are in DNS). Kept apart from the
 * stateless app stack so that redeploying, renaming or even deleting the app stack can never
 * replace or drop data.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.ITable;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  readonly emailIdentity?: ses.EmailIdentity;
  /** Members' attachments (issue 14). */
  readonly filesBucket: s3.IBucket;

  constructor(scope: Construct, id: string, props: DataStackProps = {}) {
    super(scope, id, props);

    const retain = props.retainData ?? true;
    this.table = new SingleTable(this, 'Data', { retain }).table;
    new Backups(this, 'Backups', { table: this.table, retain });
    this.filesBucket = new FilesBucket(this, 'Files', { siteOrigin: props.siteOrigin }).bucket;

    const email = props.email;
    if (email) {
      // Easy DKIM (2048-bit keys SES rotates): the three CNAMEs in the outputs verify the domain.
      this.emailIdentity = new ses.EmailIdentity(this, 'EmailIdentity', { identity: ses.Identity.domain(email.domain) });
      this.emailIdentity.applyRemovalPolicy(RemovalPolicy.RETAIN);
      this.emailIdentity.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `EmailDkimRecord${i + 1}`, {
          description: `Add this CNAME to ${email.domain}'s DNS so that SES verifies the domain (name = value)`,
          value: `${record.name} = ${record.value}`,
        });
      });
    }

    const auth = new Auth(this, 'Auth', {
      retain,
      ses: email?.userPoolThroughSes ? { fromEmail: email.fromAddress, domain: email.domain } : undefined,
    });
    if (email?.userPoolThroughSes && this.emailIdentity) auth.userPool.node.addDependency(this.emailIdentity);
    this.userPool = auth.userPool;
    this.userPoolClient = auth.userPoolClient;

    // For operators and scripts (e.g. scripts/bootstrap-board.ts), not for the app stack, which
    // receives these as construct references.
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
  }
}
