'use strict';
// bench/oauth.sh: the browser sign-in round trip. An administrator creates one confirmed user
// (AWS CLI: AdminCreateUser, then AdminInitiateAuth + AdminRespondToAuthChallenge NEW_PASSWORD_REQUIRED
// with the pool's server client, SERVER_CLIENT_ID); then RUNS times: index-service's "Sign in" -> the hosted page -> fill the form -> clock starts at
// the submit click -> stops when index-service's page greets the user. Cookies are cleared before
// each run. Prints p50/p90/min/max.
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const env = process.env;
const INDEX = env.INDEX_URL.replace(/\/$/, '');
const RUNS = Number(env.RUNS || '20');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The administrator's credentials only: no profile or session token of the caller's. */
function adminEnv() {
  const copy = { ...env, AWS_ACCESS_KEY_ID: env.ADMIN_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: env.ADMIN_SECRET_ACCESS_KEY, AWS_PAGER: '' };
  for (const name of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN']) delete copy[name];
  return copy;
}

function aws(...args) {
  return JSON.parse(execFileSync('aws', ['cognito-idp', ...args, '--endpoint-url', env.IDENTITY_URL,
    '--region', env.AWS_REGION, '--user-pool-id', env.USER_POOL_ID, '--output', 'json'], {
    env: adminEnv(), stdio: ['ignore', 'pipe', 'inherit'] }).toString() || '{}');
}

async function main() {
  const user = 'bench-' + Date.now().toString(36);
  aws('admin-create-user', '--username', user, '--message-action', 'SUPPRESS',
    '--temporary-password', 'Temporary-Pass-1', '--user-attributes',
    `Name=email,Value=${user}@example.com`, 'Name=email_verified,Value=true', 'Name=given_name,Value=Bench',
    'Name=family_name,Value=Mark');
  // The first sign-in sets the permanent password (AdminInitiateAuth -> NEW_PASSWORD_REQUIRED).
  const auth = aws('admin-initiate-auth', '--client-id', env.SERVER_CLIENT_ID, '--auth-flow',
    'ADMIN_USER_PASSWORD_AUTH', '--auth-parameters', `USERNAME=${user},PASSWORD=Temporary-Pass-1`);
  aws('admin-respond-to-auth-challenge', '--client-id', env.SERVER_CLIENT_ID, '--challenge-name',
    'NEW_PASSWORD_REQUIRED', '--session', auth.Session, '--challenge-responses',
    `USERNAME=${user},NEW_PASSWORD=Bench-Horse-1`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const times = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      await context.clearCookies(); // signed out on both sides: every run signs in afresh
      const page = await context.newPage();
      await page.goto(INDEX + '/signin');
      await page.locator('input[name="username"]').fill(user);
      await page.locator('input[name="password"]').fill('Bench-Horse-1');
      const started = process.hrtime.bigint();
      await page.locator('form button[type=submit]').first().click();
      await page.getByText('Hello, Bench').waitFor({ timeout: 30000 });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (run > 0) times.push(ms); // the first one warms the browser and the JITs
      await page.close();
    }
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  console.log(`browser sign-in round trip (${times.length} runs, after 1 warm-up): p50 ${at(0.5).toFixed(0)} ms`
    + `  p90 ${at(0.9).toFixed(0)} ms  min ${times[0].toFixed(0)} ms  max ${times[times.length - 1].toFixed(0)} ms`);
}

main().catch((e) => { process.stderr.write(String(e.stack || e) + '\n'); process.exit(1); });
