import { createClient, type DocSpaceClient } from '@docspace-people/client';
import { guardedResponse } from './body-limits.js';
import { type Connection, transportOf } from './connection.js';
import type { RequestOptions } from './options.js';
import { isIdempotentMethod } from './retry-policy.js';
import type { Outgoing, Transport } from './transport.js';

/**
 * Creates the typed client generated from the curated spec (openapi-fetch) on a connection, for endpoints the
 * facade does not wrap. It shares the connection's auth, retries, timeouts and concurrency limits; results are
 * the raw envelopes. Each call creates a new client: keep the one you get. `ds.raw` is this, created once.
 * Importing it adds openapi-fetch (about 2.4 KB gzipped) to a bundle; the other functions do not.
 * @example const raw = rawClient(connection);
 * const { data } = await raw.GET('/api/2.0/people/simple/filter', { params: { query: { count: 10 } } });
 */
export function rawClient(connection: Connection): DocSpaceClient {
  return createClient({ baseUrl: connection.baseUrl, fetch: rawFetch(transportOf(connection)) });
}

/**
 * A `fetch` for openapi-fetch: adds auth and the client's headers, then applies retries, limits and timeouts.
 * HTTP errors come back as responses (openapi-fetch turns them into `error`); only connection failures and
 * timeouts throw ({@link ConnectionError}, {@link TimeoutError}).
 */
function rawFetch(transport: Transport): (request: Request) => Promise<Response> {
  const { origin, extraHeaders } = transport;
  return (request) => {
    for (const name in extraHeaders) {
      const value = extraHeaders[name];
      if (value !== undefined && !request.headers.has(name)) request.headers.set(name, value);
    }
    request.headers.set('authorization', transport.authHeader);
    const url = request.url;
    const query = url.indexOf('?');
    const path = url.startsWith(origin) ? url.slice(origin.length, query < 0 ? undefined : query) : url;
    // The caller's signal (openapi-fetch puts it on the Request) must survive our own per-attempt signal.
    const options: RequestOptions = { signal: request.signal };
    const method = request.method;
    let started = 0;
    const out = {
      method,
      path,
      idempotent: isIdempotentMethod(method),
      url,
      init: {},
      call: (init, retryable) => {
        started = Date.now();
        // A request with a body can be sent once: keep a copy while a retry is possible.
        const sent = retryable && request.body !== null ? request.clone() : request;
        return transport.fetch(sent, init.signal ? { signal: init.signal } : undefined);
      },
    } satisfies Outgoing;
    // The body is read later by openapi-fetch: guard it with the size cap and the rest of the attempt's timeout.
    const timeoutMs = transport.timeoutMs;
    return transport.deliver(out, options).then(({ response }) =>
      guardedResponse(response, {
        method,
        path,
        maxBytes: transport.maxResponseBytes,
        timeoutMs: timeoutMs > 0 ? Math.max(1, timeoutMs - (Date.now() - started)) : 0,
        attemptTimeoutMs: timeoutMs,
        signal: request.signal,
        redact: (error) => transport.redactError(error),
      }),
    );
  };
}
