import { buildAuth } from './auth.js';
import { ValidationError } from './errors.js';
import { checkHeaders } from './header-check.js';
import type { DocSpaceOptions } from './options.js';
import { Transport } from './transport.js';

/** @internal The transport behind a connection (set once by the class's static block). */
let transportOf: (connection: Connection) => Transport;

/**
 * A configured connection to one portal: base URL, auth, retries, timeouts and the concurrency budget (never more
 * than 50 reads and 15 writes in flight). It sends nothing by itself: pass it to the operation functions
 * (`peopleGet(connection, id)`, ...). Create one with {@link connect}; a {@link DocSpace} is a connection too.
 * The credentials live in private fields: `util.inspect`, `JSON.stringify` and logs of a connection never show them.
 */
export class Connection {
  /** The portal origin requests go to. */
  readonly baseUrl: string;
  readonly #transport: Transport;

  static {
    transportOf = (connection) => connection.#transport;
  }

  /** Checks the options and creates the connection. Throws {@link ValidationError} for bad options. */
  constructor(options: DocSpaceOptions) {
    if (options === null || typeof options !== 'object')
      throw new ValidationError('options', 'object', 'must be an object');
    this.baseUrl = normalizeOrigin(options.baseUrl);
    const auth = buildAuth(options.token, options.basic);
    for (const key of ['timeoutMs', 'maxRetries', 'retryBaseDelayMs', 'maxRetryWaitMs'] as const) {
      const value = options[key];
      if (value !== undefined && (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value))) {
        throw new ValidationError(key, 'nonNegative', 'must be a finite number >= 0');
      }
    }
    checkHeaders(options.headers, 'headers');
    for (const key of ['maxConcurrentReads', 'maxConcurrentWrites', 'maxResponseBytes'] as const) {
      const value = options[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
        throw new ValidationError(key, 'positiveInteger', 'must be an integer >= 1');
      }
    }
    this.#transport = new Transport(this.baseUrl, auth, options);
  }

  /** Requests in flight right now, by kind (for monitoring). */
  get inFlight(): { reads: number; writes: number } {
    return { reads: this.#transport.reads.inFlight, writes: this.#transport.writes.inFlight };
  }
}

/**
 * Creates a {@link Connection} for the lightweight operation functions. Nothing is sent until you call one.
 * Throws {@link ValidationError} for a bad `baseUrl` or missing credentials.
 * @example
 * import { connect, peopleGet } from '@docspace-people/sdk';
 * const connection = connect({ baseUrl: 'https://example.onlyoffice.com', token: process.env.DOCSPACE_TOKEN });
 * const person = await peopleGet(connection, id);
 */
export function connect(options: DocSpaceOptions): Connection {
  return new Connection(options);
}

export { transportOf };

/** Checks the base URL and returns its origin plus any path prefix, without a trailing slash or `/api/2.0`. */
function normalizeOrigin(baseUrl: unknown): string {
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new ValidationError(
      'baseUrl',
      'required',
      'must be the portal URL, e.g. https://example.onlyoffice.com',
    );
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ValidationError(
      'baseUrl',
      'url',
      'must be an absolute URL, e.g. https://example.onlyoffice.com',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ValidationError('baseUrl', 'url', 'must use https or http');
  if (url.username || url.password) {
    throw new ValidationError(
      'baseUrl',
      'noCredentials',
      'must not contain credentials: use the token or basic option',
    );
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/2\.0$/i, '');
  return url.origin + path;
}
