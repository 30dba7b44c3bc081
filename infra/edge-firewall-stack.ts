import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeFirewall } from './constructs/edge-firewall.js';
import type { InfraSettings } from './settings.js';

/** Props of {@link EdgeFirewallStack}. */
export interface EdgeFirewallStackProps extends StackProps {
  settings: InfraSettings;
}

/**
 * The CloudFront web ACL and its logs. A CLOUDFRONT-scope ACL must be created in us-east-1,
 * so it has a stack of its own there; the stateless stack reads its ARN (cross-region
 * reference), so this one is deployed first.
 */
export class EdgeFirewallStack extends Stack {
  readonly firewall: EdgeFirewall;

  constructor(scope: Construct, id: string, props: EdgeFirewallStackProps) {
    super(scope, id, props);
    const { settings } = props;
    this.firewall = new EdgeFirewall(this, 'Firewall', {
      stage: settings.stage,
      requestsPer5MinPerIp: settings.wafRequestsPer5MinPerIp,
      integratorRequestsPer5MinPerIp: settings.wafRequestsPer5MinPerIp * 10,
    });
  }
}
