/**
 * From measured counts to a monthly bill: per-tip counts scale with tips a month; the
 * scheduled functions run at their fixed rates (the full recompute and the snapshot read
 * everything in the 30-day window, so their per-run work scales with a month of tips); fixed
 * monthly items (keys, web ACLs, alarms, metrics, a secret) are added once.
 */
import { FUNCTION_SPECS, type FunctionKey } from '../../infra/constructs/function-specs.js';
import { UNIT_PRICES as P } from '../../infra/cost/unit-prices.js';
import { TABLES } from '../../shared/tables.js';
import { SCHEDULES, STREAM_TRIGGERS, type ScheduleKey } from '../../shared/triggers.js';
import type { Counts } from './counters.js';
import type { Measured } from './measure.js';

const MONTH_S = 30 * 86_400;
/** Schedules whose per-run work grows with the tips in the window. */
const SCALES_WITH_WINDOW: ScheduleKey[] = ['recompute', 'snapshotPublisher'];
/** Log bytes: Lambda's START/END/REPORT lines and one structured line per invocation; one access log line per API request (API Gateway and CloudFront v2). */
const LOG_BYTES = { perInvocation: 450, perApiRequest: 250 + 220 };
/** Tips kept (RETENTION_TIP_DAYS 365): storage holds about 12 months of tips. */
const STORED_MONTHS = 12;
/** Share of tips with contact data: one GenerateDataKey when stored, one Decrypt when a coordinator opens it. */
const CONTACT_SHARE = 0.25;
/** The Lambda SQS poller's empty long polls on the send queue, a month (5 pollers × 3 a minute). */
const IDLE_SQS_REQUESTS = 5 * 3 * 60 * 24 * 30;

export type CostLine =
  | 'Lambda'
  | 'API Gateway'
  | 'DynamoDB requests'
  | 'DynamoDB storage + PITR'
  | 'SMS to Thailand'
  | 'CloudFront'
  | 'WAF'
  | 'KMS'
  | 'CloudWatch'
  | 'SQS, SNS, Secrets Manager';

/** Counts of a month at `tipsPerMonth`. */
export function monthlyCounts(m: Measured, tipsPerMonth: number): Counts {
  const f = tipsPerMonth / m.tips;
  const out = scale(m.perSample, f);
  for (const key of Object.keys(SCHEDULES) as ScheduleKey[]) {
    const runs = MONTH_S / SCHEDULES[key].everyS;
    const perRun = SCALES_WITH_WINDOW.includes(key) ? scale(m.perScheduleRun[key], f) : m.perScheduleRun[key];
    addInto(out, scale(perRun, runs));
  }
  return out;
}

/** The month's bill by line, USD. */
export function monthlyCost(m: Measured, tipsPerMonth: number): Record<CostLine, number> {
  const c = monthlyCounts(m, tipsPerMonth);
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const invocations = sum(c.invocations);
  const gbSeconds = Object.entries(c.lambdaMs).reduce(
    (a, [fn, ms]) => a + (ms / 1000) * ((FUNCTION_SPECS[fn as FunctionKey]?.memorySize ?? 512) / 1024),
    0,
  );
  const alerts = c.smsMessages;
  const logGb = (invocations * LOG_BYTES.perInvocation + c.apiRequests * LOG_BYTES.perApiRequest) / 1e9;
  const storedGb = (m.storedBytesPerTip * tipsPerMonth * STORED_MONTHS) / 1e9;
  const keys = 4; // tables, pseudonyms, contact data, SMS receipts topic
  const alarms =
    2 * Object.keys(FUNCTION_SPECS).length +
    2 +
    Object.keys(TABLES).length +
    Object.keys(STREAM_TRIGGERS).length +
    9 +
    2;
  return {
    Lambda: invocations * P.lambdaRequest.usd + gbSeconds * P.lambdaGbSecond.usd,
    'API Gateway': c.apiRequests * P.apiRequest.usd,
    'DynamoDB requests': sum(c.readUnits) * P.dynamoReadUnit.usd + sum(c.writeUnits) * P.dynamoWriteUnit.usd,
    'DynamoDB storage + PITR': storedGb * (P.dynamoStorageGbMonth.usd + P.dynamoPitrGbMonth.usd),
    'SMS to Thailand': c.smsParts * P.smsPartThailand.usd,
    CloudFront: c.apiRequests * P.cloudfrontRequest.usd + (c.apiResponseBytes / 1e9) * P.cloudfrontGb.usd,
    // Two web ACLs (edge: 2 rate rules + 2 managed groups; origin: 1 rule); every API request passes both.
    WAF: 2 * P.wafAclMonth.usd + 5 * P.wafRuleMonth.usd + 2 * c.apiRequests * P.wafRequest.usd,
    KMS: keys * P.kmsKeyMonth.usd + (c.macs + 2 * CONTACT_SHARE * tipsPerMonth) * P.kmsRequest.usd,
    CloudWatch:
      logGb * (P.logsIngestGb.usd + 3 * P.logsStorageGbMonth.usd) + 6 * P.metricMonth.usd + alarms * P.alarmMonth.usd,
    'SQS, SNS, Secrets Manager':
      (0.3 * alerts + IDLE_SQS_REQUESTS) * P.sqsRequest.usd + alerts * P.snsPublish.usd + P.secretMonth.usd,
  };
}

function scale(c: Counts, f: number): Counts {
  const map = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v * f]));
  return {
    invocations: map(c.invocations),
    lambdaMs: map(c.lambdaMs),
    readUnits: map(c.readUnits),
    writeUnits: map(c.writeUnits),
    smsMessages: c.smsMessages * f,
    smsParts: c.smsParts * f,
    macs: c.macs * f,
    apiRequests: c.apiRequests * f,
    apiResponseBytes: c.apiResponseBytes * f,
  };
}

function addInto(into: Counts, c: Counts): void {
  for (const key of ['invocations', 'lambdaMs', 'readUnits', 'writeUnits'] as const) {
    for (const [k, v] of Object.entries(c[key])) into[key][k] = (into[key][k] ?? 0) + v;
  }
  into.smsMessages += c.smsMessages;
  into.smsParts += c.smsParts;
  into.macs += c.macs;
  into.apiRequests += c.apiRequests;
  into.apiResponseBytes += c.apiResponseBytes;
}
