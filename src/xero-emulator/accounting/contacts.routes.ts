import { notFound, type Rec } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { listRecords } from '../core/list-query.js';
import { render } from '../core/render.js';
import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { sendEnvelope } from './envelope.js';
import { contactRoles } from './indexes.js';
import { handleWrite, type ResourceWriter, str } from './write-pipeline.js';

const READ_ONLY = [
  'IsCustomer',
  'IsSupplier',
  'UpdatedDateUTC',
  'HasAttachments',
  'HasValidationErrors',
  'Balances',
];
const STATUSES = ['ACTIVE', 'ARCHIVED', 'GDPRREQUEST'];

function activeNameTaken(org: OrgState, name: string, selfId: string | undefined, batch: Rec[]): boolean {
  const lower = name.toLowerCase();
  const clash = (r: Rec) =>
    r.ContactStatus === 'ACTIVE' && String(r.Name).toLowerCase() === lower && r.ContactID !== selfId;
  return batch.some(clash) || org.contacts.find(clash) !== undefined;
}

export const contactWriter: ResourceWriter = {
  key: 'Contacts',
  idField: 'ContactID',
  category: 'CONTACT',
  coll: (org) => org.contacts,
  prepare(c, input, existing, batch) {
    const patch: Rec = { ...input };
    for (const k of READ_ONLY) delete patch[k];
    delete patch.ValidationErrors;
    delete patch.StatusAttributeString;
    const rec: Rec = existing
      ? { ...existing, ...patch }
      : { ContactStatus: 'ACTIVE', Addresses: [], Phones: [], ContactPersons: [], ...patch };
    rec.ContactID = existing?.ContactID ?? newId();
    rec.UpdatedDateUTC = c.now;
    const errors: string[] = [];
    const name = (str(rec.Name) ?? '').trim();
    if (!name) errors.push('The contact name must be specified.');
    else if (name.length > 255) errors.push('The contact name must not be more than 255 characters long.');
    rec.Name = name;
    if (!STATUSES.includes(String(rec.ContactStatus))) {
      errors.push(`'${String(rec.ContactStatus)}' is not a valid ContactStatus.`);
    }
    if (
      name &&
      rec.ContactStatus === 'ACTIVE' &&
      activeNameTaken(c.org, name, existing?.ContactID as string, batch)
    ) {
      errors.push(
        `The contact name ${name} is already assigned to another contact. The contact name must be unique across all active contacts.`,
      );
    }
    const persons = rec.ContactPersons;
    if (persons !== undefined && !Array.isArray(persons)) errors.push('ContactPersons must be a list.');
    else if (Array.isArray(persons) && persons.length > 5) {
      errors.push('A contact can have a maximum of 5 contact persons.');
    }
    return errors.length > 0 ? errors : rec;
  },
  render: renderContact,
};

export function renderContact(org: OrgState, rec: Rec): Rec {
  const roles = contactRoles(org);
  const id = String(rec.ContactID);
  return {
    ...(render(rec) as Rec),
    IsSupplier: roles.suppliers.has(id),
    IsCustomer: roles.customers.has(id),
    HasAttachments: false,
    HasValidationErrors: false,
  };
}

export function registerContacts(r: Router<ApiContext>): void {
  r.add('GET', '/Contacts', (ctx) => {
    const { items, pagination } = listRecords(ctx.org.contacts, ctx.url, ctx.req, {
      paged: true,
      archived: (c) => c.ContactStatus === 'ARCHIVED',
      idLists: { IDs: 'ContactID' },
    });
    sendEnvelope(
      ctx,
      'Contacts',
      items.map((c) => renderContact(ctx.org, c)),
      pagination,
    );
  });
  r.add('GET', '/Contacts/:id', (ctx) => {
    const id = ctx.params.id;
    const rec = ctx.org.contacts.get(id) ?? ctx.org.contacts.find((c) => c.ContactNumber === id);
    if (!rec) throw notFound();
    sendEnvelope(ctx, 'Contacts', [renderContact(ctx.org, rec)]);
  });
  r.add('PUT', '/Contacts', (ctx) => handleWrite(ctx, contactWriter));
  r.add('POST', '/Contacts', (ctx) => handleWrite(ctx, contactWriter));
  r.add('POST', '/Contacts/:id', (ctx) => handleWrite(ctx, contactWriter, ctx.params.id));
}
