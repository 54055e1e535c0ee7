import type { Contact } from 'xero-node';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroContact, personKey } from '../mappers/xero-contact.mapper.js';
import { batchElements, type Companion, registerOutbound } from './outbound-descriptor.js';

/** A person of an organization write, as the op keeps it to land Xero's answer on the right row. */
export interface OpPerson {
  connecId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  /** Sent to Xero (one of the first 5); the others are written to the cache as `fields`. */
  sent: boolean;
  fields: Record<string, unknown>;
}

/**
 * Organizations are Xero Contacts (rule 1): PUT /Contacts creates, POST /Contacts/{id} updates and
 * archives. The people in Xero's answer are matched to their Connec! rows by Xero's identity of a person
 * (`personKey`: the email, else the name), the ones not sent (rule 2) are kept as the app wrote them.
 */
export const organizationOutbound = registerOutbound({
  entity: 'Organization',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    const body = await api.call(target, (client, tenant) =>
      operation === 'CREATE'
        ? client.accountingApi.createContacts(
            tenant,
            { contacts: [request as Contact] },
            true,
            idempotencyKey,
          )
        : client.accountingApi.updateContact(
            tenant,
            xeroId!,
            { contacts: [{ ...(request as Contact), contactID: xeroId! }] },
            idempotencyKey,
          ),
    );
    return body.contacts?.[0];
  },
  map: (answer) => mapXeroContact(answer as Contact).organization as unknown as AnyMapped,
  async fetch(api, target, xeroId) {
    const body = await api.call(target, (client, tenant) => client.accountingApi.getContact(tenant, xeroId));
    return body.contacts?.[0];
  },
  companions(answer, extra) {
    const people = (extra?.people ?? []) as OpPerson[];
    if (people.length === 0) return [];
    const contact = answer as Contact;
    const mapped = new Map(mapXeroContact(contact).people.map((person) => [person.xeroId, person]));
    return people.map((person): Companion => {
      const key = personKey(contact.contactID ?? '', person.email, person.firstName, person.lastName);
      const inXero = person.sent && key ? mapped.get(key) : undefined;
      return {
        entity: 'Person',
        connecId: person.connecId,
        mapped: (inXero as unknown as AnyMapped) ?? null,
        fields: person.fields,
      };
    });
  },
  async pushMany(api, target, requests, idempotencyKey) {
    const body = await api.call(target, (client, tenant) =>
      client.accountingApi.createContacts(tenant, { contacts: requests as Contact[] }, false, idempotencyKey),
    );
    return batchElements(body.contacts, requests.length);
  },
});
