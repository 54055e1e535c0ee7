import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** Raw request bytes, read once by the server before routing. */
  body: Buffer;
}

export type Handler<C extends RouteContext = RouteContext> = (ctx: C) => Promise<void> | void;

interface Route<C extends RouteContext> {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler<C>;
}

/** Xero paths are case-insensitive (`/invoices` works like `/Invoices`), so matching ignores case. */
export class Router<C extends RouteContext = RouteContext> {
  private routes: Route<C>[] = [];

  add(method: string, path: string, handler: Handler<C>): this {
    const keys: string[] = [];
    const source = path
      .split('/')
      .map((part) => {
        if (part.startsWith(':')) {
          keys.push(part.slice(1));
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`, 'i'), keys, handler });
    return this;
  }

  match(
    method: string,
    path: string,
  ): { handler: Handler<C>; params: Record<string, string> } | 'method' | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method && route.method !== '*') continue;
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1]);
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : null;
  }
}
