#!/usr/bin/env node
// Test helper for NodeClientCompatibilityTest: signs requests with real Node SigV4 clients and
// prints them exactly as they would go on the wire, so that the Java test can hand them to
// SigV4Verifier unchanged.
//
//   node sign.js < cases.json > signed.json
//
// Input (stdin): {
//   "signingTime": "2026-11-23T12:00:00Z", "region": "...", "service": "execute-api",
//   "host": "api.example.com", "accessKeyId": "...", "secretAccessKey": "...",
//   "cases": [{
//     "name": "...", "library": "aws4" | "smithy", "method": "GET",
//     "path": "/as/the/caller/gives/it",   // aws4 takes raw text; smithy expects it encoded
//     "query": [["name", "decoded value"], ...],
//     "headers": {"Content-Type": "..."},
//     "bodyBase64": "...",                  // optional
//     "presign": false, "expiresIn": 300,   // query form, lifetime in seconds (aws4: optional)
//     "sessionToken": "..."                 // optional: temporary credentials
//   }]
// }
// Output (stdout): [{ "name", "library", "method", "path", "query", "headers": [[name, value]],
//   "bodyBase64" }] where path and query are the request target the HTTP client sends.
'use strict';

const aws4 = require('aws4');
const { SignatureV4 } = require('@smithy/signature-v4');
const { HttpRequest, buildQueryString } = require('@smithy/core/protocols');
const { Sha256 } = require('@aws-crypto/sha256-js');

async function main() {
  const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const out = [];
  for (const c of input.cases) {
    const body = c.bodyBase64 == null ? undefined : Buffer.from(c.bodyBase64, 'base64');
    const credentials = {
      accessKeyId: input.accessKeyId,
      secretAccessKey: input.secretAccessKey,
      sessionToken: c.sessionToken,
    };
    const signed =
      c.library === 'aws4'
        ? signWithAws4(input, c, body, credentials)
        : await signWithSmithy(input, c, body, credentials);
    out.push({
      name: c.name,
      library: c.library,
      method: signed.method,
      path: signed.path,
      query: signed.query,
      headers: signed.headers,
      bodyBase64: body == null ? '' : body.toString('base64'),
    });
  }
  process.stdout.write(JSON.stringify(out));
}

// aws4 takes the path with its query string, re-encodes and normalises it, and hands back in
// request.path what node's http module will send: that, not the input, is the wire path.
function signWithAws4(input, c, body, credentials) {
  const amzDate = compactIso(input.signingTime);
  const query = [...c.query];
  const headers = { ...c.headers };
  if (c.presign) {
    // aws4 reads the signing time from X-Amz-Date when present, and (outside S3) adds no
    // X-Amz-Expires of its own: callers put it in the query, or leave it out (aws4's default).
    query.push(['X-Amz-Date', amzDate]);
    if (c.expiresIn != null) {
      query.push(['X-Amz-Expires', String(c.expiresIn)]);
    }
  } else {
    headers['X-Amz-Date'] = amzDate;
  }
  const queryText = query
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v))
    .join('&');
  const request = {
    host: input.host,
    method: c.method,
    path: c.path + (queryText ? '?' + queryText : ''),
    headers,
    body,
    service: input.service,
    region: input.region,
    signQuery: !!c.presign,
  };
  aws4.sign(request, credentials);
  const target = request.path;
  const mark = target.indexOf('?');
  return {
    method: request.method,
    path: mark < 0 ? target : target.slice(0, mark),
    query: mark < 0 ? '' : target.slice(mark + 1),
    headers: Object.entries(request.headers).map(([k, v]) => [k, String(v)]),
  };
}

// The AWS SDK for JavaScript v3 path: an HttpRequest whose path is already percent-encoded (the
// SDK's serialisers do that), the query as an object, and the wire form built the way
// @smithy/node-http-handler builds it (path + '?' + buildQueryString(query)).
async function signWithSmithy(input, c, body, credentials) {
  const query = {};
  for (const [k, v] of c.query) {
    query[k] = k in query ? [].concat(query[k], v) : v;
  }
  const request = new HttpRequest({
    method: c.method,
    protocol: 'https:',
    hostname: input.host,
    path: c.path,
    query,
    headers: { host: input.host, ...c.headers },
    body,
  });
  const signer = new SignatureV4({
    service: input.service,
    region: input.region,
    credentials,
    sha256: Sha256,
    uriEscapePath: true,
  });
  const signingDate = new Date(input.signingTime);
  const signed = c.presign
    ? await signer.presign(request, { signingDate, expiresIn: c.expiresIn })
    : await signer.sign(request, { signingDate });
  return {
    method: signed.method,
    path: signed.path,
    query: buildQueryString(signed.query || {}),
    headers: Object.entries(signed.headers).map(([k, v]) => [k, String(v)]),
  };
}

function compactIso(iso) {
  return new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
