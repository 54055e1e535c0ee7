import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Organization } from '../schema/organization.entity.js';
import { OrganizationInput, PersonInput } from '../schema/organization.input.js';
import { Person } from '../schema/person.entity.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import { createMany } from '../sync/outbound/batch-writes.js';
import {
  archiveOrganization,
  createOrganization,
  createPerson,
  prepareOrganizationCreate,
  updateOrganization,
  updatePerson,
  upsertOrganization,
  upsertPerson,
} from '../sync/outbound/organization-writes.js';
import { type BatchItemResult, batchResultType, toBatchResults } from './batch-mutation.resolver.js';
import { ForceArg } from './force-arg.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const OrganizationPayload = writePayloadType(Organization, 'Organization');
const PersonPayload = writePayloadType(Person, 'Person');
const OrganizationBatchResult = batchResultType(Organization, 'Organization');

@Resolver()
@Authorized(Scope.WRITE)
export class OrganizationMutationResolver {
  @Mutation(() => OrganizationPayload, {
    description:
      'Creates an organization (a Xero Contact) with its people: the primary person and up to 4 more go to Xero; a warning names any others, who stay in the gateway.',
  })
  async createOrganization(
    @Arg('input', () => OrganizationInput) input: OrganizationInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Organization>> {
    return toPayload(context, 'Organization', await createOrganization(writeCaller(context), input));
  }

  @Mutation(() => OrganizationPayload, {
    description: 'Changes an organization; people given are matched by email (or name), new ones added.',
  })
  async updateOrganization(
    @Arg('id', () => ID, { description: 'Connec! id of the organization.' }) id: string,
    @Arg('input', () => OrganizationInput) input: OrganizationInput,
    @ForceArg('organization') force: boolean,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Organization>> {
    return toPayload(
      context,
      'Organization',
      await updateOrganization(writeCaller(context), id, input, force),
    );
  }

  @Mutation(() => OrganizationPayload, {
    description:
      'Creates or updates the organization the app knows by its own id: the same call twice makes one.',
  })
  async upsertOrganization(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => OrganizationInput) input: OrganizationInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Organization>> {
    return toPayload(
      context,
      'Organization',
      await upsertOrganization(writeCaller(context), externalId, input),
    );
  }

  @Mutation(() => OrganizationPayload, {
    description: 'Archives an organization in Xero (kept with status ARCHIVED).',
  })
  async archiveOrganization(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Organization>> {
    return toPayload(context, 'Organization', await archiveOrganization(writeCaller(context), id));
  }

  @Mutation(() => [OrganizationBatchResult], {
    description:
      'Creates up to 500 organizations, sent to Xero 50 a call; each element is answered on its own, in input order.',
  })
  async createOrganizations(
    @Arg('inputs', () => [OrganizationInput]) inputs: OrganizationInput[],
    @Ctx() context: GatewayContext,
  ): Promise<Array<BatchItemResult<Organization>>> {
    const caller = writeCaller(context);
    const answers = await createMany(caller, inputs, (input) => prepareOrganizationCreate(caller, input));
    return toBatchResults(context, 'Organization', answers);
  }

  @Mutation(() => PersonPayload, {
    description:
      'Creates a person. Under an organization the person joins its Xero Contact; without one the person stays in the gateway (Xero shows no contact without an organization).',
  })
  async createPerson(
    @Arg('input', () => PersonInput) input: PersonInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Person>> {
    return toPayload(context, 'Person', await createPerson(writeCaller(context), input));
  }

  @Mutation(() => PersonPayload, {
    description: "Changes a person (and its organization's Contact in Xero).",
  })
  async updatePerson(
    @Arg('id', () => ID, { description: 'Connec! id of the person.' }) id: string,
    @Arg('input', () => PersonInput) input: PersonInput,
    @ForceArg('person') force: boolean,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Person>> {
    return toPayload(context, 'Person', await updatePerson(writeCaller(context), id, input, force));
  }

  @Mutation(() => PersonPayload, {
    description: 'Creates or updates the person the app knows by its own id: the same call twice makes one.',
  })
  async upsertPerson(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => PersonInput) input: PersonInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Person>> {
    return toPayload(context, 'Person', await upsertPerson(writeCaller(context), externalId, input));
  }
}
