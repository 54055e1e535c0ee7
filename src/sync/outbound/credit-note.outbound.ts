import type { Allocation, CreditNote, Invoice } from 'xero-node';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroCreditNote } from '../mappers/xero-credit-note.mapper.js';
import { mapXeroInvoice } from '../mappers/xero-invoice.mapper.js';
import { registerOutbound } from './outbound-descriptor.js';

const UNIT_DP = 4;

/** The credit note after the write, with the invoice an allocation credited. */
type CreditNoteAnswer = CreditNote & { creditedInvoice?: Invoice };

/**
 * Credit notes: PUT /CreditNotes creates, POST /CreditNotes/{id} updates, voids and deletes, and
 * PUT /CreditNotes/{id}/Allocations applies credit to an invoice (both are re-read and landed).
 */
export const creditNoteOutbound = registerOutbound({
  entity: 'CreditNote',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    if (operation === 'ALLOCATE') {
      const allocation = request as unknown as Allocation;
      await api.call(target, (client, tenant) =>
        client.accountingApi.createCreditNoteAllocation(
          tenant,
          xeroId!,
          { allocations: [allocation] },
          true,
          idempotencyKey,
        ),
      );
      const [note, invoice] = await Promise.all([
        api.call(target, (client, tenant) => client.accountingApi.getCreditNote(tenant, xeroId!, UNIT_DP)),
        api.call(target, (client, tenant) =>
          client.accountingApi.getInvoice(tenant, allocation.invoice.invoiceID!, UNIT_DP),
        ),
      ]);
      const found = note.creditNotes?.[0];
      return found && ({ ...found, creditedInvoice: invoice.invoices?.[0] } as CreditNoteAnswer);
    }
    const note = request as unknown as CreditNote;
    const body = await api.call(target, (client, tenant) =>
      operation === 'CREATE'
        ? client.accountingApi.createCreditNotes(
            tenant,
            { creditNotes: [note] },
            true,
            UNIT_DP,
            idempotencyKey,
          )
        : client.accountingApi.updateCreditNote(
            tenant,
            xeroId!,
            { creditNotes: [{ ...note, creditNoteID: xeroId! }] },
            UNIT_DP,
            idempotencyKey,
          ),
    );
    return body.creditNotes?.[0];
  },
  map: (answer) => mapXeroCreditNote(answer as CreditNote) as unknown as AnyMapped,
  async fetch(api, target, xeroId) {
    const body = await api.call(target, (client, tenant) =>
      client.accountingApi.getCreditNote(tenant, xeroId, UNIT_DP),
    );
    return body.creditNotes?.[0];
  },
  companions(answer, extra) {
    const invoice = (answer as CreditNoteAnswer).creditedInvoice;
    const invoiceId = extra?.invoiceId as string | undefined;
    if (!invoice || !invoiceId) return [];
    return [
      { entity: 'Invoice', connecId: invoiceId, mapped: mapXeroInvoice(invoice) as unknown as AnyMapped },
    ];
  },
});
