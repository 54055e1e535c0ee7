import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/resolvers/build-schema.js';
import { printGatewaySchema } from '../../src/resolvers/print-schema.js';

describe('the committed schema.graphql', () => {
  it('matches the schema the resolvers build (run `npm run schema:emit` after changing the API)', async () => {
    const committed = await readFile(path.resolve('schema.graphql'), 'utf8');
    expect(printGatewaySchema(await buildGatewaySchema())).toBe(committed);
  });

  it('names every list type *Connection, so the complexity limit counts unpaged lists at 50', async () => {
    const schema = await buildGatewaySchema();
    const lists = Object.values(schema.getQueryType()!.getFields()).filter((field) =>
      field.args.some((arg) => arg.name === 'first'),
    );
    expect(lists.length).toBe(17);
    for (const field of lists) expect(String(field.type)).toMatch(/Connection!$/);
  });
});
