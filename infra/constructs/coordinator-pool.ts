import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** The group whose members the API treats as coordinators (`cognito:groups`, functions/api/auth.ts). */
export const COORDINATOR_GROUP = 'coordinators';

/** Props of {@link CoordinatorPool}. */
export interface CoordinatorPoolProps {
  /** Hosted-UI domain prefix (`<prefix>.auth.<region>.amazoncognito.com`), stage-aware. */
  domainPrefix: string;
}

/**
 * Coordinators' sign-in. Accounts are created by an administrator only (no self sign-up:
 * coordinators read tip text and exact locations), TOTP MFA is required, passwords are
 * long, and the Plus tier's threat protection blocks compromised credentials. Only members of
 * the `coordinators` group may use the coordinator routes; the hosted UI lives on the domain.
 * The web client is in the stateless stack (its callback URL is the CloudFront domain).
 */
export class CoordinatorPool extends Construct {
  /** The user pool whose ID tokens the API's Cognito authorizer accepts. */
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly group: cognito.CfnUserPoolGroup;

  constructor(scope: Construct, id: string, props: CoordinatorPoolProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.REQUIRED,
      // TOTP only: SMS codes would go to phones that may be lost or watched.
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.group = new cognito.CfnUserPoolGroup(this, 'CoordinatorsGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: COORDINATOR_GROUP,
      description: 'Coordinators: read tips, manage volunteers, see every SMS',
    });
    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }
}
