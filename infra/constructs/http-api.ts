import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_ROUTES, type ApiRouteDef as ApiRoute } from '../../shared/api/routes.js';
import { apiAccessLogFormat, apiErrorResponses } from './api-responses.js';

/** Stage name; also the CloudFront origin path in front of the API. */
export const API_STAGE = 'prod';

/** Props of {@link HttpApi}. */
export interface HttpApiProps {
  handler: lambda.IFunction;
  userPool: cognito.IUserPool;
  /** The web app's origin (`https://<cloudfront domain>`), allowed by CORS. */
  webOrigin: string;
  /** Sustained requests per second for the stage (burst is twice that). */
  rateLimitPerSecond: number;
}

/**
 * The REST API: one Lambda proxy integration (v1 event shape; the handler routes internally)
 * on every contract route. Coordinator routes need a Cognito ID token; public ones are
 * throttled per stage and per method. Access logs leave out source IPs: tipsters may be in
 * danger, and an IP in a log can identify them.
 */
export class HttpApi extends Construct {
  readonly api: apigw.RestApi;
  readonly authorizer: apigw.CognitoUserPoolsAuthorizer;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new apigw.RestApi(this, 'Api', {
      description: 'Phithak HTTP API',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.DESTROY,
      deployOptions: {
        stageName: API_STAGE,
        throttlingRateLimit: props.rateLimitPerSecond,
        throttlingBurstLimit: props.rateLimitPerSecond * 2,
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false, // request bodies hold tip text and phone numbers
        tracingEnabled: true,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apiAccessLogFormat(),
        methodOptions: methodThrottles(API_ROUTES),
      },
    });
    this.authorizer = new apigw.CognitoUserPoolsAuthorizer(this, 'Coordinators', {
      cognitoUserPools: [props.userPool],
    });
    apiErrorResponses(this.api, props.webOrigin);
    this.addRoutes(props);
  }

  private addRoutes(props: HttpApiProps): void {
    const integration = new apigw.LambdaIntegration(props.handler, { proxy: true, allowTestInvoke: false });
    const validator = this.api.addRequestValidator('Validator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    const tipModel = this.api.addModel('TipInput', {
      contentType: 'application/json',
      schema: {
        type: apigw.JsonSchemaType.OBJECT,
        required: ['text'],
        properties: { text: { type: apigw.JsonSchemaType.STRING, minLength: 1, maxLength: 5000 } },
      },
    });
    for (const route of API_ROUTES) {
      const resource = this.resourceFor(route.path, props.webOrigin);
      const method = resource.addMethod(route.method, integration, {
        requestValidator: validator,
        requestModels: route.bodyModel === 'tip' ? { 'application/json': tipModel } : undefined,
        requestParameters: route.requiredQuery
          ? Object.fromEntries(route.requiredQuery.map((name) => [`method.request.querystring.${name}`, true]))
          : undefined,
        ...(route.access === 'coordinator'
          ? { authorizer: this.authorizer, authorizationType: apigw.AuthorizationType.COGNITO }
          : {}),
        // Integrators authenticate with their API key; their usage plan holds their quota.
        ...(route.access === 'integrator' ? { apiKeyRequired: true } : {}),
      });
      if (route.access !== 'coordinator') acknowledgePublic(method, route);
    }
  }

  private resourceFor(path: string, webOrigin: string): apigw.IResource {
    let resource: apigw.IResource = this.api.root;
    for (const part of path.split('/').filter(Boolean)) {
      const child = resource.getResource(part);
      resource = child ?? resource.addResource(part, { defaultCorsPreflightOptions: corsFor(webOrigin) });
    }
    return resource;
  }
}

function corsFor(webOrigin: string): apigw.CorsOptions {
  return {
    allowOrigins: [webOrigin],
    allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
  };
}

function methodThrottles(routes: readonly ApiRoute[]): Record<string, apigw.MethodDeploymentOptions> {
  const entries = routes
    .filter((route) => route.throttle)
    .map((route) => [
      `${route.path}/${route.method}`,
      { throttlingRateLimit: route.throttle?.rateLimit, throttlingBurstLimit: route.throttle?.burstLimit },
    ]);
  return Object.fromEntries(entries);
}

function acknowledgePublic(method: apigw.Method, route: ApiRoute): void {
  const reason =
    `${route.method} ${route.path} is public by design (docs/contract.md): tips may be anonymous ` +
    'and hotspots are public-safe aggregates; it is throttled per stage and method and behind a rate-based WAF rule.';
  Validations.of(method).acknowledge({ id: 'AwsSolutions-APIG4', reason });
  Validations.of(method).acknowledge({ id: 'AwsSolutions-COG4', reason });
}
