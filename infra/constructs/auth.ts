import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Cognito group whose members may moderate and run the network (read from `cognito:groups`). */
export const BOARD_GROUP_NAME = 'board';

/**
 * The member directory: a Cognito user pool, the `board` group and the one app client the API
 * signs users in with.
 *
 * The browser never talks to Cognito. The API calls the public Cognito APIs on the member's
 * behalf (USER_PASSWORD_AUTH) and keeps the tokens in HttpOnly cookies, so the client has no
 * secret, no OAuth/hosted UI, and short-lived tokens.
 */
export interface AuthProps {
  /**
   * Sends the pool's codes through SES from the network's neutral sender instead of Cognito's
   * own address (a few dozen a day at most, and a `no-reply@verificationemail.com` sender).
   * @default Cognito's default email
   */
  readonly ses?: { readonly fromEmail: string; readonly domain: string };
  /** `false` (a dev stage only) lets `cdk destroy` delete the pool and its accounts. @default true */
  readonly retain?: boolean;
}

/**
 * What the pool's codes say: nothing about the network, so a code in a shared inbox gives no
 * member away (issue 13). The same template serves sign-up and forgotten passwords.
 */
export const VERIFICATION_EMAIL = { subject: 'Your code', body: 'Your code is {####}' } as const;
/** The display name of every email the network sends: neutral (issue 13). */
export const NEUTRAL_SENDER_NAME = 'CN';

export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps = {}) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Email is the username: members know their email, not a handle.
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      userVerification: {
        emailStyle: cognito.VerificationEmailStyle.CODE,
        emailSubject: VERIFICATION_EMAIL.subject,
        emailBody: VERIFICATION_EMAIL.body,
      },
      email: props.ses
        ? cognito.UserPoolEmail.withSES({
            fromEmail: props.ses.fromEmail,
            fromName: NEUTRAL_SENDER_NAME,
            sesVerifiedDomain: props.ses.domain,
          })
        : undefined,
      // A changed email only replaces the old one once the new one is verified, so a typo or a
      // hijacked session cannot move the account to an address nobody controls.
      keepOriginal: { email: true },
      // NIST SP 800-63B: length plus a blocklist, no composition rules. The API refuses common
      // and breached-style passwords (zxcvbn common list) before calling SignUp.
      passwordPolicy: {
        minLength: 12,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
      },
      // TOTP only: SMS codes can be SIM-swapped and cost money per message.
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: props.retain ?? true,
      // Member accounts cannot be recreated from code: keep them if the stack goes away.
      removalPolicy: (props.retain ?? true) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG1',
      reason:
        'Composition rules (upper case, digits, symbols) are deliberately off, following NIST SP 800-63B ' +
        'section 5.1.1.2: the pool requires at least 12 characters and the API rejects passwords found in ' +
        'the zxcvbn common-password list, which resists guessing better than composition rules do.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP only, never SMS) so that members can join without an authenticator app; any ' +
        'member turns it on in the app (Settings), and board members are reminded on every board page until ' +
        'they do. Password guessing is contained by the 12-character minimum, the common-password check and ' +
        'the per-email sign-in failure limit in the API, which also counts wrong codes.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus tier adaptive authentication scores the caller IP, but every sign-in reaches Cognito from ' +
        'the API Lambda (no client secret, so user context data cannot be propagated), which would make ' +
        'its risk scores meaningless. The API instead throttles sign-in failures per email and sign-ups per ' +
        'address and refuses common passwords. Revisit if sign-in moves to a confidential client.',
    });

    new cognito.CfnUserPoolGroup(this, 'BoardGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: BOARD_GROUP_NAME,
      description: 'Board members: moderation and network administration.',
    });

    this.userPoolClient = this.userPool.addClient('WebClient', {
      authFlows: { userPassword: true },
      generateSecret: false,
      // No hosted UI and no OAuth redirects: without this CDK enables the implicit grant with a
      // placeholder callback URL.
      disableOAuth: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      // Unknown emails and wrong passwords look the same, so sign-in cannot enumerate members.
      preventUserExistenceErrors: true,
      // Lets sign-out revoke the refresh token (RevokeToken) instead of waiting for it to expire.
      enableTokenRevocation: true,
      // A stolen access token is useful for at most 15 minutes; the API refreshes silently.
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(30),
    });
  }
}
