import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TenantKeyed } from '../schema/connec-entity.js';

/**
 * How far one incrementally maintained widget aggregate (`ledger`, `sales`) of a tenant has read the
 * tenant's change log: it reflects every event up to `seq`, computed under `fingerprint` (the inputs
 * that are not documents: control accounts, base currency, the rules' version). A different fingerprint
 * means a full rebuild. Not a Connec! entity: no id map, no events.
 */
@Entity({ name: 'widget_aggregate_state' })
export class WidgetAggregateState extends TenantKeyed {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  /** The newest `sync_events.seq` applied; bigint arrives from pg as a string. */
  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'timestamptz', name: 'refreshed_at', default: () => 'now()' })
  refreshedAt!: Date;
}
