import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * The CloudFront log fields kept (standard logging v2): when, where, what was asked and how
 * it ended. Never `c-ip`, `x-forwarded-for`, `c-port`, the user agent, the referer, cookies or
 * the query string (zone checks carry a patrol's exact position).
 */
export const CDN_LOG_FIELDS = [
  'date',
  'time',
  'x-edge-location',
  'cs-method',
  'cs-uri-stem',
  'sc-status',
  'sc-bytes',
  'time-taken',
  'x-edge-result-type',
  'x-edge-detailed-result-type',
  'x-edge-request-id',
  'cs-protocol-version',
  'ssl-protocol',
  'sc-content-type',
];

/** Props of {@link EdgeAccessLogs}. */
export interface EdgeAccessLogsProps {
  stage: string;
  /** ARN of the distribution whose access logs these are. */
  distributionArn: string;
}

/**
 * CloudFront standard logging v2 to a CloudWatch log group kept 90 days: a delivery source
 * for the distribution, a delivery destination, and a delivery that keeps {@link CDN_LOG_FIELDS}
 * only. CloudFront's delivery sources must be created in us-east-1, so this lives in the
 * edge-logs stack.
 */
export class EdgeAccessLogs extends Construct {
  readonly delivery: logs.CfnDelivery;

  constructor(scope: Construct, id: string, props: EdgeAccessLogsProps) {
    super(scope, id);
    const name = `phithak-${props.stage}-cdn`;
    const group = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/phithak/${props.stage}/cdn-access`,
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Vended-log delivery writes to the group under the log delivery service, for this account only.
    group.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${group.logGroupArn}:log-stream:*`],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    const source = new logs.CfnDeliverySource(this, 'Source', {
      name,
      resourceArn: props.distributionArn,
      logType: 'ACCESS_LOGS',
    });
    const destination = new logs.CfnDeliveryDestination(this, 'Destination', {
      name,
      destinationResourceArn: group.logGroupArn,
      outputFormat: 'json',
    });
    this.delivery = new logs.CfnDelivery(this, 'Delivery', {
      deliverySourceName: source.ref,
      deliveryDestinationArn: destination.attrArn,
      recordFields: CDN_LOG_FIELDS,
    });
    this.delivery.node.addDependency(source);
  }
}
