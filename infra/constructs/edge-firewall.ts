import { RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** Where trusted integrators post; their quota is their usage plan, not the per-viewer rule. */
export const INTEGRATIONS_PATH = '/api/integrations/';

/** Props of {@link EdgeFirewall}. */
export interface EdgeFirewallProps {
  stage: string;
  /** Requests per viewer IP per 5 minutes before the IP is blocked (people). */
  requestsPer5MinPerIp: number;
  /** The same for integration endpoints (a gateway is many people; its API key's plan meters it). */
  integratorRequestsPer5MinPerIp: number;
}

/** Headers that carry the client's address, redacted in WAF logs. */
export const REDACTED_HEADERS = ['x-forwarded-for', 'cloudfront-viewer-address', 'true-client-ip', 'x-real-ip'];

function managedRule(name: string, priority: number, overrides: string[] = []): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
      },
    },
    visibilityConfig: { sampledRequestsEnabled: false, cloudWatchMetricsEnabled: true, metricName: name },
  };
}

const integrations = {
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: INTEGRATIONS_PATH,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
};

function rateRule(name: string, priority: number, limit: number, scope: wafv2.CfnWebACL.StatementProperty) {
  return {
    name,
    priority,
    action: { block: {} },
    // At CloudFront, IP is the viewer's own address: no header a client can set or leave out.
    statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP', scopeDownStatement: scope } },
    visibilityConfig: { sampledRequestsEnabled: false, cloudWatchMetricsEnabled: true, metricName: name },
  };
}

/**
 * The CloudFront web ACL (scope CLOUDFRONT, so in us-east-1): a rate limit per viewer address
 * (a flood of fake tips is the cheapest attack on a crowd-sourced map), a looser one on the
 * integrations path, and AWS's common and known-bad-input rule groups (the body-size rule only
 * counts: a 5,000-character Thai tip is ~15 KB of UTF-8). Sampled requests are off (they show
 * client IPs); logs keep blocked requests only, with the address headers and query redacted
 * and IP addresses masked in the log group.
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    this.webAcl = new wafv2.CfnWebACL(this, 'Acl', {
      name: `phithak-${props.stage}-edge`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: { sampledRequestsEnabled: false, cloudWatchMetricsEnabled: true, metricName: 'phithak-edge' },
      rules: [
        rateRule('rate-per-viewer', 0, props.requestsPer5MinPerIp, { notStatement: { statement: integrations } }),
        rateRule('rate-per-integrator-address', 1, props.integratorRequestsPer5MinPerIp, integrations),
        managedRule('AWSManagedRulesCommonRuleSet', 2, ['SizeRestrictions_BODY']),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });
    this.logGroup = this.logging(props.stage);
  }

  private logging(stage: string): logs.LogGroup {
    // WAF requires the `aws-waf-logs-` prefix.
    const group = new logs.LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-phithak-${stage}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
      // WAF logs always hold `httpRequest.clientIp`; this masks every IP address in the group.
      dataProtectionPolicy: new logs.DataProtectionPolicy({
        name: 'phithak-mask-ip',
        identifiers: [logs.DataIdentifier.IPADDRESS],
      }),
    });
    const config = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [group.logGroupArn],
      redactedFields: [{ queryString: {} }, ...REDACTED_HEADERS.map((name) => ({ singleHeader: { Name: name } }))],
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }],
          },
        ],
      },
    });
    config.node.addDependency(group);
    return group;
  }
}
