// Test-only: one step of a user's life, driven by the real amazon-cognito-identity-js against the
// user pool at $IDENTITY_ENDPOINT ($USER_POOL_ID, app client $CLIENT_ID). Prints one JSON object;
// a Cognito error exits 1 with {"error": {"code", "message"}}.
//   node cognito-user.js sign-up <username> <email> <password>
//   node cognito-user.js confirm <username> <code>
//   node cognito-user.js sign-in <username> <password>      (USER_SRP_AUTH, the library's default)
'use strict';

const {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
} = require('amazon-cognito-identity-js');

const pool = new CognitoUserPool({
  UserPoolId: process.env.USER_POOL_ID,
  ClientId: process.env.CLIENT_ID,
  endpoint: process.env.IDENTITY_ENDPOINT,
});

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

function failed(err) {
  process.stdout.write(JSON.stringify({ error: { code: err.code || err.name, message: err.message } }) + '\n');
  process.exit(1);
}

function user(username) {
  return new CognitoUser({ Username: username, Pool: pool });
}

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'sign-up': {
    const [username, email, password] = args;
    const attributes = [
      new CognitoUserAttribute({ Name: 'email', Value: email }),
      new CognitoUserAttribute({ Name: 'given_name', Value: 'Ada' }),
      new CognitoUserAttribute({ Name: 'family_name', Value: 'Lovelace' }),
    ];
    pool.signUp(username, password, attributes, null, (err, result) =>
      err ? failed(err) : done({ userConfirmed: result.userConfirmed, userSub: result.userSub,
        delivery: result.codeDeliveryDetails }));
    break;
  }
  case 'confirm': {
    const [username, code] = args;
    user(username).confirmRegistration(code, true, (err, result) => (err ? failed(err) : done({ result })));
    break;
  }
  case 'sign-in': {
    const [username, password] = args;
    const cognitoUser = user(username);
    cognitoUser.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: (session) =>
        done({
          idToken: session.getIdToken().getJwtToken(),
          accessToken: session.getAccessToken().getJwtToken(),
          refreshToken: session.getRefreshToken().getToken(),
          sub: session.getIdToken().payload.sub,
          username: cognitoUser.getUsername(),
        }),
      onFailure: failed,
    });
    break;
  }
  default:
    failed({ code: 'Usage', message: 'unknown command ' + command });
}
