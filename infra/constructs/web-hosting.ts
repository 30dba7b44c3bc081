import {
  Annotations,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
  type CfnElement,
} from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { apiOriginRequestPolicy, spaRoutes } from './edge-behaviours.js';
import { webSecurityHeaders } from './web-security-headers-policy.js';

/** Name of the deploy-time configuration file next to `index.html`. */
export const RUNTIME_CONFIG_FILE = 'runtime-config.json';
/** The header CloudFront adds to every API request; the API's firewall lets nothing else in. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** Props of {@link WebHosting}. */
export interface WebHostingProps {
  /** `<api id>.execute-api.<region>.amazonaws.com`: the `/api/*` origin. */
  apiDomain: string;
  /** API stage name, used as the API origin's path. */
  apiStage: string;
  /** Built web app to upload (`npm run build:web`); skipped with a warning if absent. */
  webDistDir: string;
  /** The secret CloudFront sends in {@link ORIGIN_VERIFY_HEADER} (a Secrets Manager dynamic reference). */
  originSecret?: string;
  /** The CloudFront-scope WAF web ACL (us-east-1). */
  webAclArn?: string;
  /** Hosts the web app may connect to besides itself (Cognito), for the CSP. */
  connectHosts?: string[];
  /**
   * Deploy-time values the web app reads from `/runtime-config.json` (Cognito pool, client and
   * domain, region): known only after deployment, so they cannot be baked in at build time.
   */
  runtimeConfig?: Record<string, string>;
}

function privateBucket(scope: Construct, id: string, extra: Partial<s3.BucketProps>): s3.Bucket {
  return new s3.Bucket(scope, id, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.RETAIN,
    ...extra,
  });
}

/**
 * The web app on a private S3 bucket behind CloudFront (origin access control), with
 * `/api/*` routed to API Gateway so the app calls its API same-origin. The app's routes
 * (`/coordinator`, `/patrol`) serve index.html by a viewer-request function, so `/api/*`
 * errors stay JSON. The API origin gets the viewer's address (`CloudFront-Viewer-Address`) and
 * the origin secret. Access logs: standard logging v2 without client IPs (edge-access-logs.ts);
 * the site bucket's server access logs go to a log bucket kept 90 days.
 */
export class WebHosting extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;
  /** What `/runtime-config.json` holds. */
  readonly runtimeConfig: Record<string, string>;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const logs = privateBucket(this, 'Logs', { lifecycleRules: [{ expiration: Duration.days(90) }] });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would recurse.',
    });
    this.bucket = privateBucket(this, 'Site', { serverAccessLogsBucket: logs, serverAccessLogsPrefix: 'site/' });
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'Phithak web app and /api',
      defaultRootObject: 'index.html',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200, // includes South-East Asia edges
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: webSecurityHeaders(this, props.connectHosts ?? []),
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [{ function: spaRoutes(this), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: { '/api/*': this.apiBehavior(props) },
    });
    this.acknowledgeDistribution();
    this.runtimeConfig = props.runtimeConfig ?? {};
    this.deploy(props.webDistDir, this.runtimeConfig);
  }

  private apiBehavior(props: WebHostingProps): cloudfront.BehaviorOptions {
    // Authorization must be part of the cache key for CloudFront to forward it on GET; with a
    // zero default TTL nothing is cached unless the API says so.
    const cachePolicy = new cloudfront.CachePolicy(this, 'ApiCache', {
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(60),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    return {
      origin: new origins.HttpOrigin(props.apiDomain, {
        originPath: `/${props.apiStage}`,
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        customHeaders: props.originSecret ? { [ORIGIN_VERIFY_HEADER]: props.originSecret } : undefined,
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy,
      originRequestPolicy: apiOriginRequestPolicy(this),
    };
  }

  private acknowledgeDistribution(): void {
    const ack = (id: string, reason: string) => Validations.of(this.distribution).acknowledge({ id, reason });
    ack(
      'AwsSolutions-CFR1',
      'No geo restriction: tips come from Thailand, Malaysia and beyond, and the map is public.',
    );
    ack(
      'AwsSolutions-CFR3',
      'Access logs use CloudFront standard logging v2 (AWS::Logs::Delivery in the us-east-1 logs stack) with ' +
        'chosen fields and no client IP; the legacy logging this rule checks would record c-ip and X-Forwarded-For.',
    );
    ack(
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate cannot pin a minimum TLS version; attach a ' +
        'custom domain certificate (TLSv1.2_2021) per deployment.',
    );
  }

  private deploy(webDistDir: string, runtimeConfig: Record<string, string>): void {
    if (!existsSync(webDistDir)) {
      Annotations.of(this).addWarningV2(
        'phithak:web-dist-missing',
        `${webDistDir} not found: the web app will not be uploaded. Run \`npm run build:web\` before \`cdk deploy\`.`,
      );
      return;
    }
    const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      sources: [s3deploy.Source.asset(webDistDir), s3deploy.Source.jsonData(RUNTIME_CONFIG_FILE, runtimeConfig)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    // The copy reads every object of the CDK asset bucket's upload and writes every object of
    // the site bucket: those two object wildcards are the whole point of the deployment.
    const stack = Stack.of(this);
    const qualifier = stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const siteId = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement);
    const reason =
      'BucketDeployment copies web/dist from the CDK asset bucket into the site bucket (object-level wildcard).';
    for (const resource of [
      `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-${stack.region}/*`,
      `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*`,
      `<${siteId}.Arn>/*`,
    ]) {
      Validations.of(deployment.handlerRole).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
    }
  }
}
