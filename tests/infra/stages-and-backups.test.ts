import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BACKUP_RETENTION_DAYS } from '../../infra/constructs/backups';
import { buildTestApp, onlyResource } from './synth';

function data(stage: string) {
  const network = buildTestApp({ stage });
  return { ...network, template: Template.fromStack(network.dataStack) };
}

describe('backups', () => {
  const { template } = data('prod');

  it('takes a daily AWS Backup of the table, kept 35 days', () => {
    const plan = onlyResource(template, 'AWS::Backup::BackupPlan');
    const rules = (
      plan.Properties.BackupPlan as { BackupPlanRule: { ScheduleExpression: string; Lifecycle: { DeleteAfterDays: number } }[] }
    ).BackupPlanRule;
    expect(rules).toHaveLength(1);
    expect(rules[0]?.ScheduleExpression).toBe('cron(0 3 * * ? *)');
    expect(rules[0]?.Lifecycle.DeleteAfterDays).toBe(BACKUP_RETENTION_DAYS);
    expect(BACKUP_RETENTION_DAYS).toBe(35);
    const selection = onlyResource(template, 'AWS::Backup::BackupSelection');
    const [tableId] = Object.keys(template.findResources('AWS::DynamoDB::Table'));
    expect(JSON.stringify(selection.Properties)).toContain(tableId);
  });

  it('keeps them in a vault encrypted with a key of its own, not the table’s', () => {
    const vault = onlyResource(template, 'AWS::Backup::BackupVault');
    const keyRef = JSON.stringify(vault.Properties.EncryptionKeyArn);
    const [keyId] = Object.keys(template.findResources('AWS::KMS::Key'));
    expect(keyRef).toContain(keyId);
    const table = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });
});

describe('stages', () => {
  it('are separate stacks with their own names, the firewall included', () => {
    const prod = buildTestApp({ stage: 'prod' });
    const dev = buildTestApp({ stage: 'dev' });
    expect([prod.dataStack, prod.appStack, prod.firewallStack].map((s) => s.stackName)).toEqual([
      'ChampionsNetwork-prod-Data',
      'ChampionsNetwork-prod-App',
      'ChampionsNetwork-prod-Firewall',
    ]);
    expect(dev.appStack.stackName).toBe('ChampionsNetwork-dev-App');
    const acl = (stage: typeof prod) => onlyResource(Template.fromStack(stage.firewallStack), 'AWS::WAFv2::WebACL').Properties.Name;
    expect(acl(prod)).not.toBe(acl(dev));
  });

  it('keep everything stateful in prod, with deletion protection', () => {
    const { template, dataStack } = data('prod');
    expect(dataStack.terminationProtection).toBe(true);
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool', 'AWS::Backup::BackupVault', 'AWS::KMS::Key']) {
      for (const r of Object.values(template.findResources(type))) expect(r.DeletionPolicy, type).toBe('Retain');
    }
    expect(onlyResource(template, 'AWS::DynamoDB::Table').Properties.DeletionProtectionEnabled).toBe(true);
    expect(onlyResource(template, 'AWS::Cognito::UserPool').Properties.DeletionProtection).toBe('ACTIVE');
  });

  it('let a dev stage be destroyed whole', () => {
    const { template, dataStack } = data('dev');
    expect(dataStack.terminationProtection).toBe(false);
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool', 'AWS::Backup::BackupVault']) {
      for (const r of Object.values(template.findResources(type))) expect(r.DeletionPolicy, type).toBe('Delete');
    }
    expect(onlyResource(template, 'AWS::DynamoDB::Table').Properties.DeletionProtectionEnabled).toBe(false);
  });
});
