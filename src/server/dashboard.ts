import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// The page's own files live beside this module in the source tree; a tsc build (dist/src/server) does not
// copy them, so from a build they are read from the source tree the build came from.
const STATIC_DIR = import.meta.url.endsWith('.ts')
  ? path.join(import.meta.dirname, 'dashboard')
  : path.resolve(import.meta.dirname, '../../../src/server/dashboard');

/** Every file the dashboard loads, all from this server (no CDN): gateways run offline too. */
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'chart.js': {
    // chart.js exports no package.json; its main entry sits in dist/ beside the UMD build.
    file: () => path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
    type: 'text/javascript',
  },
  'graphql-ws.js': {
    file: () => path.join(path.dirname(require.resolve('graphql-ws/package.json')), 'umd/graphql-ws.min.js'),
    type: 'text/javascript',
  },
  'dashboard.js': { file: () => path.join(STATIC_DIR, 'dashboard.js'), type: 'text/javascript' },
  'dashboard.css': { file: () => path.join(STATIC_DIR, 'dashboard.css'), type: 'text/css' },
};

const cache = new Map<string, Buffer>();

/** Serves `/dashboard/assets/<name>`; answers false when the name is not a dashboard asset. */
export async function serveDashboardAsset(name: string, response: ServerResponse): Promise<boolean> {
  const asset = ASSETS[name];
  if (!asset) return false;
  let content = cache.get(name);
  if (!content) {
    content = await readFile(asset.file());
    cache.set(name, content);
  }
  response.writeHead(200, {
    'content-type': `${asset.type}; charset=utf-8`,
    'content-length': content.length,
    'cache-control': 'no-cache',
  });
  response.end(content);
  return true;
}

/** The dashboard page; in demo mode it carries the demo key, otherwise it asks for one. */
export function dashboardHtml({ demoApiKey }: { demoApiKey?: string }): string {
  const config = JSON.stringify({ apiKey: demoApiKey ?? null }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Connec! gateway for Xero — dashboard</title>
  <link rel="stylesheet" href="/dashboard/assets/dashboard.css">
</head>
<body>
  <header>
    <h1>Dashboard</h1>
    <form id="period">
      <label>From <input type="date" name="from"></label>
      <label>To <input type="date" name="to"></label>
      <label>Period <select name="period">
        <option value="WEEK">Week</option><option value="MONTH" selected>Month</option>
        <option value="QUARTER">Quarter</option><option value="YEAR">Year</option>
      </select></label>
    </form>
    <div id="sync-status" data-testid="sync-status">Sync: …</div>
  </header>
  <form id="key-form" hidden>
    <label>API key <input name="key" type="password" autocomplete="off" size="60"></label>
    <button type="submit">Use key</button>
    <p class="hint">The key is kept in this browser (localStorage) only.</p>
  </form>
  <p id="error" role="alert" hidden></p>
  <main id="widgets"></main>
  <script>window.DASHBOARD_CONFIG = ${config};</script>
  <script src="/dashboard/assets/chart.js"></script>
  <script src="/dashboard/assets/graphql-ws.js"></script>
  <script src="/dashboard/assets/dashboard.js"></script>
</body>
</html>`;
}
