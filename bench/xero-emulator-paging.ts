/**
 * Pages every invoice of one organisation out of the emulator seeded with 100k extra invoices per
 * organisation, over real HTTP at pageSize 1000. Prints seeding time, paging time and peak RSS.
 * Run: npx tsx bench/xero-emulator-paging.ts [scale]
 */
import { startXeroEmulator } from '../src/xero-emulator/index.js';

const scale = Number(process.argv[2] ?? 100_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const t0 = performance.now();
const emu = await startXeroEmulator({
  scale,
  limits: { perMinute: 1_000_000, perDay: 1_000_000, appPerMinute: 1_000_000 },
});
const seeded = performance.now();
const tokens = (await (
  await fetch(`${emu.url}/__emulator/tokens`, { method: 'POST', body: '{}' })
).json()) as { access_token: string };
const headers = {
  authorization: `Bearer ${tokens.access_token}`,
  'xero-tenant-id': emu.organisations[0].tenantId,
  accept: 'application/json',
};

let page = 1;
let count = 0;
let bytes = 0;
const start = performance.now();
for (;;) {
  const res = await fetch(`${emu.url}/api.xro/2.0/Invoices?page=${page}&pageSize=1000`, { headers });
  const text = await res.text();
  bytes += text.length;
  const body = JSON.parse(text) as { Invoices: unknown[]; pagination: { pageCount: number } };
  count += body.Invoices.length;
  if (page >= body.pagination.pageCount) break;
  page++;
}
const elapsed = performance.now() - start;
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(`scale=${scale} per org (3 orgs), seeded in ${((seeded - t0) / 1000).toFixed(2)} s`);
console.log(
  `paged ${count} invoices in ${page} pages (${mb(bytes)} JSON) in ${(elapsed / 1000).toFixed(2)} s (${Math.round(count / (elapsed / 1000))} invoices/s)`,
);
console.log(
  `peak RSS ${mb(peakRss)} (emulator and client in one process); heap used now ${mb(process.memoryUsage().heapUsed)}`,
);
await emu.stop();
