import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { config } from '../lib/config';
import { AppError, RateLimitedError, UnauthenticatedError, UnavailableError, ValidationError } from '../lib/errors';
import type { Tokens } from '../lib/session';
import { traced } from '../lib/tracing';

/**
 * Cognito, called exactly as in AWS; locally the same SDK calls go to cognito-local. The SDK is
 * loaded on the first account call and the client kept for the execution environment.
 */
type Sdk = typeof import('@aws-sdk/client-cognito-identity-provider');
let loaded: Promise<{ sdk: Sdk; client: CognitoIdentityProviderClient }> | undefined;

function idp(): Promise<{ sdk: Sdk; client: CognitoIdentityProviderClient }> {
  loaded ??= import('@aws-sdk/client-cognito-identity-provider').then(async (sdk) => ({
    sdk,
    client: await traced(
      new sdk.CognitoIdentityProviderClient({
        region: config.AWS_REGION,
        ...(config.COGNITO_ENDPOINT
          ? { endpoint: config.COGNITO_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
          : {}),
        maxAttempts: 2,
      }),
    ),
  }));
  return loaded;
}

const clientId = config.USER_POOL_CLIENT_ID;

/** Cognito's exceptions, as the contract's errors. Wrong password and unknown email look the same. */
function mapError(e: unknown): never {
  const name = e instanceof Error ? e.name : '';
  switch (name) {
    case 'InvalidPasswordException':
      throw new ValidationError('Choose a stronger password.', [{ path: 'password', code: 'weak_password', message: 'Not accepted.' }]);
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      throw new UnauthenticatedError('The email or password is not right.', 'wrong_credentials');
    case 'UserNotConfirmedException':
      throw new AppError(403, 'forbidden', 'Confirm your email address with the code we sent before signing in.', [
        { path: 'email', code: 'unconfirmed', message: 'Not confirmed yet.' },
      ]);
    case 'CodeMismatchException':
    case 'ExpiredCodeException':
      throw new ValidationError('The code is not right or has expired.', [{ path: 'code', code: 'wrong_code', message: 'Not accepted.' }]);
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      throw new RateLimitedError(60);
    case 'InvalidParameterException':
      throw new ValidationError('Cognito refused the request.', [{ path: '', code: 'invalid_value', message: 'Invalid parameter.' }]);
    default:
      if (e instanceof AppError) throw e;
      throw new UnavailableError();
  }
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    mapError(e);
  }
}

/**
 * A new account, confirmed at once in local mode. A taken address is no error here: the caller
 * answers both alike, so that nobody learns whether an address belongs to the network.
 */
export async function signUp(email: string, password: string): Promise<'created' | 'taken'> {
  try {
    await idp().then(({ sdk, client }) =>
      client.send(
        new sdk.SignUpCommand({
          ClientId: clientId,
          Username: email,
          Password: password,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      ),
    );
  } catch (e) {
    if (e instanceof Error && e.name === 'UsernameExistsException') return 'taken';
    mapError(e);
  }
  if (config.LOCAL_MODE) {
    // Local mode has no mail: the account is confirmed at once (documented in the README).
    await call(() =>
      idp().then(({ sdk, client }) => client.send(new sdk.AdminConfirmSignUpCommand({ UserPoolId: config.USER_POOL_ID, Username: email }))),
    );
  }
  return 'created';
}

export async function confirm(email: string, code: string): Promise<void> {
  await call(() =>
    idp().then(({ sdk, client }) =>
      client.send(new sdk.ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code })),
    ),
  );
}

function tokensOf(r: { AccessToken?: string; IdToken?: string; RefreshToken?: string; ExpiresIn?: number } | undefined): Tokens {
  if (!r?.AccessToken || !r.IdToken) throw new UnauthenticatedError('Additional sign-in steps are required.', 'more_steps_required');
  return { accessToken: r.AccessToken, idToken: r.IdToken, refreshToken: r.RefreshToken, expiresIn: r.ExpiresIn ?? 900 };
}

/** A sign-in that needs the code from her authenticator app: Cognito's session for the next step and her user name. */
export type TotpChallenge = { session: string; username: string };

/** Her tokens, or the authenticator-code step when she turned two-step sign-in on. */
export type SignInResult = { tokens: Tokens } | { totp: TotpChallenge };

export async function signIn(email: string, password: string): Promise<SignInResult> {
  const res = await call(() =>
    idp()
      .then(({ sdk, client }) =>
        client.send(
          new sdk.InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: email, PASSWORD: password },
          }),
        ),
      )
      .catch((e: unknown) => {
        // cognito-local answers a wrong password with InvalidPasswordException; Cognito with
        // NotAuthorizedException. Either way it is the same 401 as an unknown email.
        if (e instanceof Error && e.name === 'InvalidPasswordException')
          throw new UnauthenticatedError('The email or password is not right.', 'wrong_credentials');
        throw e;
      }),
  );
  if (res.ChallengeName === 'SOFTWARE_TOKEN_MFA' && res.Session) {
    return { totp: { session: res.Session, username: res.ChallengeParameters?.USER_ID_FOR_SRP ?? email } };
  }
  return { tokens: tokensOf(res.AuthenticationResult) };
}

/** The second step of a two-step sign-in: the code from her authenticator app. A wrong code is a 400 on `code`. */
export async function answerTotp(challenge: TotpChallenge, code: string): Promise<Tokens> {
  const res = await call(() =>
    idp().then(({ sdk, client }) =>
      client.send(
        new sdk.RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: challenge.session,
          ChallengeResponses: { USERNAME: challenge.username, SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      ),
    ),
  );
  return tokensOf(res.AuthenticationResult);
}

/**
 * Asks Cognito to email a password-reset code. An address without an account is no error:
 * the answer never says whether an account exists (in AWS the app client prevents user
 * existence errors; cognito-local does not, so its "not found" is swallowed here).
 */
export async function sendResetCode(email: string): Promise<void> {
  try {
    await idp().then(({ sdk, client }) => client.send(new sdk.ForgotPasswordCommand({ ClientId: clientId, Username: email })));
  } catch (e) {
    if (e instanceof Error && (e.name === 'UserNotFoundException' || e.name === 'InvalidParameterException')) return;
    mapError(e);
  }
}

/** Sets a new password with the emailed code. An unknown address answers like a wrong code. */
export async function resetPassword(email: string, code: string, password: string): Promise<void> {
  await call(() =>
    idp()
      .then(({ sdk, client }) =>
        client.send(
          new sdk.ConfirmForgotPasswordCommand({ ClientId: clientId, Username: email, ConfirmationCode: code, Password: password }),
        ),
      )
      .catch((e: unknown) => {
        if (e instanceof Error && e.name === 'UserNotFoundException') {
          throw new ValidationError('The code is not right or has expired.', [
            { path: 'code', code: 'wrong_code', message: 'Not accepted.' },
          ]);
        }
        throw e;
      }),
  );
}

/**
 * Changes her password with her access token. A wrong current password is a 400 on
 * `currentPassword` (Cognito says NotAuthorized; cognito-local InvalidPassword, which for us can
 * only mean that: the API checked the new password before calling).
 */
export async function changePassword(accessToken: string, current: string, next: string): Promise<void> {
  await call(() =>
    idp()
      .then(({ sdk, client }) =>
        client.send(new sdk.ChangePasswordCommand({ AccessToken: accessToken, PreviousPassword: current, ProposedPassword: next })),
      )
      .catch((e: unknown) => {
        if (e instanceof Error && (e.name === 'NotAuthorizedException' || e.name === 'InvalidPasswordException')) {
          throw new ValidationError('The current password is not right.', [
            { path: 'currentPassword', code: 'wrong_password', message: 'Not right.' },
          ]);
        }
        throw e;
      }),
  );
}

/** Whether her account asks for an authenticator code at sign-in. */
export async function totpEnabled(accessToken: string): Promise<boolean> {
  const res = await call(() => idp().then(({ sdk, client }) => client.send(new sdk.GetUserCommand({ AccessToken: accessToken }))));
  return (res.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
}

/** A new authenticator secret for her account (base32); it counts once she confirms a code made from it. */
export async function startTotp(accessToken: string): Promise<string> {
  const res = await call(() =>
    idp().then(({ sdk, client }) => client.send(new sdk.AssociateSoftwareTokenCommand({ AccessToken: accessToken }))),
  );
  if (!res.SecretCode) throw new UnavailableError();
  return res.SecretCode;
}

/** Confirms the new secret with a code made from it, then makes the code required at every sign-in. */
export async function confirmTotp(accessToken: string, code: string): Promise<void> {
  await call(() =>
    idp().then(({ sdk, client }) =>
      client.send(new sdk.VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'Authenticator' })),
    ),
  );
  await setTotp(accessToken, true);
}

/** Turns the authenticator code at sign-in on or off. */
export async function setTotp(accessToken: string, enabled: boolean): Promise<void> {
  await call(() =>
    idp().then(({ sdk, client }) =>
      client.send(
        new sdk.SetUserMFAPreferenceCommand({
          AccessToken: accessToken,
          SoftwareTokenMfaSettings: { Enabled: enabled, PreferredMfa: enabled },
        }),
      ),
    ),
  );
}

export async function refresh(refreshToken: string): Promise<Tokens> {
  const res = await call(() =>
    idp().then(({ sdk, client }) =>
      client.send(
        new sdk.InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      ),
    ),
  );
  return tokensOf(res.AuthenticationResult);
}

/** Revokes the refresh token (and with it the tokens it issued). An unknown token is not an error. */
export async function revoke(refreshToken: string): Promise<void> {
  try {
    await idp().then(({ sdk, client }) => client.send(new sdk.RevokeTokenCommand({ ClientId: clientId, Token: refreshToken })));
  } catch (e) {
    if (e instanceof Error && (e.name === 'NotAuthorizedException' || e.name === 'UnsupportedTokenTypeException')) return;
    mapError(e);
  }
}

/** Deletes the signed-in user's own account with her access token (no admin rights needed). */
export async function deleteOwnUser(accessToken: string): Promise<void> {
  await call(() => idp().then(({ sdk, client }) => client.send(new sdk.DeleteUserCommand({ AccessToken: accessToken }))));
}

/**
 * The account id (`sub`) of an address, or undefined when it has no account. For the mailer only
 * (the owner of a taken address is written to in her own language): it needs
 * `cognito-idp:AdminGetUser`, which no API function has.
 */
export async function accountIdOfAddress(email: string): Promise<string | undefined> {
  try {
    const { sdk, client } = await idp();
    const user = await client.send(new sdk.AdminGetUserCommand({ UserPoolId: config.USER_POOL_ID, Username: email }));
    return user.UserAttributes?.find((a) => a.Name === 'sub')?.Value ?? user.Username;
  } catch (e) {
    if (e instanceof Error && e.name === 'UserNotFoundException') return undefined;
    throw e;
  }
}
