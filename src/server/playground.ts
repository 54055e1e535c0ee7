import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WIDGET_EXAMPLES } from './dashboard-examples.js';

const require = createRequire(import.meta.url);

/** The only files the playground loads, all from this server: gateways run offline and behind firewalls. */
const ASSETS: Record<string, { module: string; file: string; type: string }> = {
  'react.js': { module: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { module: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { module: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { module: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'graphql-ws.js': { module: 'graphql-ws', file: 'umd/graphql-ws.min.js', type: 'text/javascript' },
};

const cache = new Map<string, Buffer>();

function packageRoot(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** Serves `/playground/assets/<name>`; answers false when the name is not a playground asset. */
export async function servePlaygroundAsset(name: string, response: ServerResponse): Promise<boolean> {
  const asset = ASSETS[name];
  if (!asset) return false;
  let content = cache.get(name);
  if (!content) {
    content = await readFile(path.join(packageRoot(asset.module), asset.file));
    cache.set(name, content);
  }
  response.writeHead(200, {
    'content-type': `${asset.type}; charset=utf-8`,
    'content-length': content.length,
    'cache-control': 'public, max-age=86400',
  });
  response.end(content);
  return true;
}

export interface PlaygroundOptions {
  /** Prefilled only in demo mode, so a newcomer's first query works with no set-up. */
  demoApiKey?: string;
  defaultQuery?: string;
}

const DEFAULT_QUERY = `# Welcome to the Connec! gateway for Xero.
# Press the run button (or Ctrl-Enter) to ask who you are.
query Viewer {
  viewer {
    tenant { id name }
    app { id provider scopes }
  }
}
`;

/** GraphiQL with the docs explorer; queries over HTTP, subscriptions over graphql-ws on the same path. */
export function playgroundHtml({ demoApiKey, defaultQuery = DEFAULT_QUERY }: PlaygroundOptions): string {
  const headers = demoApiKey ? JSON.stringify({ Authorization: `Bearer ${demoApiKey}` }, null, 2) : '';
  const tabs = [{ query: defaultQuery }, ...WIDGET_EXAMPLES];
  const config = JSON.stringify({ headers, defaultQuery, tabs }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Connec! gateway for Xero — playground</title>
  <link rel="stylesheet" href="/playground/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the playground…</div>
  <script src="/playground/assets/react.js"></script>
  <script src="/playground/assets/react-dom.js"></script>
  <script src="/playground/assets/graphiql.js"></script>
  <script src="/playground/assets/graphql-ws.js"></script>
  <script>
    const config = ${config};
    const httpUrl = new URL('/graphql', location.href).toString();
    const wsUrl = httpUrl.replace(/^http/, 'ws');
    let ws;
    // One socket per Authorization header: the header editor's value becomes the connection_init payload.
    function socketFor(headers) {
      const authorization = headers.Authorization || headers.authorization || '';
      if (!ws || ws.authorization !== authorization) {
        if (ws) ws.client.dispose();
        ws = { authorization, client: graphqlWs.createClient({ url: wsUrl, connectionParams: { Authorization: authorization }, lazy: true }) };
      }
      return ws.client;
    }
    function isSubscription(query, operationName) {
      const pattern = operationName ? new RegExp('subscription\\\\s+' + operationName + '\\\\b') : /^\\s*subscription\\b/m;
      return pattern.test(query || '');
    }
    async function fetcher(params, options) {
      const headers = (options && options.headers) || {};
      if (isSubscription(params.query, params.operationName)) {
        return socketFor(headers).iterate(params);
      }
      const response = await fetch(httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(params),
      });
      return response.json();
    }
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: config.defaultQuery,
        defaultTabs: config.tabs.map((tab) => ({ ...tab, headers: config.headers })),
        defaultHeaders: config.headers,
        headers: config.headers || undefined,
        shouldPersistHeaders: false,
        defaultEditorToolsVisibility: config.headers ? 'headers' : true,
      }),
    );
  </script>
</body>
</html>`;
}
