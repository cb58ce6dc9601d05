import type { DocSpaceClient } from '@docspace-people/client';
import { bind } from './bind.js';
import { Connection, transportOf } from './connection.js';
import { GROUPS, type Groups } from './groups.js';
import type { DocSpaceOptions } from './options.js';
import { PEOPLE, type People } from './people.js';
import { PHOTOS, type Photos } from './photos.js';
import { rawClient } from './raw-client.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const DENO_INSPECT = Symbol.for('Deno.customInspect');

/**
 * The DocSpace People & Photos SDK.
 *
 * ```ts
 * const ds = new DocSpace({ baseUrl: 'https://example.onlyoffice.com', token: process.env.DOCSPACE_TOKEN });
 * const me = await ds.people.me();
 * ```
 * One instance shares one connection budget: never more than 50 reads and 15 writes in flight. A `DocSpace` is a
 * {@link Connection}, so it can also be passed to the standalone functions (`peopleGet(ds, id)`). Bundling this
 * class brings every operation and the raw client along (about 12 KB gzipped); the functions alone are lighter.
 */
export class DocSpace extends Connection {
  /** People: create, get, list, update, terminate, delete, change type, invite. */
  readonly people: People;
  #photos: Photos | undefined;
  #groups: Groups | undefined;
  #raw: DocSpaceClient | undefined;

  /** Creates a client. Throws {@link ValidationError} for a bad `baseUrl` or missing credentials. */
  constructor(options: DocSpaceOptions) {
    super(options);
    this.people = bind(this, PEOPLE);
  }

  /** Groups: list, get, create, update, delete, members and manager (system groups are refused for writes). */
  get groups(): Groups {
    this.#groups ??= bind(this, GROUPS);
    return this.#groups;
  }

  /** User photos: get, upload, set from URL, crop, delete. */
  get photos(): Photos {
    this.#photos ??= bind(this, PHOTOS);
    return this.#photos;
  }

  /**
   * The typed client generated from the curated spec (openapi-fetch), for endpoints the facade does not wrap.
   * It shares this instance's auth, retries, timeouts and concurrency limits. Results are the raw envelopes.
   * @example const { data } = await ds.raw.GET('/api/2.0/people/simple/filter', { params: { query: { count: 10 } } });
   */
  get raw(): DocSpaceClient {
    this.#raw ??= rawClient(this);
    return this.#raw;
  }

  /** JSON form without credentials. */
  toJSON(): { baseUrl: string; auth: string } {
    return {
      baseUrl: this.baseUrl,
      auth: `${transportOf(this).authHeader.startsWith('Basic ') ? 'Basic' : 'Bearer'} [redacted]`,
    };
  }

  /** Node's `util.inspect` form without credentials. */
  [INSPECT](): string {
    const { baseUrl, auth } = this.toJSON();
    return `DocSpace { baseUrl: '${baseUrl}', auth: '${auth}' }`;
  }

  /** Deno's `Deno.inspect` / `console.log` form without credentials. */
  [DENO_INSPECT](): string {
    return this[INSPECT]();
  }
}
