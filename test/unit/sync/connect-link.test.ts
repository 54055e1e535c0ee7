import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/server/xero-connect.pages.js';
import { CONNECT_LINK_TTL_MS, ConnectLinkSigner } from '../../../src/sync/connections/connect-link.js';
import { slug } from '../../../src/sync/connections/xero-consent.service.js';

describe('signed connect links', () => {
  const signer = new ConnectLinkSigner(randomBytes(32));
  const input = {
    tenantId: '5f0c0c5e-0000-4000-8000-000000000001',
    payroll: true,
    purpose: 'CONNECT' as const,
  };

  it('verifies a link it signed, with what it carries', () => {
    const { token, link } = signer.issue(input);
    expect(signer.verify(token)).toEqual(link);
    expect(link).toMatchObject(input);
  });

  it('refuses a link after 10 minutes', () => {
    const { token } = signer.issue(input, Date.now() - CONNECT_LINK_TTL_MS - 1);
    expect(signer.verify(token)).toBeUndefined();
  });

  it('refuses a tampered payload, a foreign key and garbage', () => {
    const { token } = signer.issue(input);
    const [payload, mac] = token.split('.');
    const changed = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), tenantId: 'other' }),
    ).toString('base64url');
    expect(signer.verify(`${changed}.${mac}`)).toBeUndefined();
    expect(new ConnectLinkSigner(randomBytes(32)).verify(token)).toBeUndefined();
    for (const junk of ['', 'a', 'a.b', `${token}.x`, null, undefined])
      expect(signer.verify(junk)).toBeUndefined();
  });
});

describe('connect pages and tenant names', () => {
  it('escapes everything shown on a page', () => {
    expect(escapeHtml(`<script>alert("x")</script>'&\``)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;&#96;',
    );
  });

  it('names a tenant after its organisation', () => {
    expect(slug('Demo Company (AU)')).toBe('demo-company-au');
    expect(slug('Café Ünïcode & Co.')).toBe('cafe-unicode-co');
    expect(slug('株式会社')).toBe('xero-organisation');
  });
});
