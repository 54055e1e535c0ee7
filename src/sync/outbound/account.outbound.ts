import type { Account } from 'xero-node';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroAccount } from '../mappers/xero-account.mapper.js';
import { registerOutbound } from './outbound-descriptor.js';

/** Accounts: PUT /Accounts creates, POST /Accounts/{id} updates and archives. */
export const accountOutbound = registerOutbound({
  entity: 'Account',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    const account = request as unknown as Account;
    const body = await api.call(target, (client, tenant) =>
      operation === 'CREATE'
        ? client.accountingApi.createAccount(tenant, account, idempotencyKey)
        : client.accountingApi.updateAccount(
            tenant,
            xeroId!,
            { accounts: [{ ...account, accountID: xeroId! }] },
            idempotencyKey,
          ),
    );
    return body.accounts?.[0];
  },
  map: (answer) => mapXeroAccount(answer as Account) as unknown as AnyMapped,
  async fetch(api, target, xeroId) {
    const body = await api.call(target, (client, tenant) => client.accountingApi.getAccount(tenant, xeroId));
    return body.accounts?.[0];
  },
});
