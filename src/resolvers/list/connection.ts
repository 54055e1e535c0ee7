import { type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });

@ObjectType('PageInfo', { description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether another page follows; fetch it with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of this page.' })
  endCursor!: string | null;
}

/** The data a connection resolves from; `totalCount` runs its count query only when asked. */
export interface ConnectionData<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  count: () => Promise<number>;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** Builds `<Name>Connection` and `<Name>Edge` for a node type (names ending in Connection: see query-limits). */
export function createConnectionType<T extends object>(
  name: string,
  node: ClassType<T>,
): new (
  data: ConnectionData<T>,
) => Connection<T> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Pass as `after` to continue after this row.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records.` })
  class EntityConnection implements Connection<T> {
    @Field(() => [Edge], { description: 'The rows of the page with their cursors.' })
    edges: Edge[];

    @Field(() => [node], { description: 'The rows of the page.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where the page ends and whether more follow.' })
    pageInfo: PageInfo;

    private readonly count: () => Promise<number>;

    constructor(data: ConnectionData<T>) {
      this.nodes = data.nodes;
      this.edges = data.nodes.map((row, index) => ({ cursor: data.cursors[index], node: row }));
      this.pageInfo = { hasNextPage: data.hasNextPage, endCursor: data.cursors.at(-1) ?? null };
      this.count = data.count;
    }

    @Field(() => Int, {
      description: 'How many rows match the filter, over all pages (costs a count query).',
    })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return EntityConnection;
}
