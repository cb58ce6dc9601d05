import { createClient, type DocSpaceClient } from '@docspace-people/client';
import { buildAuth } from './auth.js';
import { ValidationError } from './errors.js';
import type { DocSpaceOptions } from './options.js';
import { People } from './people.js';
import { Photos } from './photos.js';
import { Transport } from './transport.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const DENO_INSPECT = Symbol.for('Deno.customInspect');

/**
 * The DocSpace People & Photos SDK.
 *
 * ```ts
 * const ds = new DocSpace({ baseUrl: 'https://example.onlyoffice.com', token: process.env.DOCSPACE_TOKEN });
 * const me = await ds.people.me();
 * ```
 * One instance shares one connection budget: never more than 50 reads and 15 writes in flight.
 */
export class DocSpace {
  /** People: create, get, list, update, terminate, delete, change type, invite. */
  readonly people: People;
  /** User photos: get, upload, set from URL, crop, delete. */
  readonly photos: Photos;
  /** The portal origin requests go to. */
  readonly baseUrl: string;
  readonly #transport: Transport;
  #raw: DocSpaceClient | undefined;

  /** Creates a client. Throws {@link ValidationError} for a bad `baseUrl` or missing credentials. */
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
    for (const key of ['maxConcurrentReads', 'maxConcurrentWrites'] as const) {
      const value = options[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
        throw new ValidationError(key, 'positiveInteger', 'must be an integer >= 1');
      }
    }
    this.#transport = new Transport(this.baseUrl, auth, options);
    this.people = new People(this.#transport);
    this.photos = new Photos(this.#transport);
  }

  /**
   * The typed client generated from the curated spec (openapi-fetch), for endpoints the facade does not wrap.
   * It shares this instance's auth, retries, timeouts and concurrency limits. Results are the raw envelopes.
   * @example const { data } = await ds.raw.GET('/api/2.0/people/simple/filter', { params: { query: { count: 10 } } });
   */
  get raw(): DocSpaceClient {
    this.#raw ??= createClient({ baseUrl: this.baseUrl, fetch: this.#transport.fetchRequest });
    return this.#raw;
  }

  /** Requests in flight right now, by kind (for monitoring). */
  get inFlight(): { reads: number; writes: number } {
    return { reads: this.#transport.reads.inFlight, writes: this.#transport.writes.inFlight };
  }

  /** JSON form without credentials. */
  toJSON(): { baseUrl: string; auth: string } {
    return { baseUrl: this.baseUrl, auth: `${this.#transport.authScheme} [redacted]` };
  }

  /** Node's `util.inspect` form without credentials. */
  [INSPECT](): string {
    return `DocSpace { baseUrl: '${this.baseUrl}', auth: '${this.#transport.authScheme} [redacted]' }`;
  }

  /** Deno's `Deno.inspect` / `console.log` form without credentials. */
  [DENO_INSPECT](): string {
    return this[INSPECT]();
  }
}

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
