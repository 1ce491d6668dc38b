import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Operational figures as CloudWatch embedded metrics (EMF) through Powertools' Metrics: counts
 * only, with the route pattern and the status class as the only dimensions — never an id, a name
 * or anything a member wrote. Alarms and the dashboard (infra/constructs/operations.ts) read the
 * same names from here. Outside Lambda (npm start, the tests) nothing is emitted unless
 * POWERTOOLS_METRICS_DISABLED says otherwise.
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

if (!process.env.AWS_LAMBDA_FUNCTION_NAME && process.env.POWERTOOLS_METRICS_DISABLED === undefined) {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
}

export const metrics = new Metrics({
  namespace: METRICS_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'champions-network',
});

/**
 * Counts one now, in a line of its own (Powertools' single metric, with its own dimensions): an API
 * function serves one request per invocation, but locally one process serves many at once, so
 * nothing is kept between calls.
 */
export function count(name: MetricName, dimensions: Record<string, string> = {}): void {
  const one = metrics.singleMetric();
  for (const [k, v] of Object.entries(dimensions)) one.addDimension(k, v);
  one.addMetric(name, MetricUnit.Count, 1);
}

/** The request's figures: the request by route and status class, and its error or refusal by route. */
export function countRequest(route: string, status: number): void {
  count(METRICS.requests, { route, status: `${Math.floor(status / 100)}xx` });
  if (status >= 500) count(METRICS.serverErrors, { route });
  if (status === 429) count(METRICS.throttled, { route });
}
