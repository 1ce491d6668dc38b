import { AdminAddUserToGroupCommand, AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/**
 * Makes the first board member in a fresh AWS deployment: the one approval no board member can
 * give. She signs up and applies in the app first; then an operator with AWS credentials runs
 *
 *   TABLE_NAME=… USER_POOL_ID=… USER_POOL_CLIENT_ID=… CURSOR_SECRET=unused-here-0000 \
 *     npx tsx scripts/bootstrap-board.ts she@example.org
 *
 * which adds her to the `board` group and activates her application, with an audit entry.
 */
const email = process.argv[2];
if (!email) {
  console.error('usage: npx tsx scripts/bootstrap-board.ts EMAIL');
  process.exit(2);
}

const { config } = await import('../functions/lib/config');
const repo = await import('../functions/members/repository');
const { auditAppend, readHead } = await import('../functions/moderation/audit');

const idp = new CognitoIdentityProviderClient({ region: config.AWS_REGION });
const user = await idp.send(new AdminGetUserCommand({ UserPoolId: config.USER_POOL_ID, Username: email }));
const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
if (!sub) throw new Error('No such user');
await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: config.USER_POOL_ID, Username: email, GroupName: 'board' }));
const m = await repo.getMember(sub);
if (!m) throw new Error('She has no profile yet: sign up and apply in the app first.');
if (m.status === 'pending') {
  const at = new Date().toISOString();
  const audit = auditAppend(
    await readHead(),
    {
      actorId: 'operator',
      action: 'application.approve',
      targetType: 'member',
      targetId: sub,
      reason: 'First board member (bootstrap)',
      before: { status: 'pending' },
      after: { status: 'active' },
    },
    at,
  );
  await repo.replaceMember(
    m,
    { ...m, status: 'active', decidedAt: at, decidedBy: 'operator', updatedAt: at, version: m.version + 1 },
    m.version,
    audit,
  );
}
// On the roster that board notices go to (a board member's own profile saves keep it after this).
const { db } = await import('../functions/lib/db');
await db.transactWrite({ TransactItems: [repo.boardRosterWrite(sub, true)] });
console.log(`${email} is on the board and active.`);
