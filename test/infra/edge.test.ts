import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CDN_LOG_FIELDS } from '../../infra/constructs/edge-access-logs.js';
import { API_ROUTES } from '../../shared/api/routes.js';
import { buildTestApp, removeScratchDirs, type BuiltApp } from './infra-fixture.js';

afterAll(removeScratchDirs);

let built: BuiltApp;
beforeAll(async () => {
  built = await buildTestApp({ integrators: 'sms-gateway:5000:10,hotline-1300' });
});

const distribution = () =>
  (Object.values(built.stateless.findResources('AWS::CloudFront::Distribution'))[0] as any).Properties
    .DistributionConfig;

describe('the edge sees the real client', () => {
  it('puts a CloudFront-scope web ACL in us-east-1 that rate-limits each viewer address', () => {
    expect(built.stacks.edgeFirewall.region).toBe('us-east-1');
    built.edgeFirewall.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'rate-per-viewer',
          Action: { Block: {} },
          Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP', Limit: 300 }) },
        }),
      ]),
    });
  });

  it('attaches that web ACL to the distribution', () => {
    expect(JSON.stringify(distribution().WebACLId)).toMatch(/ExportsReader/);
  });

  it('lets only CloudFront call the execute-api endpoint (secret origin header, regional ACL)', () => {
    const apiOrigin = distribution().Origins.find((o: any) => o.CustomOriginConfig);
    const header = apiOrigin.OriginCustomHeaders.find((h: any) => h.HeaderName === 'x-origin-verify');
    expect(JSON.stringify(header.HeaderValue)).toContain('resolve:secretsmanager');
    built.stateless.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Block: {} },
      Rules: [
        Match.objectLike({
          Action: { Allow: {} },
          Statement: {
            ByteMatchStatement: Match.objectLike({ FieldToMatch: { SingleHeader: { Name: 'x-origin-verify' } } }),
          },
        }),
      ],
    });
    built.stateless.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('forwards CloudFront-Viewer-Address to the API', () => {
    built.stateless.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
      OriginRequestPolicyConfig: Match.objectLike({
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: Match.arrayWith(['CloudFront-Viewer-Address']) },
      }),
    });
  });

  it('serves index.html for /coordinator and /patrol on the static behaviour only, so /api/* errors stay JSON', () => {
    const config = distribution();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      expect.objectContaining({ EventType: 'viewer-request' }),
    ]);
    expect(config.CacheBehaviors[0].FunctionAssociations).toBeUndefined();
    expect(config.CustomErrorResponses).toBeUndefined();
    const [fn] = Object.values(built.stateless.findResources('AWS::CloudFront::Function')) as any[];
    expect(fn.Properties.FunctionCode).toContain('"/coordinator","/patrol"');
  });

  it('gives each integrator an API key under a usage plan with its quota', () => {
    built.stateless.resourceCountIs('AWS::ApiGateway::ApiKey', 2);
    built.stateless.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'phithak-prod-sms-gateway',
      Quota: { Limit: 5000, Period: 'DAY' },
      Throttle: { RateLimit: 10, BurstLimit: 20 },
    });
    built.stateless.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 2);
    const integrator = API_ROUTES.find((r) => r.access === 'integrator')!;
    built.stateless.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: integrator.method,
      ApiKeyRequired: true,
    });
  });

  it('keeps integrators out of the per-viewer rule (their plan meters them)', () => {
    const acl = Object.values(built.edgeFirewall.findResources('AWS::WAFv2::WebACL'))[0] as any;
    const perViewer = acl.Properties.Rules.find((r: any) => r.Name === 'rate-per-viewer');
    expect(JSON.stringify(perViewer.Statement.RateBasedStatement.ScopeDownStatement.NotStatement)).toContain(
      '/api/integrations/',
    );
  });
});

describe('no IP addresses in logs', () => {
  it('no log configuration captures the client IP', () => {
    // CloudFront: standard logging v2 with chosen fields, and no legacy logging.
    expect(distribution().Logging).toBeUndefined();
    const [delivery] = Object.values(built.edgeLogs.findResources('AWS::Logs::Delivery')) as any[];
    expect(delivery.Properties.RecordFields).toEqual(CDN_LOG_FIELDS);
    for (const field of ['c-ip', 'x-forwarded-for', 'c-port', 'cs(User-Agent)', 'cs-uri-query']) {
      expect(delivery.Properties.RecordFields).not.toContain(field);
    }
    // API Gateway access logs: no source IP or user agent.
    const [stage] = Object.values(built.stateless.findResources('AWS::ApiGateway::Stage')) as any[];
    expect(stage.Properties.AccessLogSetting.Format).not.toMatch(/sourceIp|userAgent|identity/);
    // WAF: address headers redacted, IP addresses masked in its log group.
    const [waf] = Object.values(built.edgeFirewall.findResources('AWS::WAFv2::LoggingConfiguration')) as any[];
    const redacted = waf.Properties.RedactedFields.map((f: any) => f.SingleHeader?.Name).filter(Boolean);
    expect(redacted).toEqual(expect.arrayContaining(['x-forwarded-for', 'cloudfront-viewer-address']));
    const [group] = Object.values(built.edgeFirewall.findResources('AWS::Logs::LogGroup')) as any[];
    expect(JSON.stringify(group.Properties.DataProtectionPolicy)).toContain('data-identifier/IpAddress');
  });
});

describe('coordinator sign-in', () => {
  it('has a hosted-UI client with the authorization-code grant returning to /coordinator', () => {
    built.stateless.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['/coordinator'])] })],
      LogoutURLs: [Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['/coordinator'])] })],
    });
  });

  it('lets the app connect to the Cognito domain (CSP connect-src)', () => {
    const [policy] = Object.values(built.stateless.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as any[];
    const csp = JSON.stringify(
      policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
    );
    expect(csp).toContain('.auth.');
    expect(csp).toContain('amazoncognito.com');
  });

  it('publishes the Cognito settings in runtime-config.json', () => {
    built.stateless.resourceCountIs('Custom::CDKBucketDeployment', 1);
    expect(built.stacks.stateless.hosting.runtimeConfig.cognitoDomain).toMatch(/\.auth\..+\.amazoncognito\.com$/);
    expect(Object.keys(built.stacks.stateless.hosting.runtimeConfig).sort()).toEqual(
      ['apiBase', 'authMode', 'cognitoDomain', 'region', 'userPoolClientId', 'userPoolId'].sort(),
    );
    expect(built.stacks.stateless.hosting.runtimeConfig.authMode).toBe('cognito');
  });
});
