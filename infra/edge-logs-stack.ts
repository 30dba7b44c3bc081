import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeAccessLogs } from './constructs/edge-access-logs.js';

/** Props of {@link EdgeLogsStack}. */
export interface EdgeLogsStackProps extends StackProps {
  stage: string;
  /** The distribution (stateless stack), by a cross-region reference. */
  distributionArn: string;
}

/**
 * CloudFront standard logging v2. CloudFront's delivery sources must be created in us-east-1,
 * and they name the distribution, so this stack follows the stateless one.
 */
export class EdgeLogsStack extends Stack {
  readonly accessLogs: EdgeAccessLogs;

  constructor(scope: Construct, id: string, props: EdgeLogsStackProps) {
    super(scope, id, props);
    this.accessLogs = new EdgeAccessLogs(this, 'AccessLogs', {
      stage: props.stage,
      distributionArn: props.distributionArn,
    });
  }
}
