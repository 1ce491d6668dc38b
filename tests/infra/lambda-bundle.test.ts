import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { MAILER_NODE_MODULES } from '../../infra/constructs/email';
import { REPO_ROOT } from '../../infra/paths';
import { API_DOMAINS } from '../../infra/stacks/app-stack';
import { LAMBDA_BUILD } from '../../scripts/bench/bundles';

/** The bundle's input files, built with or without the extra export conditions. */
async function inputs(entry: string, withConditions: boolean): Promise<string[]> {
  const res = await build({
    ...LAMBDA_BUILD,
    conditions: withConditions ? LAMBDA_BUILD.conditions : [],
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry],
    write: false,
    metafile: true,
    outfile: 'out.mjs',
  });
  return Object.keys(res.metafile.inputs).sort();
}

const handlers = readdirSync(join(REPO_ROOT, 'functions/handlers')).filter((f) => f.endsWith('.ts'));

describe('the Lambda bundles', () => {
  it.each(handlers)('%s: the browser condition changes nothing but aws-jwt-verify (and nanoid)', async (file) => {
    const entry = `functions/handlers/${file}`;
    const [plain, browser] = await Promise.all([inputs(entry, false), inputs(entry, true)]);
    const changed = [...plain.filter((i) => !browser.includes(i)), ...browser.filter((i) => !plain.includes(i))];
    // nanoid (ics's id generator, in the calendar function) has a browser build on Web Crypto,
    // which Node 24 has as a global: the same ids either way.
    expect(changed.filter((i) => !i.includes('node_modules/aws-jwt-verify/') && !i.includes('node_modules/nanoid/'))).toEqual([]);
  });

  it('import nothing from node:https, node:tls or the CommonJS util-dynamodb at load', async () => {
    for (const file of handlers) {
      const res = await build({
        ...LAMBDA_BUILD,
        absWorkingDir: REPO_ROOT,
        entryPoints: [`functions/handlers/${file}`],
        write: false,
        outfile: 'out.mjs',
      });
      const code = res.outputFiles[0]?.text ?? '';
      const staticImports = [...code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
      expect(staticImports, file).not.toContain('https');
      expect(staticImports, file).not.toContain('tls');
      expect(staticImports, file).not.toContain('@aws-sdk/util-dynamodb');
      expect(
        staticImports.filter((s) => s?.startsWith('@aws-sdk/')),
        file,
      ).toEqual([]);
    }
  });
});

describe('packages shipped beside a bundle', () => {
  it('are left out of the benchmark’s bundles too, so the budget measures what is deployed', () => {
    const shipped = [...API_DOMAINS.flatMap((d) => d.nodeModules ?? []), ...MAILER_NODE_MODULES];
    expect(shipped).toContain('nodemailer');
    for (const name of shipped) expect(LAMBDA_BUILD.external, name).toContain(name);
  });
});
