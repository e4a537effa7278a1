// Test-only: the federated-identity chain as a browser or Node app writes it against AWS. The
// user-pool ID token ($ID_TOKEN) becomes identity-pool credentials through the JS SDK v3's
// fromCognitoIdentityPool ($IDENTITY_ENDPOINT, $IDENTITY_POOL_ID, provider $LOGIN_PROVIDER), and
// aws4 signs calls to stores-service's /profiles/<identityId> ($STORES_ENDPOINT) with them.
// Prints one JSON object: {identityId, accessKeyId, expiration, calls: [{path, method, status, body}]}.
//   node identity-pool.js <displayName> [otherIdentityId]
'use strict';

const { fromCognitoIdentityPool } = require('@aws-sdk/credential-providers');
const aws4 = require('aws4');

async function signed(credentials, method, path, body) {
  const url = new URL(process.env.STORES_ENDPOINT);
  const request = aws4.sign(
    {
      host: url.host,
      path,
      method,
      service: 'execute-api',
      region: process.env.REGION || 'us-east-1',
      headers: body ? { 'content-type': 'application/json' } : {},
      body,
    },
    {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
  );
  const response = await fetch(url.origin + path, { method, headers: request.headers, body });
  return { path, method, status: response.status, body: await response.text() };
}

async function main() {
  const [displayName, other] = process.argv.slice(2);
  const provider = fromCognitoIdentityPool({
    identityPoolId: process.env.IDENTITY_POOL_ID,
    logins: { [process.env.LOGIN_PROVIDER]: process.env.ID_TOKEN },
    clientConfig: { region: process.env.REGION || 'us-east-1', endpoint: process.env.IDENTITY_ENDPOINT },
  });
  const credentials = await provider();
  const own = '/profiles/' + credentials.identityId;
  const calls = [
    await signed(credentials, 'PUT', own, JSON.stringify({ displayName })),
    await signed(credentials, 'GET', own),
  ];
  if (other) {
    calls.push(await signed(credentials, 'GET', '/profiles/' + other));
  }
  process.stdout.write(
    JSON.stringify({
      identityId: credentials.identityId,
      accessKeyId: credentials.accessKeyId,
      expiration: credentials.expiration,
      calls,
    }) + '\n',
  );
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ error: { code: err.name, message: err.message } }) + '\n');
  process.exit(1);
});
