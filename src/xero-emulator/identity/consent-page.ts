import type { OrgState } from '../state/org-state.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Xero's consent screen, reduced to what a test or a demo user needs to click. */
export function consentPage(
  orgs: OrgState[],
  hidden: Record<string, string>,
  scopes: string[],
  error?: string,
): string {
  const fields = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('\n');
  const orgRows = orgs
    .map(
      (o, i) =>
        `<label><input type="checkbox" name="tenant" value="${esc(o.tenantId)}" ${i === 0 ? 'checked' : ''} data-testid="org-${esc(o.countryCode)}"> ${esc(o.name)} (${esc(o.baseCurrency)})</label><br>`,
    )
    .join('\n');
  const payrollRequested = scopes.some((s) => s.startsWith('payroll.'));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Xero | Authorise app</title></head>
<body>
<h1>Connect to Xero (emulator)</h1>
${error ? `<p role="alert" id="error" style="color:#b00">${esc(error)}</p>` : ''}
<p>The app is requesting access to: ${esc(scopes.join(' '))}</p>
<form method="post" action="/connect/authorize/consent">
${fields}
<fieldset><legend>Organisations</legend>
${orgRows}
</fieldset>
<label><input type="checkbox" name="payroll" value="on" ${payrollRequested ? 'checked' : ''} id="allow-payroll"> Allow Payroll Access</label><br>
<button type="submit" name="action" value="allow" id="allow">Allow access</button>
<button type="submit" name="action" value="deny" id="deny">Cancel</button>
</form>
</body></html>`;
}
