import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { PERMISSIONS_POLICY } from '../functions/lib/permissions-policy';
import { DEFAULT_EXIT_URL, exitUrlOf, SITE_CONFIG_FILE, type SiteConfig } from '../shared/discretion';
import { printOutbox } from './local/outbox';
import { checkUploadsInProcess, startLocalServices } from './local/services';

/**
 * `npm start`: DynamoDB Local, cognito-local, the local inbox, the API and the built SPA, all on 127.0.0.1.
 * PORT (default 3000) picks the port; DATA_DIR keeps data between runs; DEMO_PASSWORD sets the
 * demo accounts' password; EXIT_URL sets where the quick exit goes. Ctrl-C stops every child process.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** For files named after their content (Vite's hashed assets). */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** For everything else the site serves (index.html, config.json, the icons): checked on every use. */
const REVALIDATE = 'no-cache';
/** Headers that only a document (a page) acts on: left off hashed scripts and stylesheets. */
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'permissions-policy',
  'referrer-policy',
  'strict-transport-security',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
] as const;

/**
 * The built SPA's files with their Cache-Control. serveStatic has no option for the header and
 * builds its answer from the headers set before it runs, so the header goes first and is taken
 * back when there is no such file (the next handler answers with its own).
 */
function files(root: string, cacheControl: string, path?: string): MiddlewareHandler {
  // precompressed: the build's brotli copies (web/vite.config.ts) go to browsers that accept them;
  // everything else is gzipped on the way out by compress().
  const serve = serveStatic({ root, path, precompressed: true, onNotFound: (_path, c) => c.header('cache-control', undefined) });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') c.header('cache-control', cacheControl);
    return serve(c, next);
  };
}

export async function startServer(opts: { port: number; dataDir?: string; quiet?: boolean }) {
  const origin = `http://127.0.0.1:${opts.port}`;
  const services = await startLocalServices({
    dataDir: opts.dataDir,
    quiet: opts.quiet ?? true,
    appOrigins: [origin],
    onBucketEvent: checkUploadsInProcess,
  });
  // Local mode sends a digest as soon as there is something new (a setting): a demo shows the email now.
  Object.assign(process.env, services.env, { APP_ORIGIN: origin, EMAIL_DIGEST_AT_ONCE: process.env.EMAIL_DIGEST_AT_ONCE ?? 'true' });
  const { app } = await import('../functions/app');
  const { notFoundAnswer } = await import('../functions/lib/http');
  const { seed, DEMO_ACCOUNTS, demoPassword } = await import('./local/seed');
  const seeded = await seed();

  const dist = join(root, 'web/dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first (npm start does).');
  const server = new Hono();
  // A file the page loads (a hashed script or stylesheet, an icon, config.json) keeps only the
  // headers that apply to a subresource (nosniff, cross-origin-resource-policy, caching, encoding):
  // the ones below govern a document and mean nothing on a script or an image. Over this server's
  // HTTP/1.1 they were about 1.2 kB on each of the 25–35 files of a first load, a quarter of its
  // bytes; in AWS, HTTP/2 and 3 index a repeated header, so CloudFront's policy costs a few bytes
  // after the first file. Registered first, this runs after the headers are set. Pages (the app's
  // index.html, also what a missing file answers with) keep them all, and so do the API's answers,
  // whose own headers are its choice (functions/app.ts).
  server.use('*', async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    const isPage = type === '' || type.startsWith('text/html');
    const isApi = c.req.path === '/api' || c.req.path.startsWith('/api/');
    if (isPage || isApi) return;
    for (const name of DOCUMENT_ONLY_HEADERS) c.res.headers.delete(name);
  });
  // CloudFront adds these headers in AWS; locally the Node server does.
  server.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        // Attachments go from the browser straight to the bucket (a presigned POST), as to S3 in AWS.
        connectSrc: ["'self'", services.s3Endpoint],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
    }),
  );
  server.use('*', async (c, next) => {
    await next();
    c.header('permissions-policy', PERMISSIONS_POLICY);
  });
  // CloudFront compresses in AWS; locally the Node server does, pages, assets and API answers
  // alike (gzip: the CompressionStream Hono uses has no brotli in Node; the built scripts and
  // stylesheets have brotli copies, sent as they are).
  server.use('*', compress());
  server.route('/', app);
  // An /api path no route claims is the contract's JSON 404 for every method, as in AWS, never the SPA.
  server.all('/api', notFoundAnswer);
  server.all('/api/*', notFoundAnswer);
  // The deployment's settings for the SPA, as the static site writes them in AWS (config.json).
  const siteConfig: SiteConfig = { exitUrl: exitUrlOf(process.env.EXIT_URL) ?? DEFAULT_EXIT_URL };
  server.get(`/${SITE_CONFIG_FILE}`, (c) => {
    c.header('cache-control', REVALIDATE);
    return c.json(siteConfig);
  });
  // Vite names every file under assets/ after its content: a browser may keep it for good.
  server.use('/assets/*', files(dist, IMMUTABLE));
  server.use('*', files(dist, REVALIDATE));
  // Every other path is a page of the single-page app.
  server.get('*', files(dist, REVALIDATE, 'index.html'));

  const http = serve({ fetch: server.fetch, port: opts.port, hostname: '127.0.0.1' });
  // In AWS an EventBridge schedule runs the expiry sweeper; locally a timer does.
  const { sweepExpired } = await import('../functions/mentorship/service');
  const sweepEvery = Number(process.env.SWEEP_INTERVAL_SECONDS ?? 300) * 1000;
  const sweeper = setInterval(() => {
    sweepExpired().catch((e: unknown) => console.error('sweep failed:', e instanceof Error ? e.name : e));
  }, sweepEvery);
  sweeper.unref();
  // In AWS EventBridge runs the events' reminders (every 5 minutes) and the email digests and
  // nudges (every 15); locally one timer runs all three, more often, so a demo shows them soon.
  const [{ sweepReminders }, { runDigest }, { runNudges }] = await Promise.all([
    import('../functions/events/reminders'),
    import('../functions/email/digest'),
    import('../functions/email/nudges'),
  ]);
  const scheduleEvery = Number(process.env.EMAIL_RUN_INTERVAL_SECONDS ?? 30) * 1000;
  let running = false;
  const scheduled = setInterval(() => {
    if (running) return;
    running = true;
    // One after another (a small machine), each on its own: a failed digest never holds back a nudge.
    const runs = { reminders: sweepReminders, digest: runDigest, nudges: runNudges };
    (async () => {
      for (const [name, run] of Object.entries(runs)) {
        await run().catch((e: unknown) => console.error(`${name} run failed:`, e instanceof Error ? e.name : 'unknown'));
      }
    })().finally(() => {
      running = false;
    });
  }, scheduleEvery);
  scheduled.unref();
  const stop = async () => {
    clearInterval(sweeper);
    clearInterval(scheduled);
    http.close();
    await services.stop();
  };
  return {
    origin,
    stop,
    seeded,
    accounts: DEMO_ACCOUNTS,
    password: demoPassword(),
    /** The local inbox: every email the app sent (scripts/local/inbox.ts). */
    inboxUrl: services.inboxUrl,
    /** Where the codes cognito-local "emailed" are kept (scripts/local/outbox.ts). */
    outbox: { dataDir: services.cognitoDataDir, userPoolId: services.env.USER_POOL_ID ?? '' },
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  process.env.LOG_LEVEL ??= 'silent';
  const port = Number(process.env.PORT ?? 3000);
  startServer({ port, dataDir: process.env.DATA_DIR })
    .then((s) => {
      console.log(`\nChampions Network is running at ${s.origin}\n`);
      console.log('Demo accounts (local mode only):');
      for (const a of s.accounts) console.log(`  ${a.role.padEnd(13)} ${a.email.padEnd(26)} password: ${s.password}`);
      console.log(
        `\n${s.seeded.seeded ? `Seeded ${s.seeded.members} demo members.` : 'Demo data already present.'} Press Ctrl-C to stop.\n`,
      );
      console.log(`Local inbox (every email the app sends, kept in memory): ${s.inboxUrl}\n`);
      console.log(
        'Cognito’s own emails (sign-up and password-reset codes) are not sent locally: they are printed here, each saying what it is for.\n',
      );
      printOutbox(s.outbox.dataDir, s.outbox.userPoolId, (line) => console.log(line));
      let stopping = false;
      const shutdown = () => {
        if (stopping) return;
        stopping = true;
        s.stop().finally(() => process.exit(0));
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
