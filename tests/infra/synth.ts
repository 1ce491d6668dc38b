import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type ChampionsNetworkProps, defineChampionsNetwork, PLACEHOLDER_SITE_PATH } from '../../infra/champions-network';

export const TEST_ENV = { account: '123456789012', region: 'eu-central-1' } as const;

/**
 * The app exactly as `infra/bin/app.ts` composes it, minus the slow parts: no esbuild bundling
 * (`aws:cdk:bundling-stacks: []`) and no built-in cfn-lint pass (about 7 s per synth; the real
 * `npm run synth` still runs it). The placeholder page keeps the result independent of whether
 * the web app has been built.
 */
export function buildTestApp(overrides: Partial<ChampionsNetworkProps> = {}) {
  const app = new App({
    context: { 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: false,
  });
  const network = defineChampionsNetwork(app, {
    stage: 'test',
    env: TEST_ENV,
    siteAssetPath: PLACEHOLDER_SITE_PATH,
    ...overrides,
  });
  return { app, ...network };
}

export function synthTemplates(overrides: Partial<ChampionsNetworkProps> = {}) {
  const { dataStack, appStack } = buildTestApp(overrides);
  return { data: Template.fromStack(dataStack), app: Template.fromStack(appStack) };
}

/** A resource as found by `Template.findResources`. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export function resourcesOfType(template: Template, type: string): Record<string, CfnResourceJson> {
  return template.findResources(type) as Record<string, CfnResourceJson>;
}

/** The only resource of `type` in the template; fails if there are none or several. */
export function onlyResource(template: Template, type: string): CfnResourceJson {
  const found = Object.values(resourcesOfType(template, type));
  const [only] = found;
  if (!only || found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  return only;
}
