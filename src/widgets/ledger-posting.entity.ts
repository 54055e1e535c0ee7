import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TenantKeyed } from '../schema/connec-entity.js';

/**
 * What one cached document (invoice, credit note or payment) posts to one account, by the rules of
 * `ledgerPostingsSql` (signed: positive = debit). Kept so that a changed document's old postings can be
 * taken back out of `ledger_daily`. Documents that post nothing have no rows; nor do zero amounts.
 */
@Entity({ name: 'ledger_doc_postings' })
export class LedgerDocPosting extends TenantKeyed {
  /** The invoice, credit note or payment (ids are unique across the three). */
  @PrimaryColumn({ type: 'uuid', name: 'doc_id' })
  docId!: string;

  /** No foreign key: the daily sums must stay equal to these rows whatever happens to the account. */
  @PrimaryColumn({ type: 'uuid', name: 'account_id' })
  accountId!: string;

  /** The document's date (one per document). */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'numeric' })
  amount!: string;
}

/**
 * The sum of `ledger_doc_postings` per account and day: what the ledger widgets read instead of the
 * documents. A row exists only while its amount is not zero.
 */
@Entity({ name: 'ledger_daily' })
export class LedgerDaily extends TenantKeyed {
  @PrimaryColumn({ type: 'uuid', name: 'account_id' })
  accountId!: string;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'numeric' })
  amount!: string;
}
