import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The metrics the alarms read (infra/constructs/ops-alarms.ts), by name. Counts unless noted.
 * `SmsSegments` and `SmsSpendUsd` are what sending costs: parts accepted by the provider, and
 * the price the provider reported on each final receipt (USD).
 */
export const METRICS = {
  MessagesSent: MetricUnit.Count,
  MessagesFailed: MetricUnit.Count,
  SmsSegments: MetricUnit.Count,
  ReceiptsDelivered: MetricUnit.Count,
  ReceiptsUndelivered: MetricUnit.Count,
  SmsSpendUsd: MetricUnit.NoUnit,
} as const;
export type MetricName = keyof typeof METRICS;

/** Metrics and traces of one function; a no-op outside Lambda (the local host, tests). */
export interface Telemetry {
  count(name: MetricName, value?: number): void;
  /** Traces an AWS SDK v3 client's calls (X-Ray subsegments); returns the same client. */
  traceClient<T>(client: T): T;
  /** Wraps a handler: cold-start annotation, and the metrics flushed at the end of each invocation. */
  wrap<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
}

/** Telemetry that does nothing (local host, tests). */
export const noTelemetry: Telemetry = {
  count: () => undefined,
  traceClient: (client) => client,
  wrap: (handler) => handler,
};

/**
 * Powertools Metrics (CloudWatch embedded metric format, one namespace per stage, one
 * `service` dimension for every function so alarms need not list them) and Tracer (X-Ray:
 * the function's active tracing plus a subsegment per SDK call).
 */
export function createPowertoolsTelemetry(options: { namespace: string; serviceName: string }): Telemetry {
  const metrics = new Metrics({ namespace: options.namespace, serviceName: 'phithak' });
  const tracer = new Tracer({ serviceName: options.serviceName });
  return {
    count: (name, value = 1) => void metrics.addMetric(name, METRICS[name], value),
    traceClient: (client) => tracer.captureAWSv3Client(client) ?? client,
    wrap:
      (handler) =>
      async (...args) => {
        tracer.annotateColdStart();
        try {
          return await handler(...args);
        } finally {
          // Most invocations count nothing; publishing an empty store only logs a warning.
          if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
        }
      },
  };
}
