/**
 * Retries of AWS calls that may succeed later (throttling, transient server errors), with
 * exponential backoff and full jitter: shared by the SMS adapters (SNS, End User Messaging).
 */

/** Backoff settings; every field has a default. */
export interface BackoffOptions {
  /** Attempts in all, first included. */
  maxAttempts?: number;
  /** First backoff, ms; doubles per attempt, full jitter. */
  baseDelayMs?: number;
  /** Longest single backoff, ms. */
  maxDelayMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Error names AWS services (and the KMS key behind an encrypted resource) use when throttling. */
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'Throttled',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'KMSThrottlingException',
  'KMSThrottling',
]);
/** Transient server-side failures, retried like throttling. */
const TRANSIENT = new Set([
  'InternalErrorException',
  'InternalServerException',
  'InternalError',
  'ServiceUnavailable',
  'TimeoutError',
  'ECONNRESET',
]);

/** The fields of an SDK v3 error that say whether to try again. */
export interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

/** Whether an SDK error is worth another attempt. */
export function isRetryableAwsError(err: unknown): boolean {
  const e = (err ?? {}) as SdkError;
  const name = e.name ?? e.code ?? '';
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    THROTTLING.has(name) || TRANSIENT.has(name) || status === 429 || status >= 500 || e.$retryable?.throttling === true
  );
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** How a retried call ended in failure: the last error, how many attempts, and whether it was retryable. */
export interface RetryFailure {
  error: unknown;
  attempts: number;
  retryable: boolean;
}

/**
 * Calls `attempt` until it resolves, the error is not retryable, or `maxAttempts` is reached;
 * then `onFailure` turns the last error into the one thrown (e.g. a `MessageSendError`).
 */
export async function withBackoff<T>(
  attempt: () => Promise<T>,
  onFailure: (failure: RetryFailure) => Error,
  options: BackoffOptions = {},
  isRetryable: (err: unknown) => boolean = isRetryableAwsError,
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5; // about 3 s of backoff in all at the defaults
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 2000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = isRetryable(error);
      if (!retryable || n >= maxAttempts) throw onFailure({ error, attempts: n, retryable });
      const capMs = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
      await sleep(Math.floor(random() * capMs));
    }
  }
}
