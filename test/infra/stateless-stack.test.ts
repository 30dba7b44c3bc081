import { Stack, type CfnElement } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import type { IConstruct } from 'constructs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../shared/api/routes.js';
import { STREAM_TRIGGERS } from '../../shared/triggers.js';
import { buildApp, type PhithakStacks } from '../../infra/build-app.js';
import { FUNCTION_SPECS, type FunctionKey } from '../../infra/constructs/backend-functions.js';
import { REPO_ROOT } from '../../infra/settings.js';
import { TABLES, tableEnvName, type TableKey } from '../../shared/tables.js';
import { gazetteerFixture, nagErrors, removeScratchDirs, scratchDir, testApp } from './infra-fixture.js';

afterAll(removeScratchDirs);

// Bundling the five handlers is the slow part (esbuild, a few seconds): build the app once.
let stacks: PhithakStacks;
let template: Template;
let outdir: string;

beforeAll(() => {
  const dir = scratchDir('stateless');
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Phithak</title>');
  const context = { gazetteerIndex: gazetteerFixture(dir), webDist: join(dir, 'dist'), smsSenderId: 'TESTID' };
  // Synthesis runs cdk-nag (registered by buildApp): an unacknowledged error throws here.
  const app = testApp(context);
  stacks = buildApp(app);
  template = Template.fromStack(stacks.stateless);
  outdir = app.outdir;
});

const functionKeys = Object.keys(FUNCTION_SPECS) as FunctionKey[];

function logicalId(construct: IConstruct): string {
  const resource = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(resource).getLogicalId(resource);
}

function resource(construct: IConstruct): { Properties: Record<string, any> } {
  return template.toJSON().Resources[logicalId(construct)];
}

function fnResource(key: FunctionKey) {
  return resource(stacks.stateless.backend.functions[key].fn);
}

describe('stateless stack: functions', () => {
  it.each(functionKeys)('%s runs Node.js 24 on arm64 with tracing, from its handler entry', (key) => {
    expect(fnResource(key).Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
    });
  });

  it.each(functionKeys)('%s gets every table name, the runtime settings and the retention', (key) => {
    const env = fnResource(key).Properties.Environment.Variables;
    for (const table of Object.keys(TABLES) as TableKey[]) expect(env[tableEnvName(table)]).toBeDefined();
    expect(env).toMatchObject({
      AUTH_MODE: 'cognito',
      GAZETTEER_INDEX: '/var/task/gazetteer-index.json',
      POWERTOOLS_SERVICE_NAME: `phithak-prod-${key}`,
      POWERTOOLS_METRICS_NAMESPACE: 'Phithak/prod',
      RETENTION_TIP_DAYS: '365',
      RETENTION_CONTACT_DAYS: '90',
      RETENTION_HOTSPOT_DAYS: '90',
      RETENTION_ALERT_DAYS: '180',
    });
    const cdnId = logicalId(stacks.stateless.hosting.distribution);
    expect(env.PUBLIC_BASE_URL).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [cdnId, 'DomainName'] }]] });
    if (FUNCTION_SPECS[key].sms !== 'none') expect(JSON.stringify(env.ALERT_DLQ_URL)).toContain('AlertDlq');
    if (FUNCTION_SPECS[key].sms === 'sender')
      expect(env).toMatchObject({ SMS_SENDER_ID: 'TESTID', SMS_PROVIDER: 'eum' });
    else expect(env.SMS_SENDER_ID).toBeUndefined();
  });

  it.each(functionKeys)('%s is bundled as ESM with a source map and the gazetteer index', (key) => {
    const asset = stacks.stateless.backend.functions[key].fn.node.findChild('Code') as s3assets.Asset;
    const dir = join(outdir, asset.assetPath);
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire as __phithakCreateRequire } from 'node:module';")).toBe(true);
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'gazetteer-index.json'), 'utf8'))).toEqual({ fixture: true });
  });

  it.each(functionKeys)('%s bundle loads as an ES module and exports handler', (key) => {
    const asset = stacks.stateless.backend.functions[key].fn.node.findChild('Code') as s3assets.Asset;
    // Lambda provides the AWS SDK (kept external); here it resolves from the repo's node_modules.
    if (!existsSync(join(outdir, 'node_modules')))
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(outdir, 'node_modules'));
    const probe = 'const m = await import(process.argv[1]); process.stdout.write(typeof m.handler);';
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', probe, join(outdir, asset.assetPath, 'index.mjs')],
      {
        env: { ...process.env, AWS_REGION: 'ap-southeast-1' },
        encoding: 'utf8',
      },
    );
    expect(out).toBe('function');
  });

  it('grants each function only the tables it uses', () => {
    const policyText = (key: FunctionKey) => {
      const role = stacks.stateless.backend.functions[key].role;
      const policy = role.node.tryFindChild('DefaultPolicy') as IConstruct;
      return JSON.stringify(resource(policy).Properties.PolicyDocument);
    };
    const tableId = (key: TableKey) => logicalId(stacks.stateful.tables[key]);
    for (const key of functionKeys) {
      const spec = FUNCTION_SPECS[key];
      const streams: TableKey[] = spec.streamSource ? [spec.streamSource] : [];
      const allowed = new Set<TableKey>([...spec.read, ...spec.readWrite, ...streams]);
      for (const table of Object.keys(TABLES) as TableKey[]) {
        expect(policyText(key).includes(tableId(table)), `${key} → ${table}`).toBe(allowed.has(table));
      }
    }
  });

  it('lets only the SMS senders call SendTextMessage, and nobody publish over SNS', () => {
    const senders = functionKeys.filter((key) => FUNCTION_SPECS[key].sms === 'sender');
    expect(senders.sort()).toEqual(['messageSender', 'optOutWorker']);
    for (const key of functionKeys) {
      const role = stacks.stateless.backend.functions[key].role;
      const text = JSON.stringify(resource(role.node.tryFindChild('DefaultPolicy') as IConstruct).Properties);
      expect(text.includes('sms-voice:SendTextMessage'), key).toBe(senders.includes(key));
      expect(text.includes('sns:Publish'), key).toBe(false);
    }
  });
});

describe('stateless stack: stream triggers and schedules', () => {
  const streamCases: Array<[FunctionKey, TableKey]> = [
    ['hotspotUpdater', 'tips'],
    ['alertDispatcher', 'hotspots'],
  ];

  it.each(streamCases)('%s consumes the %s stream with partial batch failures', (key, table) => {
    const fnId = logicalId(stacks.stateless.backend.functions[key].fn);
    const mappings = template.findResources('AWS::Lambda::EventSourceMapping', {
      Properties: { FunctionName: { Ref: fnId } },
    });
    const [mapping] = Object.values(mappings) as Array<{ Properties: Record<string, any> }>;
    expect(Object.keys(mappings)).toHaveLength(1);
    expect(mapping.Properties).toMatchObject({
      BatchSize: 50,
      MaximumBatchingWindowInSeconds: 2,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    expect(JSON.stringify(mapping.Properties.EventSourceArn)).toContain(logicalId(stacks.stateful.tables[table]));
  });

  it.each([
    ['hotspotUpdater', undefined],
    ['alertDispatcher', 'hs-'],
    ['optOutWorker', 'req#'],
  ] as Array<[FunctionKey, string | undefined]>)(
    '%s is invoked only for the records whose key begins with %s',
    (key, prefix) => {
      const fnId = logicalId(stacks.stateless.backend.functions[key].fn);
      const [mapping] = Object.values(
        template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FunctionName: { Ref: fnId } } }),
      ) as Array<{ Properties: Record<string, any> }>;
      const patterns = (mapping.Properties.FilterCriteria?.Filters ?? []).map((f: { Pattern: string }) =>
        JSON.parse(f.Pattern),
      );
      expect(patterns).toEqual(prefix ? [{ dynamodb: { Keys: { id: { S: [{ prefix }] } } } }] : []);
    },
  );

  it.each(['recompute', 'alertDigest'] as FunctionKey[])('%s runs every 15 minutes', (key) => {
    const fnId = logicalId(stacks.stateless.backend.functions[key].fn);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })]),
    });
  });

  it('encrypts every queue and refuses non-TLS access', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    // The alert DLQ, one failure queue per stream, the send queue and its DLQ, the async-invoke
    // failures, the schedule DLQ and the receipt-subscription DLQ.
    const expected = 1 + Object.keys(STREAM_TRIGGERS).length + 5;
    expect(Object.keys(queues)).toHaveLength(expected);
    for (const queue of Object.values(queues) as Array<{ Properties: Record<string, any> }>) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    }
    template.resourcePropertiesCountIs(
      'AWS::SQS::QueuePolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
      expected,
    );
  });
});

describe('stateless stack: HTTP API', () => {
  function methodProps(route: (typeof API_ROUTES)[number]): Record<string, any> {
    const api = stacks.stateless.httpApi.api;
    const apiResource = api.root.resourceForPath(route.path) as apigw.Resource;
    const method = apiResource.node.tryFindChild(route.method);
    expect(method, `${route.method} ${route.path}`).toBeDefined();
    return resource(method as IConstruct).Properties;
  }

  it.each(API_ROUTES.filter((r) => r.access === 'coordinator').map((r) => [r.method, r.path, r] as const))(
    'coordinator route %s %s needs the Cognito authorizer',
    (_method, _path, route) => {
      const props = methodProps(route);
      expect(props.AuthorizationType).toBe('COGNITO_USER_POOLS');
      expect(props.AuthorizerId).toEqual({ Ref: logicalId(stacks.stateless.httpApi.authorizer) });
    },
  );

  it.each(API_ROUTES.filter((r) => r.access === 'public').map((r) => [r.method, r.path, r] as const))(
    'public route %s %s has no authorizer',
    (_method, _path, route) => {
      const props = methodProps(route);
      expect(props.AuthorizationType).toBe('NONE');
      expect(props.AuthorizerId).toBeUndefined();
    },
  );

  it('matches the contract: who may call what', () => {
    const access = (method: string, path: string) =>
      API_ROUTES.find((route) => route.method === method && route.path === path)?.access;
    const publicRoutes = [
      'GET /api/health',
      'POST /api/tips',
      'GET /api/hotspots',
      'GET /api/zones/check',
      'GET /api/geocode',
    ];
    const coordinatorRoutes = [
      'GET /api/tips',
      'POST /api/volunteers',
      'POST /api/volunteers/{id}/opt-out',
      'GET /api/alerts',
    ];
    for (const route of publicRoutes) expect(access(...(route.split(' ') as [string, string])), route).toBe('public');
    for (const route of coordinatorRoutes) {
      expect(access(...(route.split(' ') as [string, string])), route).toBe('coordinator');
    }
  });

  it('proxies every route to the API function', () => {
    const apiFnId = logicalId(stacks.stateless.backend.functions.api.fn);
    for (const route of API_ROUTES) {
      const integration = methodProps(route).Integration;
      expect(integration.Type).toBe('AWS_PROXY');
      expect(JSON.stringify(integration.Uri)).toContain(apiFnId);
    }
  });

  it('validates the tip body and throttles the stage and tip intake', () => {
    const tipPost = methodProps(API_ROUTES.find((r) => r.method === 'POST' && r.path === '/api/tips')!);
    expect(tipPost.RequestValidatorId).toBeDefined();
    expect(tipPost.RequestModels?.['application/json']).toBeDefined();
    const zoneCheck = methodProps(API_ROUTES.find((r) => r.path === '/api/zones/check')!);
    expect(zoneCheck.RequestParameters).toEqual({
      'method.request.querystring.lat': true,
      'method.request.querystring.lon': true,
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      TracingEnabled: true,
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      MethodSettings: Match.arrayWith([
        Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 50 }),
        Match.objectLike({ HttpMethod: 'POST', ResourcePath: '/~1api~1tips', ThrottlingRateLimit: 10 }),
      ]),
    });
  });

  it('answers gateway-made errors in the contract error shape', () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'BAD_REQUEST_BODY',
      StatusCode: '400',
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('"error":\\{"code":"bad_request"') },
    });
  });
});

describe('stateless stack: web hosting', () => {
  it('serves the app over HTTPS from a private bucket and routes /api/* to the API', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' })],
      }),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({ StrictTransportSecurity: Match.objectLike({ Override: true }) }),
      }),
    });
    const site = resource(stacks.stateless.hosting.bucket).Properties;
    expect(site.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true, RestrictPublicBuckets: true });
    expect(site.LoggingConfiguration).toBeDefined();
  });

  it('uploads the built web app with a deploy-time runtime-config.json', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')) as any[];
    expect(deployments).toHaveLength(1);
    const props = deployments[0].Properties;
    expect(props.SourceObjectKeys).toHaveLength(2);
    expect(props.DistributionId).toEqual({ Ref: logicalId(stacks.stateless.hosting.distribution) });
    // The config's deploy-time values: region, user pool ID, web client ID and Cognito domain.
    const markers = JSON.stringify(props.SourceMarkers[1]);
    expect(markers).toContain(logicalId(stacks.stateful.userPool).slice(0, 20));
    expect(markers).toContain(logicalId(stacks.stateless.webClient.client).slice(0, 20));
  });
});

describe('cdk-nag', () => {
  it('leaves no unacknowledged AwsSolutions errors in any stack', () => {
    for (const stack of [stacks.stateful, stacks.edgeFirewall, stacks.stateless, stacks.edgeLogs]) {
      expect(nagErrors(stack), stack.stackName).toEqual([]);
    }
  });
});
