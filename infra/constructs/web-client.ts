import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Props of {@link WebClient}. */
export interface WebClientProps {
  userPool: cognito.IUserPool;
  /** `https://<cloudfront domain>`: the console lives at `/coordinator` there. */
  webOrigin: string;
}

/**
 * The web app's user pool client for the hosted UI: a public client (no secret) using the
 * authorization-code grant, with PKCE done by the app, returning to and signing out at
 * `/coordinator`. Short-lived tokens: a lost phone is signed out within a day.
 */
export class WebClient extends Construct {
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: WebClientProps) {
    super(scope, id);
    const console = `${props.webOrigin}/coordinator`;
    this.client = new cognito.UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [console],
        logoutUrls: [console],
      },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
  }
}
