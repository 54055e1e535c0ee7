import { randomUUID } from 'node:crypto';
import { badArgument } from '../../errors.js';
import type { WorkLocationInput } from '../../schema/payroll.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import type { WorkLocation } from '../../schema/work-location.entity.js';
import type { WriteRequest } from './outbound-pipeline.js';
import { payrollConnectionIn } from './payroll-gate.js';
import {
  type CreateOptions,
  loadRecord,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

const MAX_NAME = 100;

/** Creates a work location: US payroll only (rule 17), payroll enabled (rule 15). */
export async function createWorkLocation(
  caller: WriteCaller,
  input: WorkLocationInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await payrollConnectionIn(caller, 'US', 'Work locations');
  const write = prepareWorkLocationWrite(caller, input, null, options);
  return { ...(await caller.pipeline.submit(write, connection)), warnings: [] };
}

/**
 * Changes a work location (the legacy US POST /WorkLocations with its id). Omitted address, phone and
 * isPrimary keep their values; Xero's US payroll refused no change to a location.
 */
export async function updateWorkLocation(
  caller: WriteCaller,
  id: string,
  input: WorkLocationInput,
): Promise<WriteAnswer> {
  const connection = await payrollConnectionIn(caller, 'US', 'Work locations');
  const existing = await loadRecord<WorkLocation>(caller, 'WorkLocation', id);
  const write = prepareWorkLocationWrite(caller, input, existing);
  return { ...(await caller.pipeline.submit(write, connection)), warnings: [] };
}

/** Creates the work location the app knows by its own id once; later calls update it. */
export async function upsertWorkLocation(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: WorkLocationInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'WorkLocation', externalId, input, {
    update: (connecId) => updateWorkLocation(caller, connecId, input),
    create: (options) => createWorkLocation(caller, input, options),
  });
}

/** Validates a work location write (a name of at most 100 characters): BAD_USER_INPUT first. */
function prepareWorkLocationWrite(
  caller: WriteCaller,
  input: WorkLocationInput,
  existing: WorkLocation | null,
  options: CreateOptions = {},
): WriteRequest {
  const name = input.name.trim();
  if (!name) throw badArgument('name', 'Required.');
  if (input.name.length > MAX_NAME) throw badArgument('name', `Must be at most ${MAX_NAME} characters.`);
  const address = input.address === undefined ? existing?.address : input.address;
  const phone = input.phone === undefined ? existing?.phone : input.phone;
  const isPrimary = input.isPrimary ?? existing?.isPrimary ?? false;
  return {
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'WorkLocation',
    operation: existing ? 'UPDATE' : 'CREATE',
    connecId: existing?.id ?? randomUUID(),
    request: {
      Name: name,
      StreetAddress: address?.line1 ?? '',
      City: address?.city ?? '',
      State: address?.region ?? '',
      Zip: address?.postalCode ?? '',
      PhoneNumber: phone?.landline ?? '',
      IsPrimary: isPrimary,
    },
    pending: { name, isPrimary },
    appExternalId: options.appExternalId,
    idempotencyKey: options.idempotencyKey,
  };
}
