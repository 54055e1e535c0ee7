import { notFound, type Rec, validationFailure } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { listRecords } from '../core/list-query.js';
import { render } from '../core/render.js';
import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import { envelope, sendEnvelope } from './envelope.js';
import { accountByCode } from './indexes.js';
import { handleWrite, type ResourceWriter, str, withIdempotency } from './write-pipeline.js';

const CLASS_BY_TYPE: Record<string, string> = {
  BANK: 'ASSET',
  CURRENT: 'ASSET',
  FIXED: 'ASSET',
  INVENTORY: 'ASSET',
  NONCURRENT: 'ASSET',
  PREPAYMENT: 'ASSET',
  CURRLIAB: 'LIABILITY',
  LIABILITY: 'LIABILITY',
  TERMLIAB: 'LIABILITY',
  PAYG: 'LIABILITY',
  EQUITY: 'EQUITY',
  REVENUE: 'REVENUE',
  SALES: 'REVENUE',
  OTHERINCOME: 'REVENUE',
  EXPENSE: 'EXPENSE',
  OVERHEADS: 'EXPENSE',
  DIRECTCOSTS: 'EXPENSE',
  DEPRECIATN: 'EXPENSE',
};

export function accountClass(type: string): string | undefined {
  return CLASS_BY_TYPE[type];
}

export const accountWriter: ResourceWriter = {
  key: 'Accounts',
  idField: 'AccountID',
  coll: (org) => org.accounts,
  prepare(c, input, existing, batch) {
    const patch: Rec = { ...input };
    for (const k of ['Class', 'SystemAccount', 'UpdatedDateUTC', 'HasAttachments', 'ValidationErrors'])
      delete patch[k];
    const rec: Rec = existing
      ? { ...existing, ...patch }
      : { Status: 'ACTIVE', CurrencyCode: c.org.baseCurrency, EnablePaymentsToAccount: false, ...patch };
    rec.AccountID = existing?.AccountID ?? newId();
    rec.UpdatedDateUTC = c.now;
    rec.HasAttachments = false;
    const errors: string[] = [];
    const code = str(rec.Code)?.trim();
    const type = str(rec.Type) ?? '';
    if (code !== undefined) {
      if (code.length > 10) errors.push('Account code must be no longer than 10 characters.');
      const other =
        accountByCode(c.org, code) ?? batch.find((b) => String(b.Code).toUpperCase() === code.toUpperCase());
      if (other && other.AccountID !== rec.AccountID) errors.push('Please enter a unique Code.');
      rec.Code = code;
    } else if (type !== 'BANK') errors.push('Please enter a Code.');
    const name = (str(rec.Name) ?? '').trim();
    if (!name) errors.push('Please enter a Name.');
    else if (name.length > 150) errors.push('Account name must be no longer than 150 characters.');
    else if (
      c.org.accounts.find(
        (a) => String(a.Name).toLowerCase() === name.toLowerCase() && a.AccountID !== rec.AccountID,
      )
    ) {
      errors.push('Please enter a unique Name.');
    }
    const cls = accountClass(type);
    if (!cls) errors.push(`Account Type '${type}' is not valid.`);
    else rec.Class = cls;
    if (existing && existing.Type !== type && existing.SystemAccount)
      errors.push('A system account type cannot be changed.');
    if (type === 'BANK') {
      if (!str(rec.BankAccountNumber)) errors.push('Bank Account Number is required for bank accounts.');
      rec.BankAccountType = rec.BankAccountType || 'BANK';
    }
    return errors.length > 0 ? errors : rec;
  },
  render: (_org, rec) => render(rec) as Rec,
};

export function registerAccounts(r: Router<ApiContext>): void {
  r.add('GET', '/Accounts', (ctx) => {
    const { items } = listRecords(ctx.org.accounts, ctx.url, ctx.req, {});
    sendEnvelope(
      ctx,
      'Accounts',
      items.map((a) => render(a)),
    );
  });
  r.add('GET', '/Accounts/:id', (ctx) => {
    const rec = ctx.org.accounts.get(ctx.params.id);
    if (!rec) throw notFound();
    sendEnvelope(ctx, 'Accounts', [render(rec)]);
  });
  r.add('PUT', '/Accounts', (ctx) => handleWrite(ctx, accountWriter));
  r.add('POST', '/Accounts/:id', (ctx) => handleWrite(ctx, accountWriter, ctx.params.id));
  r.add('DELETE', '/Accounts/:id', (ctx) =>
    withIdempotency(ctx, () => {
      const rec = ctx.org.accounts.get(ctx.params.id);
      if (!rec) throw notFound();
      if (rec.SystemAccount) throw validationFailure(rec, ['System accounts cannot be deleted.']);
      const deleted = { ...rec, Status: 'DELETED', UpdatedDateUTC: ctx.emu.clock.now() };
      ctx.org.accounts.delete(String(rec.AccountID));
      ctx.emu.markDirty();
      return { status: 200, body: envelope(ctx, 'Accounts', [render(deleted)]) };
    }),
  );
}
