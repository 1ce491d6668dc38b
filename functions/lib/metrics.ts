import type { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * Operational figures as CloudWatch embedded metrics (EMF) through Powertools' Metrics: counts
 * only, with the route pattern and the status class as the only dimensions — never an id, a name
 * or anything a member wrote. Alarms and the dashboard (infra/constructs/operations.ts) read the
 * same names from here. Only in Lambda (or with POWERTOOLS_METRICS_DISABLED=false): npm start and
 * the tests load nothing. Like the Logger, Metrics loads beside the first request; a count made
 * before it is ready waits, and an invocation ends once its counts are out (`metricsWritten`).
 */
export const METRICS_NAMESPACE = 'ChampionsNetwork';

export const METRICS = {
  /** Every API answer, by route and status class. */
  requests: 'Requests',
  /** Answers with a 5xx, by route. */
  serverErrors: 'ServerErrors',
  /** A wrong password or authenticator code. */
  signInFailures: 'SignInFailures',
  /** Answers refused with 429 (a rate limit), by route. */
  throttled: 'Throttled',
  /** Threads and posts held for the board's review. */
  postsHeld: 'PostsHeld',
  /** Reports members filed. */
  reports: 'Reports',
} as const;

export type MetricName = (typeof METRICS)[keyof typeof METRICS];

const enabled =
  process.env.POWERTOOLS_METRICS_DISABLED === undefined
    ? Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME)
    : process.env.POWERTOOLS_METRICS_DISABLED === 'false';

let metrics: { root: Metrics; count: typeof import('@aws-lambda-powertools/metrics').MetricUnit.Count } | undefined;
/** Metrics could not be loaded: counts are dropped rather than kept for ever. */
let unavailable = false;
const waiting: [MetricName, Record<string, string>][] = [];

const loading: Promise<void> = enabled
  ? import('@aws-lambda-powertools/metrics').then(
      ({ Metrics, MetricUnit }) => {
        metrics = {
          root: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'champions-network' }),
          count: MetricUnit.Count,
        };
        for (const [name, dimensions] of waiting.splice(0)) emit(name, dimensions);
      },
      () => {
        unavailable = true;
        waiting.splice(0);
      },
    )
  : Promise.resolve();

/**
 * One count in a line of its own (Powertools' single metric, with its own dimensions): an API
 * function serves one request per invocation, but locally one process serves many at once, so
 * nothing is kept between calls.
 */
function emit(name: MetricName, dimensions: Record<string, string>): void {
  if (!metrics) return;
  const one = metrics.root.singleMetric();
  for (const [k, v] of Object.entries(dimensions)) one.addDimension(k, v);
  one.addMetric(name, metrics.count, 1);
}

/** Counts one now (or as soon as Metrics has loaded). */
export function count(name: MetricName, dimensions: Record<string, string> = {}): void {
  if (!enabled || unavailable) return;
  if (metrics) emit(name, dimensions);
  else waiting.push([name, dimensions]);
}

/** The request's figures: the request by route and status class, and its error or refusal by route. */
export function countRequest(route: string, status: number): void {
  count(METRICS.requests, { route, status: `${Math.floor(status / 100)}xx` });
  if (status >= 500) count(METRICS.serverErrors, { route });
  if (status === 429) count(METRICS.throttled, { route });
}

/** Settles once every count made so far is out. */
export const metricsWritten = (): Promise<void> => loading;
