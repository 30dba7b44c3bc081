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
}

/** CDK-managed providers of every stack (BucketDeployment, cross-region export readers and writers). */
export function acknowledgeCdkProviders(stack: Stack): void {
  for (const child of stack.node.children) {
    if (child.node.id.startsWith('Custom::CDKBucketDeployment')) acknowledgeBucketDeployment(child);
  }
}

/** The CDK-managed BucketDeployment handler (uploads web/dist and invalidates CloudFront). */
function acknowledgeBucketDeployment(handler: Construct): void {
  const reason =
    'aws-cdk-lib BucketDeployment provider: CDK chooses its runtime, managed logging policy and the ' +
    'S3 wildcards over the asset and site buckets it copies between; it runs only at deploy time, ' +
    'invoked synchronously by CloudFormation, which reports its failures.';
  const ids = [
    'AwsSolutions-L1',
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AwsSolutions-IAM5[Resource::*]',
    'AwsSolutions-IAM5[Action::s3:GetObject*]',
    'AwsSolutions-IAM5[Action::s3:GetBucket*]',
    'AwsSolutions-IAM5[Action::s3:List*]',
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
    'AwsSolutions-IAM5[Action::s3:Abort*]',
    'Serverless-LambdaDLQ',
    'Serverless-LambdaLatestVersion',
    'Serverless-LambdaTracing',
  ];
  for (const id of ids) Validations.of(handler).acknowledge({ id, reason });
}
