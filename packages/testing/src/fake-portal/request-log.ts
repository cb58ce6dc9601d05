/** Reads (GET, HEAD) and writes (POST, PUT, DELETE, PATCH) have separate concurrency limits. */
export type RequestKind = 'read' | 'write';

/** What is known about a request when matching it (fault rules, counting). */
export interface RequestInfo {
  /** HTTP method, upper case. */
  method: string;
  /** The request path without the query, e.g. `/api/2.0/people/3f2a...`. */
  path: string;
  /** The matched route, `METHOD /template`, e.g. `GET /api/2.0/people/{userid}`; undefined for unknown paths. */
  route: string | undefined;
  /** The spec's operationId of the matched route. */
  operationId: string | undefined;
  /** Read or write. */
  kind: RequestKind;
}

/** How a request ended. */
export type RequestOutcome = 'handled' | 'rate-limited' | 'fault' | 'unknown-route';

/** One request as the fake saw it. Never holds credentials. */
export interface RecordedRequest extends RequestInfo {
  /** Arrival order, from 1. */
  seq: number;
  /** The query string including `?`, or empty. */
  search: string;
  /** HTTP status sent, or `close` / `reset` when the connection was dropped. */
  status: number | 'close' | 'reset';
  /** How it ended. */
  outcome: RequestOutcome;
  /** Id of the authenticated caller, when authentication succeeded. */
  callerId?: string;
  /** Arrival time (ms since the epoch). */
  startedAt: number;
  /** Time from arrival to the end of the answer, in ms. */
  durationMs: number;
}

/**
 * Selects requests: an operationId (`addMember`), a method (`POST`), a route `METHOD /path` (template as in the spec
 * or an actual path; the `/api/2.0` prefix may be left out, e.g. `POST /people`), a RegExp tested against
 * `METHOD /actual/path`, or a predicate.
 */
export type RequestMatcher = string | RegExp | ((request: RequestInfo) => boolean);

/** The method of a request. */
export function kindOf(method: string): RequestKind {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? 'read' : 'write';
}

/** True when a request matches a {@link RequestMatcher}; an undefined matcher matches everything. */
export function matchesRequest(matcher: RequestMatcher | undefined, request: RequestInfo): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === 'function') return matcher(request);
  if (matcher instanceof RegExp) return matcher.test(`${request.method} ${request.path}`);
  if (matcher === request.operationId) return true;
  if (/^[A-Z]+$/.test(matcher)) return matcher === request.method;
  const space = matcher.indexOf(' ');
  if (space < 0) return false;
  const method = matcher.slice(0, space).toUpperCase();
  let path = matcher.slice(space + 1).trim();
  if (!path.startsWith('/api/')) path = `/api/2.0${path.startsWith('/') ? '' : '/'}${path}`;
  if (method !== request.method) return false;
  const template = request.route?.slice(request.route.indexOf(' ') + 1);
  return path === template || path.toLowerCase() === request.path.toLowerCase();
}

/** Concurrency numbers per kind. */
export interface KindCounts {
  /** GET requests. */
  read: number;
  /** POST, PUT, DELETE requests. */
  write: number;
}

/** Counters the fake keeps about traffic. */
export interface PortalStats {
  /** Requests being served right now. */
  inFlight: KindCounts;
  /** Highest number of requests open at the same time (including those answered 429). */
  maxInFlight: KindCounts;
  /** Requests answered 429 because the concurrency limit was exceeded. */
  rateLimited: KindCounts;
  /** Requests seen since start or the last reset. */
  total: number;
}

/** Keeps the request log and the concurrency counters. */
export class TrafficRecorder {
  /** Every finished request in arrival order. */
  readonly log: RecordedRequest[] = [];
  readonly inFlight: KindCounts = { read: 0, write: 0 };
  private maxInFlight: KindCounts = { read: 0, write: 0 };
  private rateLimited: KindCounts = { read: 0, write: 0 };
  private seq = 0;

  /** Counts a request in; returns its sequence number. */
  enter(kind: RequestKind): number {
    this.inFlight[kind]++;
    if (this.inFlight[kind] > this.maxInFlight[kind]) this.maxInFlight[kind] = this.inFlight[kind];
    return ++this.seq;
  }

  /** Counts a request out and records it. */
  leave(entry: RecordedRequest): void {
    this.inFlight[entry.kind]--;
    if (entry.outcome === 'rate-limited') this.rateLimited[entry.kind]++;
    this.log.push(entry);
  }

  /** The counters. */
  stats(): PortalStats {
    return {
      inFlight: { ...this.inFlight },
      maxInFlight: { ...this.maxInFlight },
      rateLimited: { ...this.rateLimited },
      total: this.seq,
    };
  }

  /** Clears the log and counters (requests still in flight stay counted). */
  reset(): void {
    this.log.length = 0;
    this.maxInFlight = { ...this.inFlight };
    this.rateLimited = { read: 0, write: 0 };
    this.seq = 0;
  }
}
