/**
 * The unit prices the cost model (`npm run cost`, test/cost/) assumes, in USD, for the
 * deployment region ap-southeast-1 (Singapore) and, for CloudFront and WAF, the edge. Every
 * price names its source page and the date it was taken: prices change, so check them
 * before a budget depends on them, and change them here only.
 */

/** One price: what one unit costs, and where it was read. */
export interface UnitPrice {
  usd: number;
  /** What one unit is. */
  per: string;
  source: string;
  /** When the price was taken (YYYY-MM-DD). */
  asOf: string;
}

const AS_OF = '2026-12-01';
const p = (usd: number, per: string, source: string): UnitPrice => ({ usd, per, source, asOf: AS_OF });

export const UNIT_PRICES = {
  lambdaRequest: p(0.2 / 1e6, 'request', 'https://aws.amazon.com/lambda/pricing/'),
  /** arm64 (Graviton), the functions' architecture. */
  lambdaGbSecond: p(0.0000133334, 'GB-second (arm64)', 'https://aws.amazon.com/lambda/pricing/'),
  /** REST API, first 333 million requests a month. */
  apiRequest: p(4.25 / 1e6, 'REST API request', 'https://aws.amazon.com/api-gateway/pricing/'),
  /** On-demand, after the November 2024 price reduction. */
  dynamoWriteUnit: p(0.7125 / 1e6, 'write request unit', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  dynamoReadUnit: p(0.1425 / 1e6, 'read request unit', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  dynamoStorageGbMonth: p(0.285, 'GB-month stored', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  dynamoPitrGbMonth: p(0.228, 'GB-month of continuous backup', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  /**
   * One SMS part to Thailand from a sender ID (transactional). The field trial measured
   * USD 0.013–0.026 a part (shared/docs/field-notes.md); the upper end is assumed.
   */
  smsPartThailand: p(0.026, 'SMS part to TH', 'https://aws.amazon.com/end-user-messaging/pricing/'),
  /** HTTPS requests, Asia Pacific edges. */
  cloudfrontRequest: p(0.012 / 1e4, 'HTTPS request', 'https://aws.amazon.com/cloudfront/pricing/'),
  /** Data out, Asia Pacific edges, first 10 TB. */
  cloudfrontGb: p(0.12, 'GB to viewers', 'https://aws.amazon.com/cloudfront/pricing/'),
  wafAclMonth: p(5, 'web ACL-month', 'https://aws.amazon.com/waf/pricing/'),
  wafRuleMonth: p(1, 'rule-month (a managed group counts as one)', 'https://aws.amazon.com/waf/pricing/'),
  wafRequest: p(0.6 / 1e6, 'request inspected', 'https://aws.amazon.com/waf/pricing/'),
  kmsKeyMonth: p(1, 'customer-managed key-month', 'https://aws.amazon.com/kms/pricing/'),
  kmsRequest: p(0.03 / 1e4, 'KMS API request', 'https://aws.amazon.com/kms/pricing/'),
  logsIngestGb: p(0.7, 'GB of CloudWatch Logs ingested', 'https://aws.amazon.com/cloudwatch/pricing/'),
  logsStorageGbMonth: p(0.033, 'GB-month of CloudWatch Logs', 'https://aws.amazon.com/cloudwatch/pricing/'),
  metricMonth: p(0.3, 'custom metric-month', 'https://aws.amazon.com/cloudwatch/pricing/'),
  alarmMonth: p(0.1, 'standard alarm-month', 'https://aws.amazon.com/cloudwatch/pricing/'),
  secretMonth: p(0.4, 'secret-month', 'https://aws.amazon.com/secrets-manager/pricing/'),
  sqsRequest: p(0.4 / 1e6, 'SQS request (64 KB)', 'https://aws.amazon.com/sqs/pricing/'),
  /** Lambda deliveries from SNS are free; this is the publish (one per receipt event). */
  snsPublish: p(0.5 / 1e6, 'SNS publish', 'https://aws.amazon.com/sns/pricing/'),
} as const satisfies Record<string, UnitPrice>;
