import { Foundation1795634297497 } from './1795634297497-Foundation.js';
import { ConnecSchema1795635297178 } from './1795635297178-ConnecSchema.js';
import { XeroSync1795635933681 } from './1795635933681-XeroSync.js';
import { ConnecListIndexes1795636022848 } from './1795636022848-ConnecListIndexes.js';
import { OutboundOps1795636042616 } from './1795636042616-OutboundOps.js';
import { XeroConnect1795636076722 } from './1795636076722-XeroConnect.js';
import { WidgetBalances1795636512417 } from './1795636512417-WidgetBalances.js';
import { OutboundWorkerPresence1795643616963 } from './1795643616963-OutboundWorkerPresence.js';
import { WidgetAggregates1795643835765 } from './1795643835765-WidgetAggregates.js';
/** Every migration, in order. `npm run migration:generate -- Name` writes a new one and adds it here. */
export const migrations = [
  Foundation1795634297497,
  ConnecSchema1795635297178,
  XeroSync1795635933681,
  ConnecListIndexes1795636022848,
  OutboundOps1795636042616,
  XeroConnect1795636076722,
  WidgetBalances1795636512417,
  OutboundWorkerPresence1795643616963,
  WidgetAggregates1795643835765,
];
