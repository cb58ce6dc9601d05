/**
 * Every error the SDK throws on purpose extends {@link DocSpaceError}. An aborted call rejects with the
 * `AbortSignal`'s own reason instead (usually a `DOMException` named `AbortError`): that is the caller's intent,
 * not a failure.
 *
 * No error ever carries the token or the request headers: only method, path, status and the server's message.
 */

/** Base class of all errors thrown by the SDK. */
export class DocSpaceError extends Error {
  override readonly name: string = 'DocSpaceError';
}

/** What {@link ApiError} and its subclasses know about the failed request. */
export interface ApiErrorDetails {
  /** HTTP status code, or the envelope's `statusCode` when the server wrapped an error in an HTTP 2xx. */
  status: number;
  /** HTTP method of the request, upper-case. */
  method: string;
  /** Path of the request, e.g. `/api/2.0/people/filter` (no origin, no query string). */
  path: string;
  /** The server's own error message (`error.message` of the envelope), when it sent one. */
  serverMessage?: string | undefined;
  /** The server's exception type (`error.type`), when it sent one. */
  errorType?: string | undefined;
  /** Request id from the `X-Request-Id` or `X-Correlation-Id` response header, if any. */
  requestId?: string | undefined;
  /** The response headers, without `set-cookie`. */
  headers?: Headers | undefined;
  /** Parsed response body (an error envelope, a validation problem or text). */
  body?: unknown;
  /** How long the server asked to wait before trying again, in milliseconds, if it said. */
  retryAfterMs?: number | undefined;
}

/** The server answered, and the answer is an error (HTTP status >= 400, or an error envelope with `status: 1`). */
export class ApiError extends DocSpaceError {
  override readonly name: string = 'ApiError';
  /** HTTP status (or the envelope's `statusCode` for an error sent with HTTP 2xx). */
  declare readonly status: number;
  /** HTTP method of the failed request. */
  declare readonly method: string;
  /** Path of the failed request, without origin and query string. */
  declare readonly path: string;
  /** The server's message, if any. */
  declare readonly serverMessage: string | undefined;
  /** The server's exception type, if any. */
  declare readonly errorType: string | undefined;
  /** Request id from the response headers (`X-Request-Id` or `X-Correlation-Id`), if any. */
  declare readonly requestId: string | undefined;
  /** The response headers, without `set-cookie` (empty when unknown). */
  declare readonly headers: Headers;
  /** Parsed response body. */
  declare readonly body: unknown;
  /**
   * How long the server asked to wait before trying again, in milliseconds (`Retry-After-Ms`, `Retry-After` as
   * seconds or a future HTTP date, or `X-RateLimit-Reset` once the window is used up), if it said: on a 429, and on
   * a 503 or 502 from a server or proxy that says when to come back. Negative or unparseable hints are ignored.
   */
  declare readonly retryAfterMs: number | undefined;

  /** Builds the error from what is known about the request; `message` defaults to {@link ApiError.describe}. */
  constructor(details: ApiErrorDetails, message?: string) {
    super(message ?? ApiError.describe(details));
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.serverMessage = details.serverMessage;
    this.errorType = details.errorType;
    this.requestId = details.requestId;
    this.headers = details.headers ?? new Headers();
    this.body = details.body;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** Builds the default message: `403 PUT /api/2.0/people/delete: Access denied`. */
  static describe(details: ApiErrorDetails): string {
    const head = `${details.status} ${details.method} ${details.path}`;
    return details.serverMessage ? `${head}: ${details.serverMessage}` : head;
  }
}

/** HTTP 400: the server refused the request's content (includes validation problems sent with HTTP 2xx). */
export class BadRequestError extends ApiError {
  override readonly name: string = 'BadRequestError';
}

/** HTTP 401: missing, wrong or expired credentials. */
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
}

/**
 * HTTP 403: the caller may not do this. DocSpace also answers 403 for invalid operations, such as deleting a user
 * who is not Terminated or changing the owner's type.
 */
export class PermissionDeniedError extends ApiError {
  override readonly name: string = 'PermissionDeniedError';
}

/** HTTP 404: no such user, photo or route. */
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError';
}

/** HTTP 429: too many requests. Thrown once retries are used up or the wait asked for is too long. */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
  /** When it is worth retrying, if the server said (see {@link ApiError.retryAfterMs}). */
  declare readonly retryAt: Date | undefined;

  /** Like {@link ApiError}, plus when to retry. */
  constructor(details: ApiErrorDetails, message?: string) {
    super(details, message);
    this.retryAt =
      details.retryAfterMs === undefined ? undefined : new Date(Date.now() + details.retryAfterMs);
  }
}

/** HTTP 5xx: the server failed. */
export class ServerError extends ApiError {
  override readonly name: string = 'ServerError';
}

/** What {@link UnexpectedResponseError} knows about the answer. */
export interface UnexpectedResponseDetails extends ApiErrorDetails {
  /** The answer's `Content-Type`, if it had one. */
  contentType: string | undefined;
  /** What is wrong, e.g. `not JSON`, `empty body`, `response: not an array`, `id: missing`, `redirect to ...`. */
  problem: string;
  /** The first 200 characters of the body, secrets replaced. */
  bodyStart: string;
}

/**
 * The server answered with success, but not with what the operation promises: an HTML or text page (a login page,
 * a reverse proxy, a mistyped portal URL), an empty body, JSON without DocSpace's envelope, a `response` of the
 * wrong kind, or a required field missing; or with a redirect (HTTP 3xx, not followed: `problem` names the
 * `Location`). The SDK never turns such an answer into a default value.
 */
export class UnexpectedResponseError extends ApiError {
  override readonly name: string = 'UnexpectedResponseError';
  /** The answer's `Content-Type`, if it had one. */
  declare readonly contentType: string | undefined;
  /** What is wrong with the answer. */
  declare readonly problem: string;
  /** The first 200 characters of the body, secrets replaced. */
  declare readonly bodyStart: string;

  /** Builds the error; the message names the request, the content type and the problem. */
  constructor(details: UnexpectedResponseDetails) {
    super(
      { ...details, body: details.bodyStart },
      `${ApiError.describe(details)}: unexpected answer (${details.contentType}): ${details.problem}`,
    );
    this.contentType = details.contentType;
    this.problem = details.problem;
    this.bodyStart = details.bodyStart;
  }
}

/** The request never got an HTTP answer: DNS failure, refused or reset connection, TLS error. */
export class ConnectionError extends DocSpaceError {
  override readonly name: string = 'ConnectionError';
  /** HTTP method of the request. */
  declare readonly method: string;
  /** Path of the request. */
  declare readonly path: string;

  /** `cause` is the error the `fetch` implementation threw; `message` replaces the default message. */
  constructor(method: string, path: string, cause: unknown, message?: string) {
    super(message ?? `${method} ${path}: connection failed${causeText(cause)}`, { cause });
    this.method = method;
    this.path = path;
  }
}

/** No answer within `timeoutMs` (per attempt). A {@link ConnectionError}: the request got no (complete) answer. */
export class TimeoutError extends ConnectionError {
  override readonly name: string = 'TimeoutError';
  /** The timeout that elapsed, in milliseconds. */
  declare readonly timeoutMs: number;

  /** The request and the timeout that elapsed. */
  constructor(method: string, path: string, timeoutMs: number) {
    super(method, path, undefined, `${method} ${path}: no answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** Bad input caught before anything was sent. Names the field and the rule it broke. */
export class ValidationError extends DocSpaceError {
  override readonly name: string = 'ValidationError';
  /** The offending field, e.g. `email`, `ids[2]`, `crop.width`. */
  declare readonly field: string;
  /** The rule, e.g. `required`, `email`, `maxLength:255`, `https`, `image/png|image/jpeg`. */
  declare readonly rule: string;

  /** The field, the rule it broke, and a sentence for humans. */
  constructor(field: string, rule: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
    this.rule = rule;
  }
}

/** The photo upload answered HTTP 200 with `success: false` (DocSpace never sends 400/413/415 for uploads). */
export class PhotoUploadError extends DocSpaceError {
  override readonly name: string = 'PhotoUploadError';
  /** The server's message, e.g. "Image size is too large". */
  declare readonly serverMessage: string | undefined;
  /** HTTP status of the answer (200: DocSpace refuses uploads inside a success). */
  declare readonly status: number;
  /** HTTP method of the request (`POST`). */
  declare readonly method: string;
  /** Path of the request, e.g. `/api/2.0/people/@self/photo`. */
  declare readonly path: string;

  /** The server's `message` from the upload result and the request it answered. */
  constructor(details: { serverMessage: string | undefined; status: number; method: string; path: string }) {
    const { serverMessage, status, method, path } = details;
    super(`${status} ${method} ${path}: photo upload refused${serverMessage ? `: ${serverMessage}` : ''}`);
    this.serverMessage = serverMessage;
    this.status = status;
    this.method = method;
    this.path = path;
  }
}

/** State of a server task. */
export type TaskStatus = 'Created' | 'Running' | 'Completed' | 'Canceled' | 'Failed' | 'Unknown';

/** Progress of a server task: a type change (downgrade) or a data reassignment. */
export interface TaskProgress {
  /** Task id. */
  id: string | undefined;
  /** 0 to 100. */
  percentage: number;
  /** True once the task has stopped (completed, canceled or failed). */
  isCompleted: boolean;
  /** Task state. */
  status: TaskStatus;
  /** The server's error message, when the task failed. */
  error: string | undefined;
}

/** A server task (type change, data reassignment) stopped with an error or was canceled. */
export class TaskFailedError extends DocSpaceError {
  override readonly name: string = 'TaskFailedError';
  /** The last progress report. */
  declare readonly progress: TaskProgress;

  /** The last progress report of the task. */
  constructor(progress: TaskProgress) {
    super(`server task ${progress.status.toLowerCase()}${progress.error ? `: ${progress.error}` : ''}`);
    this.progress = progress;
  }
}

function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return '';
  const inner = (cause as { cause?: unknown }).cause;
  const code = inner && typeof inner === 'object' ? (inner as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? ` (${code})` : cause.message ? ` (${cause.message})` : '';
}

/** Waiting for a server task took longer than `maxWaitMs`. The task may still be running on the server. */
export class TaskTimeoutError extends DocSpaceError {
  override readonly name: string = 'TaskTimeoutError';
  /** The last progress report. */
  declare readonly progress: TaskProgress;
  /** The maximum wait that elapsed, in milliseconds. */
  declare readonly maxWaitMs: number;

  /** The last progress report and the wait that elapsed. */
  constructor(progress: TaskProgress, maxWaitMs: number) {
    super(
      `task still ${progress.status.toLowerCase()} (${progress.percentage}%) after ${maxWaitMs} ms: stopped waiting; the task may go on (read its progress or cancel it)`,
    );
    this.progress = progress;
    this.maxWaitMs = maxWaitMs;
  }
}

/**
 * The response body grew past the client's `maxResponseBytes` (counted after decompression), so the SDK stopped
 * reading it. Not retried: the same request would get the same answer. A compressed "bomb", an endless stream or a
 * page far larger than any real one: check the portal URL and any proxy in between.
 */
export class ResponseTooLargeError extends DocSpaceError {
  override readonly name: string = 'ResponseTooLargeError';
  /** HTTP method of the request. */
  declare readonly method: string;
  /** Path of the request. */
  declare readonly path: string;
  /** HTTP status of the response whose body was too large. */
  declare readonly status: number;
  /** The limit that was passed, in bytes of decoded body. */
  declare readonly maxResponseBytes: number;

  /** The request, the response status and the limit that was passed. */
  constructor(method: string, path: string, status: number, maxResponseBytes: number) {
    super(
      `${method} ${path}: the response body (HTTP ${status}) is larger than maxResponseBytes (${maxResponseBytes} bytes after decompression); reading stopped`,
    );
    this.method = method;
    this.path = path;
    this.status = status;
    this.maxResponseBytes = maxResponseBytes;
  }
}

/** Why {@link PaginationError} stopped a listing. */
export type PaginationProblem = 'badTotal' | 'noProgress' | 'pastTotal';

/**
 * Paging through a list stopped because the server's pages do not add up: `total` is not a non-negative integer
 * (`badTotal`), a page brought no item not seen before (`noProgress`: the server ignores `startIndex`, or repeats
 * a page), or more items arrived than `total` announced (`pastTotal`). Without this check a listing would never end.
 */
export class PaginationError extends DocSpaceError {
  override readonly name: string = 'PaginationError';
  /** What went wrong. */
  declare readonly problem: PaginationProblem;
  /** Path of the list request. */
  declare readonly path: string;
  /** Offset of the page that showed the problem. */
  declare readonly startIndex: number;

  /** The problem, the list's path, the offset of the offending page and a sentence for humans. */
  constructor(problem: PaginationProblem, path: string, startIndex: number, detail: string) {
    super(`GET ${path} (startIndex ${startIndex}): ${detail}`);
    this.problem = problem;
    this.path = path;
    this.startIndex = startIndex;
  }
}
