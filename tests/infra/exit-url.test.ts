import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXIT_URL } from '../../shared/discretion';
import { buildTestApp } from './synth';

/** Every config.json the deployment copies into the site bucket, as synthesised. */
function siteConfigs(exitUrl?: string): unknown[] {
  const { app } = buildTestApp(exitUrl === undefined ? {} : { exitUrl });
  const assembly = app.synth();
  return readdirSync(assembly.directory, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith('asset.'))
    .flatMap((e) =>
      readdirSync(join(assembly.directory, e.name)).includes('config.json') ? [join(assembly.directory, e.name, 'config.json')] : [],
    )
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown);
}

describe('the quick exit’s address, a deployment setting', () => {
  it('is written beside the web app as config.json, from the exitUrl setting', () => {
    expect(siteConfigs('https://weather.example.org/')).toEqual([{ exitUrl: 'https://weather.example.org/' }]);
  });

  it('defaults to a neutral weather page', () => {
    expect(siteConfigs()).toEqual([{ exitUrl: DEFAULT_EXIT_URL }]);
  });
});
