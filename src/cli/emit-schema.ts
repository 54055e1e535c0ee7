import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildGatewaySchema } from '../resolvers/build-schema.js';
import { printGatewaySchema } from '../resolvers/print-schema.js';

/** `npm run schema:emit`: writes the GraphQL schema to schema.graphql, committed so API changes show in diffs. */
async function main(): Promise<void> {
  const file = path.resolve('schema.graphql');
  await writeFile(file, printGatewaySchema(await buildGatewaySchema()));
  console.log(`Wrote ${path.relative(process.cwd(), file)}.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
