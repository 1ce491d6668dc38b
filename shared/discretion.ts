/*
 * What the quick exit and discreet mode share between the web app, the API, the local server and
 * the CDK app.
 */

/**
 * Where the quick exit goes unless a deployment chooses another site: a page anyone might have
 * open, that says nothing about the app (the GOV.UK design system's choice, a weather page).
 */
export const DEFAULT_EXIT_URL = 'https://www.bbc.com/weather';

/** A deployment's exit address: an absolute http(s) URL, else undefined. */
export function exitUrlOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/**
 * The deployment's settings for the web app, served beside it as `config.json`: written into the
 * site bucket by the CDK app (infra/constructs/static-site.ts) and by `npm start` locally.
 */
export const SITE_CONFIG_FILE = 'config.json';
export type SiteConfig = { exitUrl: string };

/** Presses of Shift, each within a few seconds of the last, that make the quick exit (web/src/lib/quick-exit-core.ts). */
export const SHIFT_PRESSES = 3;

/** The idle times after which discreet mode signs her out, in minutes. */
export const IDLE_MINUTES = [2, 5, 15, 30] as const;
export type IdleMinutes = (typeof IDLE_MINUTES)[number];
