// Drives identity-service with the npm openid-client package, as an app would: discovery, the
// authorization-code flow with PKCE (fetch plays the browser on the sign-in form, no JavaScript)
// and client_credentials. Every token is verified against the pool's JWKS with jose.
// Input (env): ISSUER, CLIENT_ID, CALLBACK, USERNAME, PASSWORD, MACHINE_ID, MACHINE_SECRET, SCOPE.
// Output: one JSON object with the verified claims.
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const env = process.env;
const insecure = { execute: [client.allowInsecureRequests] };

// A minimal cookie jar for the hosted pages.
const jar = new Map();
async function browse(url, init = {}) {
  const headers = { ...(init.headers || {}) };
  if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';');
    const [name, value] = pair.split('=');
    if (attributes.some((a) => /max-age=0/i.test(a.trim()))) jar.delete(name.trim());
    else jar.set(name.trim(), value);
  }
  return response;
}

const config = await client.discovery(new URL(env.ISSUER), env.CLIENT_ID, undefined, client.None(), insecure);
const metadata = config.serverMetadata();
const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri));

const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const authorize = client.buildAuthorizationUrl(config, {
  redirect_uri: env.CALLBACK,
  scope: env.SCOPE,
  code_challenge: await client.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  state,
  nonce,
});

const toLogin = await browse(authorize);
if (toLogin.status !== 302) throw new Error(`authorize answered ${toLogin.status}`);
const loginUrl = new URL(toLogin.headers.get('location'), authorize);
const page = await browse(loginUrl);
const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
const posted = await browse(loginUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: csrf, username: env.USERNAME, password: env.PASSWORD }),
});
if (posted.status !== 302) throw new Error(`sign-in answered ${posted.status}: ${await posted.text()}`);
const callback = new URL(posted.headers.get('location'));

const tokens = await client.authorizationCodeGrant(config, callback, {
  pkceCodeVerifier: verifier,
  expectedState: state,
  expectedNonce: nonce,
  idTokenExpected: true,
});
const id = await jwtVerify(tokens.id_token, jwks, { issuer: metadata.issuer, audience: env.CLIENT_ID });
const access = await jwtVerify(tokens.access_token, jwks, { issuer: metadata.issuer });
const userInfo = await client.fetchUserInfo(config, tokens.access_token, tokens.claims().sub);
const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);

const machine = await client.discovery(new URL(env.ISSUER), env.MACHINE_ID, env.MACHINE_SECRET, client.ClientSecretBasic(env.MACHINE_SECRET), insecure);
const machineTokens = await client.clientCredentialsGrant(machine, { scope: 'https://orders.example.com/read' });
const machineAccess = await jwtVerify(machineTokens.access_token, jwks, { issuer: metadata.issuer });

let wrongSecret;
try {
  const wrong = await client.discovery(new URL(env.ISSUER), env.MACHINE_ID, 'not-the-secret-0123456789', client.ClientSecretBasic('not-the-secret-0123456789'), insecure);
  await client.clientCredentialsGrant(wrong, { scope: 'https://orders.example.com/read' });
  wrongSecret = 'accepted';
} catch (e) {
  wrongSecret = `${e.error ?? e.code}:${e.status ?? ''}`;
}

console.log(JSON.stringify({
  id: id.payload,
  idHeader: id.protectedHeader,
  access: access.payload,
  userInfo,
  refreshedIdClaims: refreshed.claims(),
  machine: machineAccess.payload,
  wrongSecret,
}));
