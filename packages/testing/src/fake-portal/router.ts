import type { IncomingHttpHeaders } from 'node:http';
import type { LinkTarget, Reply } from './envelope.js';
import type { PortalState } from './portal-state.js';
import type { FakeUser } from './user-record.js';

/** Everything a route handler gets. */
export interface RouteContext {
  /** Path parameters by name, URL-decoded. */
  params: Record<string, string>;
  /** The query string. */
  query: URLSearchParams;
  /** The request's headers. */
  headers: IncomingHttpHeaders;
  /** The raw request body. */
  rawBody: Buffer;
  /** The JSON body, or undefined when there is none or it is not JSON. */
  json: unknown;
  /** The authenticated caller (for a route with `allowAnonymous` called without credentials: see `anonymous`). */
  caller: FakeUser;
  /** True when a route with `allowAnonymous` was called without credentials (`caller` is then a placeholder). */
  anonymous: boolean;
  /** The portal's state. */
  state: PortalState;
  /** The request's URL and method, for the envelope's `links`. */
  link: LinkTarget;
}

/** A route handler: answers with a {@link Reply} or throws a PortalError / ValidationFailure. */
export type RouteHandler = (ctx: RouteContext) => Reply | Promise<Reply>;

/** One operation of the API. */
export interface RouteDefinition {
  /** HTTP method. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template as in the spec, e.g. `/api/2.0/people/{userid}`. */
  path: string;
  /** The spec's operationId. */
  operationId: string;
  /** The handler. */
  handler: RouteHandler;
  /** Path parameters that must be GUIDs (the server's `:guid` route constraint): other text matches no route. */
  guids?: string[];
  /** The route may be called without credentials (the handler sees `anonymous: true`). */
  allowAnonymous?: boolean;
}

/** A route matched against a request. */
export interface RouteMatch {
  /** The matched route. */
  route: RouteDefinition;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
}

/** A GUID (the server's `:guid` route constraint and its Guid parsing), any case. */
export const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
  literals: number;
}

/** Matches method + path to routes; literal segments win over parameters (`/people/@self` over `/people/{userid}`). */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: RouteDefinition[]) {
    this.compiled = routes
      .map((route) => {
        const names: string[] = [];
        const segments = route.path.split('/');
        const source = segments
          .map((segment) => {
            const param = /^\{(\w+)\}$/.exec(segment);
            if (param?.[1]) {
              names.push(param[1]);
              return '([^/]+)';
            }
            return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          })
          .join('/');
        return {
          route,
          names,
          pattern: new RegExp(`^${source}/?$`, 'i'),
          literals: segments.length - names.length,
        };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  /** Finds the route for a request, or undefined. */
  match(method: string, pathname: string): RouteMatch | undefined {
    for (const entry of this.compiled) {
      if (entry.route.method !== method) continue;
      const found = entry.pattern.exec(pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      entry.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '');
      });
      if (entry.route.guids?.some((name) => !guidPattern.test(params[name] ?? ''))) continue;
      return { route: entry.route, params };
    }
    return undefined;
  }

  /** True when some route has this path under another method (for 405-like answers). */
  knowsPath(pathname: string): boolean {
    return this.compiled.some((entry) => entry.pattern.test(pathname));
  }
}
