import { whenAborted } from './abort.js';
import { type Auth, redact } from './auth.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readTextCapped } from './body-limits.js';
import { type DeadlineGroup, Deadlines } from './deadlines.js';
import { decode, ResponseFieldError, unexpectedResponse } from './decode.js';
import { ConnectionError, ResponseTooLargeError, TimeoutError } from './errors.js';
import { checkHeaders } from './header-check.js';
import { Limiter } from './limiter.js';
import type { Operation } from './operations.js';
import type { DocSpaceOptions, FetchLike, Logger, RequestOptions } from './options.js';
import { redactError, secretForms } from './redaction.js';
import { expandPath, queryString, type RawArgs } from './request.js';
import {
  backoffMs,
  failedBeforeSending,
  isIdempotentMethod,
  isRetryableStatus,
  rateLimitResetMs,
  serverWaitMs,
} from './retry-policy.js';

/**
 * @internal One HTTP exchange for the sending layer: what to send and how to read the answer. Built by
 * {@link Transport.send} (facade calls) and by the raw client's fetch (raw-client.ts).
 */
export interface Outgoing {
  /** Upper-case HTTP method. */
  method: string;
  /** Path from the origin, for errors and logs (no query string). */
  path: string;
  /** Whether sending it twice can do no harm (see retry-policy.ts). */
  idempotent: boolean;
  /** The URL (facade calls). */
  url: string;
  /** Method, headers and body; each attempt sets its `signal` here (when it has one) before sending. */
  init: RequestInit;
  /**
   * Sends one attempt instead of `fetch(url, init)` (raw client: a ready `Request`, copied while a retry is
   * possible, so its handling stays out of the functions' bundle). `retryable`: another attempt may follow.
   */
  call?: ((init: RequestInit, retryable: boolean) => Promise<Response>) | undefined;
  /**
   * Reads the final answer's body inside the attempt (under its timeout and concurrency slot). Leave it out to
   * get the `Response` unread (raw client).
   */
  read?: ((response: Response) => Promise<string>) | undefined;
}

/** @internal The parts of an HTTP answer the SDK reads: a fetch `Response`, or the Node exchange's answer. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
}

/** @internal What the sending layer hands to the decoder: the final answer and its body text, if read. */
export interface Delivery<R extends Answer = Answer> {
  response: R;
  text: string | undefined;
}

/**
 * @internal Sends one attempt of `out` without `fetch` (Node: node-http.ts) and resolves with the answer and, when
 * `keep(answer)` is true and `out` has a `read`, its body text (decompressed, at most `maxBytes` decoded bytes).
 * `keep` false: the body is closed unread (a retry follows). The attempt times out after `timeoutMs` (0: never),
 * headers and body, and ends when `signal` aborts. Rejects with a {@link TimeoutError}, a
 * {@link ResponseTooLargeError}, the signal's reason, or the network error as it came.
 */
export type NativeExchange = (
  out: Outgoing,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  maxBytes: number,
  keep: (answer: Answer) => boolean,
) => Promise<{ answer: Answer; text: string | undefined }>;

let nativeExchange: NativeExchange | undefined;
let fetchConfigured: (() => boolean) | undefined;

/**
 * @internal Installs the exchange used by clients created without a `fetch` option (the package's `node` entry,
 * node.ts, installs `node:http`; other runtimes keep `fetch`). `useFetch` is asked when a client is created: when
 * it says `fetch` has been set up to go elsewhere (a proxy), the client keeps `fetch`.
 */
export function useNativeExchange(exchange: NativeExchange | undefined, useFetch?: () => boolean): void {
  nativeExchange = exchange;
  fetchConfigured = useFetch;
}

const BACKOFF_CAP_MS = 8000;

/**
 * @internal The SDK's own small fetch pipeline, in two layers:
 * - sending ({@link Transport.deliver}): concurrency limits, the rate-limit pause, per-attempt timeouts, aborts and
 *   retries; it returns the final HTTP answer, whatever its status;
 * - decoding (decode.ts, used by {@link Transport.send}): the one place that reads the envelope and turns an answer
 *   into a payload or an error.
 * The typed raw client uses the sending layer only (raw-client.ts), so both share auth, retries and limits.
 */
export class Transport {
  readonly origin: string;
  readonly reads: Limiter;
  readonly writes: Limiter;
  readonly #auth: Auth;
  /** @internal The fetch implementation (called unbound). */
  readonly fetch: FetchLike;
  /** @internal The default per-attempt timeout in ms (0: none). */
  readonly timeoutMs: number;
  readonly #maxRetries: number;
  readonly #baseDelayMs: number;
  readonly #maxWaitMs: number;
  readonly #logger: Logger | undefined;
  /** @internal The cap on a decoded response body, in bytes. */
  readonly maxResponseBytes: number;
  /** The secrets and their encoded forms, removed from every error and log line. */
  readonly #secrets: string[];
  /** @internal Extra headers of every request, lower-case names, without `authorization`. */
  readonly extraHeaders: Record<string, string>;
  readonly #readHeaders: Record<string, string>;
  readonly #jsonHeaders: Record<string, string>;
  readonly #deadlines = new Deadlines();
  /** @internal The exchange used instead of `fetch` for string and empty bodies (no `fetch` option, Node). */
  readonly native: NativeExchange | undefined;

  constructor(origin: string, auth: Auth, options: DocSpaceOptions) {
    this.origin = origin;
    this.#auth = auth;
    this.native = options.fetch || fetchConfigured?.() ? undefined : nativeExchange;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    // Call the global fetch unbound: some runtimes throw "Illegal invocation" when it is a method of an object.
    this.fetch = options.fetch ? fetchImpl : (input, init) => globalThis.fetch(input, init);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.#maxRetries = options.maxRetries ?? 2;
    this.#baseDelayMs = options.retryBaseDelayMs ?? 500;
    this.#maxWaitMs = options.maxRetryWaitMs ?? 60_000;
    this.#logger = options.logger;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#secrets = secretForms(auth.secrets);
    this.reads = new Limiter(options.maxConcurrentReads ?? 50);
    this.writes = new Limiter(options.maxConcurrentWrites ?? 15);
    this.extraHeaders = withoutAuthorization(options.headers);
    this.#readHeaders = { ...this.extraHeaders, accept: 'application/json', authorization: auth.header };
    this.#jsonHeaders = { ...this.#readHeaders, 'content-type': 'application/json' };
  }

  /** Replaces the secrets in a text (for log lines, error messages and custom inspection). */
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

  /**
   * @internal Sends a declared operation (see request.ts), decodes the answer (decode.ts) and resolves with
   * `map` of the success envelope. Throws an {@link ApiError} subclass for error answers and an
   * {@link UnexpectedResponseError} for answers that are not what the operation promises.
   */
  async send<T>(
    op: Operation,
    args: RawArgs,
    options: RequestOptions | undefined,
    map: (envelope: unknown, status: number) => T,
  ): Promise<T> {
    const method = op.method;
    const path = expandPath(op.parts, args.path);
    const query = queryString(args.query);
    let headers = args.body === undefined ? this.#readHeaders : this.#jsonHeaders;
    if (options?.headers) {
      checkHeaders(options.headers, 'options.headers');
      headers = { ...headers, ...withoutAuthorization(options.headers) };
    }
    const init: RequestInit = { method, headers };
    if (args.form !== undefined) init.body = args.form;
    else if (args.body !== undefined) init.body = JSON.stringify(args.body);
    const { response, text } = await this.deliver(
      {
        method,
        path,
        idempotent: args.idempotent ?? isIdempotentMethod(method),
        url: query ? this.origin + path + query : this.origin + path,
        init,
        read: (answer) =>
          readTextCapped(answer, this.maxResponseBytes, method, path, init.signal ?? undefined),
      },
      options,
    );
    try {
      return map(decode(op.kind, method, path, response, text as string, this), response.status);
    } catch (error) {
      const failure = this.redactError(
        error instanceof ResponseFieldError
          ? unexpectedResponse(method, path, response, text as string, error.message, this)
          : error,
      );
      this.#log(() => `${method} ${path} -> ${(failure as Error).message}`);
      throw failure;
    }
  }

  /**
   * @internal The sending layer: sends one exchange with the concurrency limits, the rate-limit pause, a timeout
   * per attempt and retries (see retry-policy.ts), and returns the final answer, whatever its status. Throws only
   * {@link ConnectionError}, {@link TimeoutError} or the caller's abort reason.
   */
  deliver(
    out: Outgoing & { call: NonNullable<Outgoing['call']> },
    options: RequestOptions | undefined,
  ): Promise<Delivery<Response>>;
  deliver(out: Outgoing, options: RequestOptions | undefined): Promise<Delivery>;
  async deliver(out: Outgoing, options: RequestOptions | undefined): Promise<Delivery> {
    const { method, path, idempotent, init } = out;
    const signal = options?.signal;
    const maxRetries = options?.maxRetries ?? this.#maxRetries;
    const timeoutMs = options?.timeoutMs ?? this.timeoutMs;
    const limiter = method === 'GET' || method === 'HEAD' ? this.reads : this.writes;
    // Node without a `fetch` option: node:http (node-http.ts); FormData bodies and the raw client keep fetch.
    const native = out.call === undefined && typeof init.body !== 'object' ? this.native : undefined;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      await this.#acquire(limiter, method, path, signal);
      const started = this.#logger ? Date.now() : 0;
      let group: DeadlineGroup | undefined;
      let stopWaiting: (() => void) | undefined;
      let response: Answer;
      let text: string | undefined;
      let retryIn: number | undefined;
      const keepAnswer = (answer: Answer) => {
        retryIn = this.#retryDelay(answer, limiter, attempt, maxRetries, idempotent);
        return retryIn === undefined;
      };
      try {
        if (native) {
          ({ answer: response, text } = await native(
            out,
            timeoutMs,
            signal,
            this.maxResponseBytes,
            keepAnswer,
          ));
        } else {
          // Timeout: a shared deadline group (see deadlines.ts). A caller's signal needs a controller of its own.
          group = timeoutMs > 0 ? this.#deadlines.join(timeoutMs) : undefined;
          let fetchSignal = group?.signal;
          if (signal) {
            const own = new AbortController();
            fetchSignal = own.signal;
            const abort = () => own.abort(signal.aborted ? signal.reason : undefined);
            const stopCaller = whenAborted(signal, abort);
            const stopGroup = group ? whenAborted(group.signal, abort) : undefined;
            stopWaiting = () => {
              stopCaller();
              stopGroup?.();
            };
          }
          if (fetchSignal) init.signal = fetchSignal;
          const answer = await (out.call ? out.call(init, attempt < maxRetries) : this.fetch(out.url, init));
          response = answer;
          if (!keepAnswer(answer)) await answer.body?.cancel();
          else if (out.read) text = await out.read(answer);
        }
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof ResponseTooLargeError) {
          // The same request would get the same answer: never retried.
          this.#log(() => `${method} ${path} -> ${error.message}`);
          throw this.redactError(error);
        }
        const timedOut = group?.timedOut === true || error instanceof TimeoutError;
        const failure = timedOut
          ? new TimeoutError(method, path, timeoutMs)
          : new ConnectionError(method, path, error);
        const mayRetry = attempt < maxRetries && (idempotent || (!timedOut && failedBeforeSending(error)));
        this.#log(
          () =>
            `${method} ${path} -> ${failure.message}${mayRetry ? `, retry ${attempt + 1}/${maxRetries}` : ''}`,
        );
        if (!mayRetry) throw this.redactError(failure);
        await sleep(this.#backoffMs(attempt), signal);
        continue;
      } finally {
        if (group) this.#deadlines.leave(group);
        stopWaiting?.();
        limiter.release();
      }
      if (retryIn !== undefined) {
        const status = response.status;
        const wait = retryIn;
        this.#log(() => `${method} ${path} -> ${status}, retry ${attempt + 1}/${maxRetries} in ${wait} ms`);
        await sleep(wait, signal);
        continue;
      }
      if (this.#logger) {
        const status = response.status;
        this.#log(() => `${method} ${path} -> ${status} in ${Date.now() - started} ms`);
      }
      return { response, text };
    }
  }

  /**
   * Applies the answer's rate-limit hints to the limiter and says whether to send again: the delay before the
   * retry, or `undefined` to keep this answer.
   */
  #retryDelay(
    response: Answer,
    limiter: Limiter,
    attempt: number,
    maxRetries: number,
    idempotent: boolean,
  ): number | undefined {
    const status = response.status;
    if (status < 400) {
      const reset = rateLimitResetMs(response.headers);
      if (reset !== undefined) this.#pause(limiter, reset);
      return undefined;
    }
    const waitMs = serverWaitMs(response.headers);
    if (status === 429 && waitMs !== undefined) this.#pause(limiter, waitMs);
    if (attempt >= maxRetries || !isRetryableStatus(status, idempotent, waitMs !== undefined))
      return undefined;
    const delay = waitMs ?? this.#backoffMs(attempt);
    return delay <= this.#maxWaitMs ? delay : undefined;
  }

  /**
   * Takes a concurrency slot, then holds it while the limiter is paused: requests already queued behind the limit
   * when a 429 arrives wait for the window too, not only new ones.
   */
  async #acquire(limiter: Limiter, method: string, path: string, signal: AbortSignal | undefined) {
    if (!limiter.tryAcquire()) await limiter.wait(signal);
    while (limiter.pausedUntil !== 0) {
      const wait = limiter.pausedUntil - Date.now();
      if (wait <= 0) {
        limiter.pausedUntil = 0;
        return;
      }
      this.#log(() => `${method} ${path} waits ${wait} ms for the rate-limit window`);
      try {
        await sleep(wait, signal);
      } catch (error) {
        limiter.release();
        throw error;
      }
    }
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

  /** The delay before retry `attempt + 1` when the server gave no hint: capped backoff with jitter. */
  #backoffMs(attempt: number): number {
    return backoffMs(attempt, this.#baseDelayMs, Math.min(BACKOFF_CAP_MS, this.#maxWaitMs));
  }

  #log(line: () => string): void {
    if (this.#logger) this.#logger(this.redact(`[docspace] ${line()}`));
  }
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
    const timer = setTimeout(() => {
      stop?.();
      resolve();
    }, ms);
    const stop = signal
      ? whenAborted(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
  });
}
