import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startXeroEmulator } from './index.js';
import { intentToReceive } from './webhooks/intent-to-receive.js';

/** CLI for `npm run xero-emulator`; also `intent-to-receive --url U --key K`. */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'intent-to-receive') {
    const { values } = parseArgs({
      args: argv.slice(1),
      options: { url: { type: 'string' }, key: { type: 'string' } },
    });
    if (!values.url || !values.key) {
      console.error('usage: xero-emulator intent-to-receive --url <webhook url> --key <webhook key>');
      return 2;
    }
    const result = await intentToReceive(values.url, values.key);
    for (const c of result.checks) {
      console.log(`${c.passed ? 'PASS' : 'FAIL'}  ${c.name}: expected ${c.expectedStatus}, got ${c.status}`);
    }
    console.log(result.passed ? 'Intent to receive: PASSED' : 'Intent to receive: FAILED');
    return result.passed ? 0 : 1;
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      today: { type: 'string' },
      'client-created-on': { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-key': { type: 'string' },
      'data-file': { type: 'string' },
      'ready-file': { type: 'string' },
    },
  });
  const seed = values.seed === 'empty' ? 'empty' : 'demo';
  const emulator = await startXeroEmulator({
    port: values.port ? Number(values.port) : 0,
    host: values.host,
    seed,
    scale: values.scale ? Number(values.scale) : 0,
    today: values.today,
    clientCreatedOn: values['client-created-on'],
    webhookUrl: values['webhook-url'],
    webhookKey: values['webhook-key'],
    dataFile: values['data-file'],
  });
  const info = {
    url: emulator.url,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    webhookKey: emulator.webhookKey,
    organisations: emulator.organisations,
  };
  if (values['ready-file']) writeFileSync(values['ready-file'], JSON.stringify(info, null, 2));
  console.log(`Xero emulator listening on ${emulator.url}`);
  for (const o of emulator.organisations)
    console.log(`  ${o.name}  tenantId=${o.tenantId}  ${o.baseCurrency}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.stop();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
