import type { LinkedOrganisation } from '../sync/connections/xero-consent.service.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c] ?? c,
  );
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1e2a38}
h1{font-size:1.5rem}button{background:#13b5ea;color:#fff;border:0;border-radius:4px;padding:.6rem 1.4rem;font-size:1rem;cursor:pointer}
.note{color:#555;font-size:.9rem}.error{background:#fdecea;border-left:4px solid #c0392b;padding:.75rem 1rem}
.ok{background:#e8f6ee;border-left:4px solid #1e8e3e;padding:.75rem 1rem}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
code{background:#f3f3f3;padding:.1rem .3rem;word-break:break-all}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

export interface ConnectPageInput {
  tenantName: string;
  linkToken: string;
  payroll: boolean;
  reconnect: boolean;
  organisationName?: string;
}

/** The page behind a connect link: the "Allow Payroll Access" choice and the Connect button. */
export function connectPage(input: ConnectPageInput): string {
  const intro = input.reconnect
    ? `<p>Xero needs you to authorise the gateway again for tenant <strong>${escapeHtml(input.tenantName)}</strong>${
        input.organisationName ? ` (organisation <strong>${escapeHtml(input.organisationName)}</strong>)` : ''
      }.</p>`
    : `<p>Connect a Xero organisation to tenant <strong>${escapeHtml(input.tenantName)}</strong>. On Xero's page,
choose the organisation; choosing several connects each to a tenant of its own.</p>`;
  return layout(
    input.reconnect ? 'Reconnect Xero' : 'Connect Xero',
    `${intro}
<form method="post" action="/connect/xero">
<input type="hidden" name="link" value="${escapeHtml(input.linkToken)}">
<p><label><input type="checkbox" name="payroll" value="on" id="allow-payroll"${input.payroll ? ' checked' : ''}>
Allow Payroll Access</label></p>
<p class="note">Payroll (employees, pay runs, timesheets, leave) is shared only for Australian and US
organisations. Xero refuses payroll access for organisations in other currencies.</p>
<p><button type="submit" id="connect">Connect to Xero</button></p>
</form>
<p class="note">This link works once and expires 10 minutes after it was made.</p>`,
  );
}

/** The callback's answer: what each organisation of the consent became. */
export function resultPage(tenantName: string, results: LinkedOrganisation[]): string {
  const rows = results
    .map(
      (result) => `<tr data-outcome="${escapeHtml(result.outcome)}">
<td class="organisation">${escapeHtml(result.organisation)}</td>
<td>${escapeHtml(result.tenant ?? '—')}</td>
<td>${escapeHtml([result.countryCode, result.baseCurrency].filter(Boolean).join(' / ') || '—')}</td>
<td>${result.outcome === 'REFUSED' ? '—' : result.payrollAccess ? 'yes' : 'no'}</td>
<td>${outcomeText(result)}</td>
</tr>`,
    )
    .join('\n');
  const keys = results.filter((result) => result.apiKey);
  const keyList = keys.length
    ? `<h2>New tenants</h2><p>These admin keys are shown only now: store them safely.</p><ul>${keys
        .map(
          (result) =>
            `<li>${escapeHtml(result.tenant)}: <code class="api-key">${escapeHtml(result.apiKey)}</code></li>`,
        )
        .join('')}</ul>`
    : '';
  const linked = results.some((result) => result.outcome !== 'REFUSED');
  return layout(
    linked ? 'Xero connected' : 'Xero not connected',
    `<p class="${linked ? 'ok' : 'error'}" role="status">Consent started from tenant
<strong>${escapeHtml(tenantName)}</strong>.${linked ? ' The first sync has started.' : ''}</p>
<table><thead><tr><th>Organisation</th><th>Tenant</th><th>Region / currency</th><th>Payroll</th><th>Result</th></tr></thead>
<tbody>${rows}</tbody></table>
${keyList}`,
  );
}

function outcomeText(result: LinkedOrganisation): string {
  if (result.outcome === 'REFUSED')
    return `<span class="refusal" role="alert">Refused: ${escapeHtml(result.message)}</span>`;
  return result.outcome === 'RECONNECTED' ? 'Reconnected' : 'Connected';
}

/** A refusal: nothing was linked. */
export function refusedPage(message: string, detail?: string): string {
  return layout(
    'Xero not connected',
    `<p class="error" role="alert" id="refusal">${escapeHtml(message)}</p>
${detail ? `<p class="note">${escapeHtml(detail)}</p>` : ''}
<p class="note">Nothing was connected. Ask an admin of the tenant for a new connect link
(the <code>connectXeroUrl</code> mutation).</p>`,
  );
}
