import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from './web-hosting.js';

/** Props of {@link OriginGuard}. */
export interface OriginGuardProps {
  stage: string;
  /** ARN of the API Gateway stage to protect. */
  stageArn: string;
}

/**
 * Closes the `execute-api` endpoint to everything but CloudFront: a generated secret that
 * CloudFront sends in {@link ORIGIN_VERIFY_HEADER}, and a regional web ACL on the stage that
 * blocks any request without it (so the edge firewall and its per-viewer limit cannot be
 * walked around). Disabling the endpoint outright would need a custom domain for CloudFront.
 */
export class OriginGuard extends Construct {
  /** The secret as a CloudFormation dynamic reference (resolved at deploy, never in the template). */
  readonly secretValue: string;
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: OriginGuardProps) {
    super(scope, id);
    const secret = new secretsmanager.Secret(this, 'Secret', {
      description: `Phithak ${props.stage}: the header value CloudFront sends to the API`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating means updating the CloudFront origin header and the regional web ACL together: done by ' +
        'redeploying after `aws secretsmanager put-secret-value` (docs/deploy.md), not by a rotation Lambda.',
    });
    this.secretValue = secret.secretValue.unsafeUnwrap();
    this.webAcl = new wafv2.CfnWebACL(this, 'Acl', {
      name: `phithak-${props.stage}-origin`,
      scope: 'REGIONAL',
      defaultAction: { block: {} },
      visibilityConfig: { sampledRequestsEnabled: false, cloudWatchMetricsEnabled: true, metricName: 'phithak-origin' },
      rules: [
        {
          name: 'from-cloudfront',
          priority: 0,
          action: { allow: {} },
          statement: {
            byteMatchStatement: {
              fieldToMatch: { singleHeader: { Name: ORIGIN_VERIFY_HEADER } },
              positionalConstraint: 'EXACTLY',
              searchString: this.secretValue,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          visibilityConfig: {
            sampledRequestsEnabled: false,
            cloudWatchMetricsEnabled: true,
            metricName: 'from-cloudfront',
          },
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
