import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** How long each daily backup is kept. */
export const BACKUP_RETENTION_DAYS = 35;

export interface BackupsProps {
  readonly table: dynamodb.ITable;
  /** Keep the vault and its key when the stack is deleted (production). */
  readonly retain: boolean;
}

/**
 * Daily AWS Backup copies of the table, kept 35 days in a vault with its own key, beside the
 * table's own point-in-time recovery (35 days, to the second). PITR is what the restore drill uses
 * (scripts/restore.ts); the vault's copies survive a deleted table and a deleted PITR window, and
 * their key is not the table's, so one mistake with one key cannot lose both.
 */
export class Backups extends Construct {
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: BackupsProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const key = new kms.Key(this, 'VaultKey', {
      description: 'Encrypts the table backups in the vault',
      enableKeyRotation: true,
      removalPolicy,
    });
    this.vault = new backup.BackupVault(this, 'Vault', { encryptionKey: key, removalPolicy });
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupVault: this.vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Daily',
          // 03:00 UTC: night or early morning for most members, between Bogotá and Dhaka.
          scheduleExpression: events.Schedule.cron({ hour: '3', minute: '0' }),
          deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
        }),
      ],
    });
    const selection = this.plan.addSelection('Table', { resources: [backup.BackupResource.fromDynamoDbTable(props.table)] });
    const role = selection.node.tryFindChild('Role');
    if (!role) throw new Error('BackupSelection no longer makes its own role; review its permissions');
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'The role AWS Backup assumes to take the backups, with the policy AWS documents and maintains for ' +
        'exactly that (it follows the service as it changes); only AWS Backup can assume it.',
    });
  }
}
