import { build } from 'esbuild';
import { LAMBDA_BUILD } from './bench/bundles.ts';
const entry = process.argv[2]!;
const res = await build({
  ...LAMBDA_BUILD,
  absWorkingDir: process.cwd(),
  entryPoints: [entry],
  outfile: '/tmp/bsize/out.mjs',
  metafile: true,
  write: true,
});
const out = Object.values(res.metafile!.outputs)[0]!;
const rows = Object.entries(out.inputs)
  .map(([f, v]) => [f, v.bytesInOutput] as const)
  .sort((a, b) => b[1] - a[1]);
let total = 0;
for (const [, b] of rows) total += b;
console.log('total', total);
for (const [f, b] of rows.filter(([f]) => !f.includes('node_modules')).slice(0, 25)) console.log(b, f);
