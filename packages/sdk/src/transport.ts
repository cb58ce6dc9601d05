import { type Auth, redact } from './auth.js';
import { DEFAULT_MAX_RESPONSE_BYTES, guardedResponse, readTextCapped } from './body-limits.js';
import { type DeadlineGroup, Deadlines } from './deadlines.js';
import { ConnectionError, ResponseTooLargeError, TimeoutError } from './errors.js';
import { checkHeaders } from './header-check.js';
import { Limiter } from './limiter.js';
import type { DocSpaceOptions, FetchLike, Logger, RequestOptions } from './options.js';
import { redactError, secretForms } from './redaction.js';
import { isErrorEnvelope, toApiError } from './response-errors.js';
import {
  backoffMs,
  failedBeforeSending,
  isIdempotentMethod,
  isRetryableStatus,
  rateLimitResetMs,
  serverWaitMs,
} from './retry-policy.js';

/** @internal One facade call: method, path (already encoded), query string and body. */
export interface Call {
  method: string;
  /** Path from the origin, starting with `/api/2.0/`, every user-supplied segment already encoded. */
  path: string;
  /** `''` or a query string starting with `?`, already encoded. */
  query?: string;
  /** JSON body. */
  body?: unknown;
  /** Multipart body (photo upload). */
  form?: FormData;
  /** Overrides the method's idempotency (e.g. resending invitations is a PUT that sends e-mails). */
  idempotent?: boolean;
}

const BACKOFF_CAP_MS = 8000;

/**
 * @internal The SDK's own small fetch pipeline: URL, auth header, JSON, envelope check, error mapping, retries,
 * concurrency limits, timeouts and aborts. The facade's methods use {@link Transport.call}; the typed raw
 * client's `fetch` (raw-client.ts) uses {@link Transport.run}, so both share auth, retries and limits.
 */
export class Transport {
  readonly origin: string;
  readonly reads: Limiter;
  readonly writes: Limiter;
  readonly #auth: Auth;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #baseDelayMs: number;
  readonly #maxWaitMs: number;
  readonly #logger: Logger | undefined;
  readonly #maxResponseBytes: number;
  /** The secrets and their encoded forms, removed from every error and log line. */
  readonly #secrets: string[];
  /** @internal Extra headers of every request, lower-case names, without `authorization`. */
  readonly extraHeaders: Record<string, string>;
  readonly #readHeaders: Record<string, string>;
  readonly #jsonHeaders: Record<string, string>;
  readonly #deadlines = new Deadlines();

  constructor(origin: string, auth: Auth, options: DocSpaceOptions) {
    this.origin = origin;
    this.#auth = auth;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    // Call the global fetch unbound: some runtimes throw "Illegal invocation" when it is a method of an object.
    this.#fetch = options.fetch ? fetchImpl : (input, init) => globalThis.fetch(input, init);
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#maxRetries = options.maxRetries ?? 2;
    this.#baseDelayMs = options.retryBaseDelayMs ?? 500;
    this.#maxWaitMs = options.maxRetryWaitMs ?? 60_000;
    this.#logger = options.logger;
    this.#maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#secrets = secretForms(auth.secrets);
    this.reads = new Limiter(options.maxConcurrentReads ?? 50);
    this.writes = new Limiter(options.maxConcurrentWrites ?? 15);
    this.extraHeaders = withoutAuthorization(options.headers);
    this.#readHeaders = { ...this.extraHeaders, accept: 'application/json', authorization: auth.header };
    this.#jsonHeaders = { ...this.#readHeaders, 'content-type': 'application/json' };
  }

  /** Replaces the secrets in a text (for log lines and custom inspection). */
  redact(text: string): string {
    return redact(text, this.#secrets);
  }

  /** @internal Removes the secrets from an error's message, stack, fields and causes; returns the same error. */
  redactError<E>(error: E): E {
    return redactError(error, this.#secrets);
  }

  /** @internal The Authorization header value (a secret: never print it). */
  get authHeader(): string {
    return this.#auth.header;
  }

  /** Describes the auth scheme without the secret. */
  get authScheme(): string {
    return this.#auth.header.startsWith('Basic ') ? 'Basic' : 'Bearer';
  }

  /**
   * Sends a facade call and returns the parsed body (the success envelope, or whatever JSON the server sent).
   * Throws an {@link ApiError} subclass for HTTP errors and for error envelopes sent with HTTP 2xx.
   */
  call(call: Call, options?: RequestOptions): Promise<unknown> {
    const url = call.query ? this.origin + call.path + call.query : this.origin + call.path;
    let headers = call.body === undefined ? this.#readHeaders : this.#jsonHeaders;
    if (options?.headers) {
      checkHeaders(options.headers, 'options.headers');
      headers = { ...headers, ...withoutAuthorization(options.headers) };
    }
    const body = call.form ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
    const idempotent = call.idempotent ?? isIdempotentMethod(call.method);
    return this.run(call.method, call.path, idempotent, options, url, headers, body);
  }

  /**
   * @internal Sends one request with retries, limits and timeouts. `input` is a URL (facade calls: returns the
   * parsed body, throws on HTTP errors) or a `Request` (the raw client: returns the `Response`, errors included).
   */
  async run(
    method: string,
    path: string,
    idempotent: boolean,
    options: RequestOptions | undefined,
    input: string | Request,
    headers: Record<string, string> | undefined,
    body: BodyInit | undefined,
  ): Promise<unknown> {
    const raw = typeof input !== 'string';
    const signal = options?.signal;
    const maxRetries = options?.maxRetries ?? this.#maxRetries;
    const timeoutMs = options?.timeoutMs ?? this.#timeoutMs;
    const limiter = method === 'GET' || method === 'HEAD' ? this.reads : this.writes;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      if (limiter.pausedUntil !== 0) await this.#waitForPause(limiter, method, path, signal);
      if (!limiter.tryAcquire()) await limiter.wait(signal);
      const started = this.#logger || raw ? Date.now() : 0;
      let response: Response;
      let parsed: unknown;
      // Timeout: a shared deadline group (see deadlines.ts). A caller's signal needs a controller of its own.
      const group: DeadlineGroup | undefined = timeoutMs > 0 ? this.#deadlines.join(timeoutMs) : undefined;
      let controller: AbortController | undefined;
      let onAbort: (() => void) | undefined;
      if (signal) {
        const own = new AbortController();
        controller = own;
        onAbort = () => own.abort(signal.aborted ? signal.reason : undefined);
        signal.addEventListener('abort', onAbort, { once: true });
        group?.signal.addEventListener('abort', onAbort, { once: true });
      }
      const fetchSignal = controller ? controller.signal : group?.signal;
      try {
        if (raw) {
          // A request with a body can be sent once: keep a copy while a retry is possible.
          const request = input.body !== null && attempt < maxRetries ? input.clone() : input;
          response = await this.#fetch(request, fetchSignal ? { signal: fetchSignal } : undefined);
        } else {
          const init: RequestInit = { method, headers: headers as Record<string, string> };
          if (body !== undefined) init.body = body;
          if (fetchSignal) init.signal = fetchSignal;
          response = await this.#fetch(input, init);
        }
        if (!raw) parsed = parseBody(await readTextCapped(response, this.#maxResponseBytes, method, path));
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof ResponseTooLargeError) {
          this.#log(() => `${method} ${path} -> ${error.message}`);
          throw this.redactError(error);
        }
        const timedOut = group?.timedOut === true;
        const failure = timedOut
          ? new TimeoutError(method, path, timeoutMs)
          : new ConnectionError(method, path, error);
        const mayRetry = attempt < maxRetries && (idempotent || (!timedOut && failedBeforeSending(error)));
        this.#log(
          () =>
            `${method} ${path} -> ${failure.message}${mayRetry ? `, retry ${attempt + 1}/${maxRetries}` : ''}`,
        );
        if (!mayRetry) throw this.redactError(failure);
        await sleep(backoffMs(attempt, this.#baseDelayMs, Math.min(BACKOFF_CAP_MS, this.#maxWaitMs)), signal);
        continue;
      } finally {
        if (group) this.#deadlines.leave(group);
        if (onAbort) {
          signal?.removeEventListener('abort', onAbort);
          group?.signal.removeEventListener('abort', onAbort);
        }
        limiter.release();
      }

      const status = response.status;
      if (status < 400 && !isErrorEnvelope(parsed)) {
        if (this.#logger) this.#log(() => `${method} ${path} -> ${status} in ${Date.now() - started} ms`);
        const reset = rateLimitResetMs(response.headers);
        if (reset !== undefined) this.#pause(limiter, reset);
        return raw ? this.#guard(response, method, path, timeoutMs, started, signal) : parsed;
      }
      const waitMs = status >= 400 ? serverWaitMs(response.headers) : undefined;
      if (status === 429 && waitMs !== undefined) this.#pause(limiter, waitMs);
      const retryable = attempt < maxRetries && isRetryableStatus(status, idempotent, waitMs !== undefined);
      const delay = retryable
        ? (waitMs ?? backoffMs(attempt, this.#baseDelayMs, Math.min(BACKOFF_CAP_MS, this.#maxWaitMs)))
        : 0;
      if (retryable && delay <= this.#maxWaitMs) {
        this.#log(() => `${method} ${path} -> ${status}, retry ${attempt + 1}/${maxRetries} in ${delay} ms`);
        if (raw) await response.body?.cancel();
        await sleep(delay, signal);
        continue;
      }
      if (raw) return this.#guard(response, method, path, timeoutMs, started, signal);
      const error = this.redactError(toApiError(status, method, path, response.headers, parsed, waitMs));
      this.#log(() => `${method} ${path} -> ${error.message}`);
      throw error;
    }
  }

  /** The raw client reads bodies itself: hand it one with the size cap and the rest of the attempt's timeout. */
  #guard(
    response: Response,
    method: string,
    path: string,
    timeoutMs: number,
    started: number,
    signal: AbortSignal | undefined,
  ): Response {
    return guardedResponse(response, {
      method,
      path,
      maxBytes: this.#maxResponseBytes,
      timeoutMs: timeoutMs > 0 ? Math.max(1, timeoutMs - (Date.now() - started)) : 0,
      attemptTimeoutMs: timeoutMs,
      signal,
      redact: (error) => this.redactError(error),
    });
  }

  /**
   * After a 429 (or a response saying the window is used up), holds back the other requests of the same kind
   * until the window resets, so a burst does not hammer the server. Longer waits than `maxRetryWaitMs` are not
   * applied: those calls fail fast with the server's own 429.
   */
  #pause(limiter: Limiter, ms: number): void {
    if (ms > this.#maxWaitMs) return;
    const until = Date.now() + ms;
    if (until > limiter.pausedUntil) limiter.pausedUntil = until;
  }

  async #waitForPause(limiter: Limiter, method: string, path: string, signal: AbortSignal | undefined) {
    const wait = limiter.pausedUntil - Date.now();
    if (wait <= 0) {
      limiter.pausedUntil = 0;
      return;
    }
    this.#log(() => `${method} ${path} waits ${wait} ms for the rate-limit window`);
    await sleep(wait, signal);
  }

  #log(line: () => string): void {
    if (this.#logger) this.#logger(this.redact(`[docspace] ${line()}`));
  }
}

/** @internal Parses a response text: JSON when it looks like JSON, else the text itself; `undefined` when empty. */
export function parseBody(text: string): unknown {
  if (text.length === 0) return undefined;
  const first = text.charCodeAt(0);
  // '{' or '[' or whitespace before them
  if (first === 123 || first === 91 || first <= 32) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function withoutAuthorization(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && name.toLowerCase() !== 'authorization') out[name.toLowerCase()] = value;
  }
  return out;
}

/** @internal Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
