import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/paths';
import { LAMBDA_BUILD } from '../../scripts/bench/bundles';

async function inputsOf(handler: string): Promise<string[]> {
  const res = await build({
    ...LAMBDA_BUILD,
    absWorkingDir: REPO_ROOT,
    entryPoints: [`functions/handlers/${handler}.ts`],
    write: false,
    metafile: true,
    outfile: 'out.mjs',
  });
  return Object.keys(res.metafile.inputs);
}

describe('the email code in the Lambda bundles', () => {
  it('leaves the mailer and nodemailer out of the functions that only queue email (sign-up), and the mailer in its own', async () => {
    const [auth, notifications, mailer] = await Promise.all([inputsOf('auth'), inputsOf('notifications'), inputsOf('mailer')]);
    for (const inputs of [auth, notifications]) {
      expect(inputs.filter((i) => i.includes('node_modules/nodemailer/') || i.endsWith('functions/email/mailer.ts'))).toEqual([]);
    }
    expect(mailer.some((i) => i.endsWith('functions/email/mailer.ts'))).toBe(true);
    // nodemailer (about 240 kB) ships beside the mailer's bundle, not in it (infra/constructs/email.ts).
    expect(mailer.some((i) => i.includes('node_modules/nodemailer/'))).toBe(false);
    // The unsubscribe route lives in the notifications function.
    expect(notifications.some((i) => i.endsWith('functions/email/routes.ts'))).toBe(true);
  });
});
