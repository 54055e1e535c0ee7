import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

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
