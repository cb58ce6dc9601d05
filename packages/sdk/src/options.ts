/** A `fetch` implementation: the global one, undici's, a test double, or one wrapping a proxy agent. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Receives one human-readable line per request attempt and retry. Lines never contain credentials. */
export type Logger = (line: string) => void;

/** E-mail and password for HTTP Basic authentication. */
export interface BasicCredentials {
  /** The account's e-mail (login). */
  email: string;
  /** The account's password. */
  password: string;
}

/** Settings that apply to every call of a client; most can be overridden per call with {@link RequestOptions}. */
export interface DocSpaceOptions {
  /** Portal origin, e.g. `https://example.onlyoffice.com`. A trailing slash or a trailing `/api/2.0` is tolerated. */
  baseUrl: string;
  /**
   * API key (`sk-...`), OAuth2 access token or session token. Sent as `Authorization: Bearer <token>`
   * (a leading `Bearer ` is accepted and not doubled). Give either `token` or `basic`.
   */
  token?: string | undefined;
  /** E-mail and password, sent as `Authorization: Basic ...`. Give either `token` or `basic`. */
  basic?: BasicCredentials | undefined;
  /**
   * The `fetch` to use for every request (a test double, a fetch with a proxy agent, or `globalThis.fetch` itself).
   * Default: in Node, `node:http` / `node:https` with kept-alive connections (about half the CPU of `fetch` per
   * request; photo uploads and `ds.raw` still use `globalThis.fetch`), except when a proxy is set up for fetch
   * (`HTTP(S)_PROXY` or `NODE_USE_ENV_PROXY` in the environment, or an undici global dispatcher): then, as in
   * browsers, Bun and Deno, `globalThis.fetch`. See the README's "How requests are sent".
   */
  fetch?: FetchLike | undefined;
  /** Milliseconds to wait for each attempt's answer (headers and body). Default 60000; 0 disables. */
  timeoutMs?: number | undefined;
  /** How many times a failed request may be resent (see README "Retries and limits"). Default 2. */
  maxRetries?: number | undefined;
  /** First backoff delay in milliseconds; doubles on each retry, with jitter. Default 500. */
  retryBaseDelayMs?: number | undefined;
  /**
   * Longest wait before one retry, in milliseconds. When the server asks for longer (Retry-After), the call fails
   * at once with a {@link RateLimitError} that says when to retry. Default 60000.
   */
  maxRetryWaitMs?: number | undefined;
  /** Most GET requests in flight at once. Default and maximum useful value: 50 (the server's limit). */
  maxConcurrentReads?: number | undefined;
  /** Most POST/PUT/DELETE requests in flight at once. Default 15 (the server's limit). */
  maxConcurrentWrites?: number | undefined;
  /** Extra headers sent with every request (an `Authorization` header here is ignored). */
  headers?: Record<string, string> | undefined;
  /**
   * Largest response body accepted, in bytes after decompression (gzip, br, deflate). Reading stops there and the
   * call fails with a {@link ResponseTooLargeError}, which is not retried. Default 33554432 (32 MiB, about 200
   * times a full page of 100 people).
   */
  maxResponseBytes?: number | undefined;
  /** Receives one redacted line per attempt, retry and failure. Default: silent. */
  logger?: Logger | undefined;
}

/** Per-call settings. Anything left out falls back to the client's {@link DocSpaceOptions}. */
export interface RequestOptions {
  /** Milliseconds to wait for each attempt's answer; 0 disables. */
  timeoutMs?: number | undefined;
  /** How many times this call may be resent. */
  maxRetries?: number | undefined;
  /** Aborts the call (and any wait between retries); the call rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call only (an `Authorization` header here is ignored). */
  headers?: Record<string, string> | undefined;
}
