import { type ClassType, Field, InputType, registerEnumType } from 'type-graphql';
import type { ConnecEntity } from '../../schema/connec-entity.js';
import { type Connection, type ConnectionData, createConnectionType, SortDirection } from './connection.js';
import type { FilterSpec } from './filter-spec.js';

/** A sort key: an SQL expression on alias `e`, its type (to cast cursor values back), whether it can be NULL. */
export interface OrderSpec {
  sql: string;
  cast: string;
  nullable?: boolean;
  description: string;
}

/** A child table read with its parent (lines, allocations, payslips, periods). */
export interface ChildSpec {
  entity: () => ClassType;
  /** Column of the child that holds the parent's id. */
  foreignKey: string;
  /** Column the children are ordered by. */
  orderBy: string;
}

export interface EntityDefinition<T extends ConnecEntity> {
  /** GraphQL type name, also the `entity` of id_map rows and sync events. */
  name: string;
  entity: ClassType<T>;
  /** Query names: `invoice` and `invoices`. */
  single: string;
  plural: string;
  filters: Record<string, FilterSpec>;
  orderBy: Record<string, OrderSpec>;
  defaultOrder: { field: string; direction: SortDirection };
  /** Children a list can embed in its own SQL statement when the query asks for them. */
  children?: Record<string, ChildSpec>;
}

/** An entity definition with the GraphQL input and connection types generated from it. */
export interface EntityDescriptor<T extends ConnecEntity = ConnecEntity> extends EntityDefinition<T> {
  filterInput: ClassType;
  orderInput: ClassType;
  connection: new (data: ConnectionData<T>) => Connection<T>;
}

/** What list SQL needs of a descriptor; every EntityDescriptor<T> is one. */
export type ListSource = Pick<EntityDescriptor, 'entity' | 'filters' | 'orderBy' | 'defaultOrder'>;

export interface OrderInput {
  field: string;
  direction?: SortDirection | null;
}

/**
 * Generates `<Name>Filter`, `<Name>OrderField`, `<Name>Order` and `<Name>Connection` from the
 * definition, so 18 entities share one list implementation instead of 18 near-copies.
 */
export function defineEntity<T extends ConnecEntity>(definition: EntityDefinition<T>): EntityDescriptor<T> {
  return {
    ...definition,
    filterInput: createFilterInput(definition.name, definition.filters),
    orderInput: createOrderInput(definition.name, definition.orderBy),
    connection: createConnectionType(definition.name, definition.entity),
  };
}

function createFilterInput(name: string, filters: Record<string, FilterSpec>): ClassType {
  const FilterInput = class {};
  for (const [field, spec] of Object.entries(filters)) {
    (Field(spec.type, { nullable: true, description: spec.description }) as PropertyDecorator)(
      FilterInput.prototype,
      field,
    );
  }
  InputType(`${name}Filter`, {
    description: `Conditions on ${name} rows; all given conditions must hold.`,
  })(FilterInput);
  return FilterInput;
}

function createOrderInput(name: string, orderBy: Record<string, OrderSpec>): ClassType {
  const fieldEnum = Object.fromEntries(Object.keys(orderBy).map((key) => [key, key]));
  registerEnumType(fieldEnum, {
    name: `${name}OrderField`,
    description: `What ${name} lists can be sorted by.`,
    valuesConfig: Object.fromEntries(
      Object.entries(orderBy).map(([key, spec]) => [key, { description: spec.description }]),
    ),
  });
  const OrderInputClass = class {};
  (Field(() => fieldEnum, { description: 'The sort key; ties are broken by id.' }) as PropertyDecorator)(
    OrderInputClass.prototype,
    'field',
  );
  (
    Field(() => SortDirection, {
      nullable: true,
      defaultValue: SortDirection.ASC,
      description: 'ASC (default) or DESC.',
    }) as PropertyDecorator
  )(OrderInputClass.prototype, 'direction');
  InputType(`${name}Order`, { description: `How to sort ${name} rows.` })(OrderInputClass);
  return OrderInputClass;
}
