import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { connectWs, wsQuery } from '../support/ws-client.js';

describe('bad requests', () => {
  let gateway: TestGateway;
  let key: string;
  beforeAll(async () => {
    gateway = await startTestGateway({ BODY_LIMIT_BYTES: '2048' });
    key = await gateway.createKey('org-errors');
  });
  afterAll(() => gateway.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
      body,
    });

  async function expectStillServing() {
    const result = await gateway.graphql('{ viewer { tenant { name } } }', {}, key);
    expect(result.errors).toBeUndefined();
  }

  it('answers malformed JSON with 400 BAD_REQUEST and keeps serving', async () => {
    const response = await post('{"query": "{ viewer {');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    await expectStillServing();
  });

  it('answers a subscription sent over HTTP with 400 BAD_REQUEST pointing to WebSocket', async () => {
    const response = await post(JSON.stringify({ query: 'subscription { entityChanged { cursor } }' }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toContain('WebSocket');
    await expectStillServing();
  });

  it('answers a body over the limit with 413 and keeps serving', async () => {
    const response = await post(
      JSON.stringify({ query: `{ viewer { tenant { name } } } #${'x'.repeat(4096)}` }),
    );
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(body.errors[0].message).toContain('2048');
    await expectStillServing();
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED and the location, without a stack trace', async () => {
    const response = await post(JSON.stringify({ query: '{ viewer { tenant { name } }' }));
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].locations).toBeDefined();
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    await expectStillServing();
  });

  it('answers an unknown operation name with a clear error', async () => {
    const response = await post(
      JSON.stringify({ query: 'query A { viewer { app { id } } }', operationName: 'B' }),
    );
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.errors[0].message).toContain('"B"');
    expect(body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED naming it', async () => {
    const body = await (await post(JSON.stringify({ query: '{ viewer { nope } }' }))).json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toContain('nope');
  });

  it('refuses a request a browser could send cross-site without preflight (CSRF prevention)', async () => {
    const response = await fetch(
      `${gateway.url}/graphql?query=${encodeURIComponent('{ viewer { app { id } } }')}`,
      {
        headers: { authorization: `Bearer ${key}` },
      },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });

  it('prefills no key in the playground outside demo mode', async () => {
    const html = await (await fetch(`${gateway.url}/playground`)).text();
    expect(html).toContain('graphiql');
    expect(html).not.toContain('cxg_');
  });

  it('answers health and readiness checks', async () => {
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

/** GETs a page with the given Host header (fetch would send the URL's host). */
function getWithHost(url: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
  });
}

describe('the demo key in the playground and dashboard', () => {
  let gateway: TestGateway;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'demo-host-'));
    await chmod(dataDir, 0o755);
    gateway = await startTestGateway({
      DEMO_MODE: 'true',
      DATA_DIR: dataDir,
      PUBLIC_URL: 'http://gw.example.test',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is served only to pages asked for under a loopback name or the PUBLIC_URL host (no DNS rebinding)', async () => {
    // PUBLIC_URL names another host: the server itself listens on 127.0.0.1.
    const base = `http://127.0.0.1:${gateway.gateway.server.port}`;
    for (const page of ['/playground', '/dashboard']) {
      for (const host of [
        `127.0.0.1:${gateway.gateway.server.port}`,
        'localhost:4000',
        '[::1]:4000',
        'gw.example.test',
      ]) {
        expect(await getWithHost(`${base}${page}`, host), `${page} for ${host}`).toContain('cxg_');
      }
      for (const host of ['attacker.example:4000', 'localhost.attacker.example', '127.0.0.1.nip.io']) {
        const html = await getWithHost(`${base}${page}`, host);
        expect(html, `${page} for ${host}`).not.toContain('cxg_');
        expect(html.length).toBeGreaterThan(100);
      }
    }
  });
});

describe('introspection and suggestions in production', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';
  const TYPO = '{ viewr { tenant { name } } }';
  let production: TestGateway;
  let opened: TestGateway;
  let key: string;
  let openKey: string;
  beforeAll(async () => {
    production = await startTestGateway({ NODE_ENV: 'production' });
    opened = await startTestGateway({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    key = await production.createKey('org-prod');
    openKey = await opened.createKey('org-prod');
  });
  afterAll(async () => {
    await production?.stop();
    await opened?.stop();
  });

  it('refuses introspection and names no field in errors, over HTTP and WebSocket', async () => {
    const refused = await production.graphql(INTROSPECT, {}, key);
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.[0].message).toContain('introspection');
    const typo = await production.graphql(TYPO, {}, key);
    expect(typo.errors?.[0].message).not.toContain('Did you mean');
    expect(typo.errors?.[0].message).not.toContain('viewer');

    const { client } = connectWs(production.url, key);
    const overWs = (query: string) =>
      wsQuery(client, query).then(
        (result) => JSON.stringify(result),
        (error: unknown) => JSON.stringify(error),
      );
    expect(await overWs(INTROSPECT)).toContain('introspection');
    const wsTypo = await overWs(TYPO);
    expect(wsTypo).toContain('viewr');
    expect(wsTypo).not.toContain('Did you mean');
    await client.dispose();
  });

  it('allows both when GRAPHQL_INTROSPECTION=true', async () => {
    const allowed = await opened.graphql(INTROSPECT, {}, openKey);
    expect(allowed.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await opened.graphql(TYPO, {}, openKey);
    expect(typo.errors?.[0].message).toContain('Did you mean "viewer"');
  });
});
