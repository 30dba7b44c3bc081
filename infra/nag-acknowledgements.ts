import { Validations, type Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * Acknowledges the stateless stack's cdk-nag findings on constructs that aws-cdk-lib creates
 * for us (not configurable to comply), each with the reason it is acceptable. Findings on our
 * own constructs are acknowledged next to their cause.
 */
export function acknowledgeStatelessFindings(stack: Stack): void {
  const apiLogsRole = stack.node.tryFindChild('Http')?.node.tryFindChild('Api')?.node.tryFindChild('CloudWatchRole');
  if (apiLogsRole) {
    Validations.of(apiLogsRole).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: 'API Gateway account-level logging role; this AWS managed policy is the one AWS documents for it.',
    });
  }
  for (const child of stack.node.children) {
    if (child.node.id.startsWith('Custom::CDKBucketDeployment')) acknowledgeBucketDeployment(child);
  }
  for (const fn of stack.node.findAll()) {
    if (fn.node.path.endsWith('/Fn/Resource')) {
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime the project targets (its code and tests run on Node 20+/22); upgrade deliberately.',
      });
    }
  }
}

/** The CDK-managed BucketDeployment handler (uploads web/dist and invalidates CloudFront). */
function acknowledgeBucketDeployment(handler: Construct): void {
  const reason =
    'aws-cdk-lib BucketDeployment provider: CDK chooses its runtime, managed logging policy and the ' +
    'S3 wildcards over the asset and site buckets it copies between; it runs only at deploy time.';
  const ids = [
    'AwsSolutions-L1',
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AwsSolutions-IAM5[Resource::*]',
    'AwsSolutions-IAM5[Action::s3:GetObject*]',
    'AwsSolutions-IAM5[Action::s3:GetBucket*]',
    'AwsSolutions-IAM5[Action::s3:List*]',
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
    'AwsSolutions-IAM5[Action::s3:Abort*]',
  ];
  for (const id of ids) Validations.of(handler).acknowledge({ id, reason });
}
