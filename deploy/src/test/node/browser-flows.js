'use strict';
// The seed's flows in a real browser: Debian's Chromium driven by playwright-core, against the suite
// the launcher started. Prints one JSON line per step ({"step","ok","shot","ms"}) and a last line
// {"done":true}; exits non-zero at the first failed step (its screenshot is still taken).
//
// Environment: INDEX_URL, POP3_PORT, SHOTS_DIR, IDENTITY_URL, USER_POOL_ID, AWS_REGION,
// ADMIN_ACCESS_KEY_ID, ADMIN_SECRET_ACCESS_KEY (AdminCreateUser through the AWS CLI),
// CODE_VALIDITY_SECONDS (the suite's sign-up code validity, for the expired-code step).
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const pop3 = require('./pop3');

const env = process.env;
const INDEX = env.INDEX_URL.replace(/\/$/, '');
const POP3 = Number(env.POP3_PORT);
const SHOTS = env.SHOTS_DIR;
const VALIDITY_MS = Number(env.CODE_VALIDITY_SECONDS || '0') * 1000;
const RUN = Date.now().toString(36);
const PASSWORD = 'Correct-Horse-1';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The administrator's credentials only: no profile or session token of the caller's. */
function adminEnv() {
  const copy = { ...env, AWS_ACCESS_KEY_ID: env.ADMIN_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: env.ADMIN_SECRET_ACCESS_KEY, AWS_PAGER: '' };
  for (const name of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN']) delete copy[name];
  return copy;
}

let shotNumber = 0;
function report(entry) { process.stdout.write(JSON.stringify(entry) + '\n'); }

async function step(name, page, action) {
  const started = Date.now();
  let failure = null;
  try {
    await action();
  } catch (e) {
    failure = e;
  }
  shotNumber += 1;
  const shot = path.join(SHOTS, String(shotNumber).padStart(2, '0') + '-' + name + '.png');
  try { await page.screenshot({ path: shot, fullPage: true }); } catch (e) { /* page gone */ }
  report({ step: name, ok: failure === null, shot, ms: Date.now() - started,
    url: safeUrl(page), error: failure ? String(failure.stack || failure) : undefined });
  if (failure) throw failure;
}

function safeUrl(page) {
  try { return page.url().replace(/([?&](code|state)=)[^&]+/g, '$1…'); } catch (e) { return ''; }
}

async function text(page) { return page.locator('body').innerText(); }

async function expectText(page, pattern, what) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const body = await text(page);
    if (pattern.test(body)) return body;
    if (Date.now() > deadline) throw new Error(what + ': ' + pattern + ' not on ' + page.url() + ':\n' + body.slice(0, 600));
    await page.waitForTimeout(200);
  }
}

async function submit(page) {
  await Promise.all([page.waitForEvent('load'), page.locator('form button[type=submit]').first().click()]);
}

async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) {
    await page.locator(`input[name="${name}"]`).fill(value);
  }
}

/**
 * The public page, reloaded while it answers 503 (a cold stores-service can miss index-service's
 * 1 s read timeout on its very first requests; a person would press "Try again").
 */
async function openIndex(page) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const response = await page.goto(INDEX + '/');
    if (response.status() !== 503 || Date.now() > deadline) return response;
    await page.waitForTimeout(1000);
  }
}

async function browser() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: ARGS, viewport: { width: 1100, height: 900 },
  });
  context.setDefaultTimeout(20000);
  const close = async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); };
  return { context, page: context.pages()[0] || await context.newPage(), close };
}

async function signUp(page, user) {
  await openIndex(page);
  await Promise.all([page.waitForEvent('load'), page.click('#sign-up')]);
  await page.locator('input[name="username"]').waitFor();
  const seen = (await pop3.messages(POP3, user.email)).length;
  await fill(page, { username: user.username, email: user.email, given_name: user.given,
    family_name: user.family, password: PASSWORD });
  await submit(page);
  return seen;
}

async function confirmWithMailedCode(page, user, seen) {
  const { code } = await pop3.newCode(POP3, user.email, seen);
  await page.locator('input[name="code"]').fill(code);
  await submit(page);
}

async function signIn(page, username, password) {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await submit(page);
}

/**
 * Signed in: search (no token in the page), order from a store card, a forged order without the
 * CSRF token refused, the order's notification, sign out, and a protected page asks to sign in.
 */
async function signedInTour(page) {
  await step('search', page, async () => {
    await page.locator('input[name="q"]').fill('cafe');
    await Promise.all([page.waitForEvent('load'), page.locator('form[role=search] button').click()]);
    await expectText(page, /stores? match/, 'search results');
    if (await page.locator('li[data-store-id] form.order').count() === 0) throw new Error('no order form on the cards');
    // Tokens stay on the server: no JWT in the page, and no script reads a cookie.
    if (/eyJ[\w-]{10,}\.[\w-]{10,}/.test(await page.content())) throw new Error('a token is in the page');
    const visible = await page.evaluate(() => document.cookie);
    if (visible) throw new Error('cookies readable by page script: ' + visible);
  });
  let orderId = '';
  await step('order', page, async () => {
    const card = page.locator('li[data-store-id] form.order').first();
    await card.locator('input[name="item"]').fill('Pastel de nata');
    await card.locator('input[name="quantity"]').fill('6');
    await Promise.all([page.waitForEvent('load'), card.locator('button').click()]);
    await expectText(page, /Order placed/, 'order placed');
    orderId = await page.locator('p.done').getAttribute('data-order-id');
  });
  await step('order-without-csrf-token-refused', page, async () => {
    // The session cookies go along (same browser), the form's CSRF token does not.
    const forged = await page.request.post(INDEX + '/orders', { maxRedirects: 0,
      form: { storeId: 'lis-001', item: 'Forged', quantity: '1' } });
    if (forged.status() !== 400) throw new Error('a POST without the CSRF token got ' + forged.status());
    await page.goto(INDEX + '/orders');
    if (/Forged/.test(await text(page))) throw new Error('the forged order was placed');
  });
  await step('order-notification', page, async () => {
    const deadline = Date.now() + 30000;
    for (;;) {
      const row = page.locator(`tr[data-order-id="${orderId}"] td.notifications span[data-event-id]`);
      if (await row.count() > 0) break;
      if (Date.now() > deadline) throw new Error('no notification for order ' + orderId);
      await page.waitForTimeout(500);
      await page.goto(INDEX + '/orders');
    }
  });
  await step('sign-out', page, async () => {
    await Promise.all([page.waitForEvent('load'), page.click('#sign-out')]);
    await expectText(page, /Sign in/, 'signed out');
    if (new URL(page.url()).origin !== new URL(INDEX).origin) throw new Error('not back on the page: ' + page.url());
  });
  await step('protected-page-asks-to-sign-in', page, async () => {
    await page.goto(INDEX + '/orders');
    await page.locator('input[name="password"]').waitFor();
    if (new URL(page.url()).origin === new URL(INDEX).origin) throw new Error('not on the hosted page');
  });
  return true;
}

/** Runs one flow; a failed flow is reported (its failing step already was) and the next runs. */
async function flow(name, failures, body) {
  try {
    await body();
  } catch (e) {
    failures.push(name);
  }
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const ada = { username: 'ada-' + RUN, email: `ada-${RUN}@example.com`, given: 'Ada', family: 'Lovelace' };
  const late = { username: 'late-' + RUN, email: `late-${RUN}@example.com`, given: 'Late', family: 'Comer' };
  const grace = { username: 'grace-' + RUN, email: `grace-${RUN}@example.com` };
  const first = await browser();
  const second = await browser();
  const page = first.page;
  const failures = [];
  let lateSignedUpAt = 0;
  let tourDone = false;
  try {
    await step('public-page', page, async () => {
      await openIndex(page);
      await expectText(page, /Sign in/, 'anonymous page');
      if (await page.locator('li[data-store-id]').count() === 0) throw new Error('no stores listed');
    });

    // A second visitor signs up now and confirms only after the code expired (at the end).
    await flow('expired-code', failures, () => step('expired-code-sign-up', second.page, async () => {
      await signUp(second.page, late);
      lateSignedUpAt = Date.now();
      await second.page.locator('input[name="code"]').waitFor();
    }));

    // The seed's flow: sign up, the mailed code, confirm (signed in), search, order, the order's
    // notification, sign out, and a protected page asks to sign in again.
    await flow('sign-up-to-sign-out', failures, async () => {
      let seen = 0;
      await step('sign-up-form', page, async () => {
        seen = await signUp(page, ada);
        await page.locator('input[name="code"]').waitFor();
      });
      await step('confirm-code-from-mailbox', page, async () => {
        await confirmWithMailedCode(page, ada, seen);
        await expectText(page, /Hello, Ada/, 'signed in after confirming');
      });
      tourDone = await signedInTour(page);
    });
    await page.context().clearCookies();

    // An administrator creates Grace (AWS CLI); her first sign-in asks for a new password.
    let graceReady = false;
    await flow('admin-created-first-sign-in', failures, () => step('admin-created-first-sign-in', page, async () => {
      execFileSync('aws', ['cognito-idp', 'admin-create-user', '--endpoint-url', env.IDENTITY_URL,
        '--region', env.AWS_REGION, '--user-pool-id', env.USER_POOL_ID, '--username', grace.username,
        '--temporary-password', 'Temporary-Pass-1', '--message-action', 'SUPPRESS', '--user-attributes',
        'Name=email,Value=' + grace.email, 'Name=given_name,Value=Grace',
        'Name=family_name,Value=Hopper', 'Name=email_verified,Value=true'], {
        env: adminEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
      await page.goto(INDEX + '/signin');
      await signIn(page, grace.username, 'Temporary-Pass-1');
      await page.waitForURL(/forceChangePassword/);
      await fill(page, { password: 'Grace-Horse-3', confirm_password: 'Grace-Horse-3' });
      await submit(page);
      await expectText(page, /Hello, Grace/, 'signed in after choosing a new password');
      graceReady = true;
    }));
    // Without a signed-up user (that flow failed), the signed-in tour runs as Grace.
    if (!tourDone && graceReady) {
      await flow('signed-in-tour', failures, async () => {
        tourDone = await signedInTour(page);
        await signIn(page, grace.username, 'Grace-Horse-3');
        await expectText(page, /My orders/, 'signed in again');
      });
    }

    // A protected page, a wrong password, then the right one brings the user back to that page.
    await flow('wrong-password', failures, async () => {
      if (!graceReady) throw new Error('no user');
      await step('wrong-password', page, async () => {
        await Promise.all([page.waitForEvent('load'), page.click('#sign-out')]);
        await page.goto(INDEX + '/orders');
        await signIn(page, grace.username, 'Wrong-Horse-9');
        await expectText(page, /Incorrect username or password/, 'wrong password message');
      });
      await step('sign-in', page, async () => {
        await signIn(page, grace.username, 'Grace-Horse-3');
        await expectText(page, /My orders/, 'signed in, back on the protected page');
      });
    });

    await flow('forgot-password', failures, async () => {
      if (!graceReady) throw new Error('no user');
      await step('forgot-password', page, async () => {
        await Promise.all([page.waitForEvent('load'), page.click('#sign-out')]);
        await page.goto(INDEX + '/signin');
        const seenMail = (await pop3.messages(POP3, grace.email)).length;
        await Promise.all([page.waitForEvent('load'), page.getByText('Forgot your password?').click()]);
        await page.locator('input[name="username"]').fill(grace.username);
        await submit(page);
        const { code } = await pop3.newCode(POP3, grace.email, seenMail);
        await fill(page, { code, password: 'Better-Horse-2', confirm_password: 'Better-Horse-2' });
        await submit(page);
      });
      await step('sign-in-with-new-password', page, async () => {
        await signIn(page, grace.username, 'Better-Horse-2');
        await expectText(page, /Hello, Grace/, 'signed in with the new password');
      });
    });

    await flow('expired-code', failures, async () => {
      if (!lateSignedUpAt) throw new Error('never signed up');
      await step('expired-code', second.page, async () => {
        const wait = lateSignedUpAt + VALIDITY_MS + 1500 - Date.now();
        if (wait > 0) await second.page.waitForTimeout(wait);
        await confirmWithMailedCode(second.page, late, 0);
        // Cognito's ExpiredCodeException: "Invalid code provided, please request a code again."
        await expectText(second.page, /request a code again/, 'expired code message');
      });
    });
    report(failures.length === 0 ? { done: true } : { done: false, failed: failures });
  } finally {
    await first.close();
    await second.close();
  }
  if (failures.length > 0) process.exit(1);
}

main().catch((e) => { process.stderr.write(String(e.stack || e) + '\n'); process.exit(1); });
