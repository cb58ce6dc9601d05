import {
  ApiError,
  type ApiErrorDetails,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnexpectedResponseError,
} from './errors.js';
import type { Kind } from './operations.js';
import { serverWaitMs } from './retry-policy.js';
import type { Answer } from './transport.js';

// The decoding layer: the one place that reads DocSpace's envelope. A success is a JSON object with `status: 0`
// and a `response` of the kind the operation declares (operations.ts); an error envelope or an HTTP error status
// becomes an ApiError subclass; anything else (HTML, text, an empty body, JSON without the envelope, the wrong
// kind of `response`) becomes an UnexpectedResponseError. Nothing is defaulted.

/** @internal Replaces secrets in a text (the transport's redaction). */
export interface Redactor {
  redact(text: string): string;
}

/** How much of an unexpected body an error shows. */
const BODY_START = 200;

/**
 * @internal Decodes an answer: returns the success envelope (its `response` checked against `kind`), or throws
 * the error the answer means.
 */
export function decode(
  kind: Kind,
  method: string,
  path: string,
  response: Answer,
  text: string,
  redactor: Redactor,
): { response?: unknown } {
  const status = response.status;
  const body = parseJson(text);
  if (status >= 400 || isErrorEnvelope(body)) {
    throw toApiError(status, method, path, response.headers, body === NOT_JSON ? text : body);
  }
  const problem =
    status >= 300
      ? redirectProblem(response)
      : kind === 'no content' && status === 204 && text.length === 0
        ? undefined
        : envelopeProblem(kind, body);
  if (problem !== undefined) throw unexpectedResponse(method, path, response, text, problem, redactor);
  return body as { response?: unknown };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What is wrong with a 2xx body, or `undefined` when it is a success envelope of the declared kind. (A `no content`
 * operation also accepts a success envelope, whatever its `response`.)
 */
/**
 * A 3xx answer. Redirects are not followed (node:http; fetch follows them itself, and only 304 or a manual redirect
 * reaches here): the portal moved (http -> https, another domain) or a proxy sends to a login page. Following it
 * would send the token to wherever it points.
 */
function redirectProblem(response: Answer): string {
  const location = response.headers.get('location');
  return location
    ? `redirect to ${location}: set baseUrl to the portal's own address (redirects are not followed)`
    : 'a redirect (HTTP 3xx) where an answer was due';
}

function envelopeProblem(kind: Kind, body: unknown): string | undefined {
  if (body === NOT_JSON) return 'not JSON';
  if (body === undefined) return 'empty body';
  if (!isObject(body)) return 'not a JSON object';
  if (body.status !== 0) return 'no envelope (status: 0)';
  const value = body.response;
  if (kind === 'empty' || kind === 'no content') return undefined;
  if (kind === 'string' || kind === 'boolean')
    return typeof value === kind ? undefined : `response: not a ${kind}`;
  if (kind === 'array') {
    if (!Array.isArray(value)) return 'response: not an array';
    const bad = value.findIndex((item) => !isObject(item));
    return bad < 0 ? undefined : `response[${bad}]: not an object`;
  }
  if (value === undefined || value === null) return kind === 'object?' ? undefined : 'response: missing';
  return isObject(value) ? undefined : 'response: not an object';
}

const NOT_JSON: unique symbol = Symbol('not JSON');

/** JSON when the text parses, `undefined` when it is empty, {@link NOT_JSON} otherwise. */
function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** @internal Builds the {@link UnexpectedResponseError} for an answer that is not what the operation promises. */
export function unexpectedResponse(
  method: string,
  path: string,
  response: Answer,
  text: string,
  problem: string,
  redactor: Redactor,
): UnexpectedResponseError {
  return new UnexpectedResponseError({
    status: response.status,
    method,
    path,
    contentType: response.headers.get('content-type') ?? undefined,
    problem,
    bodyStart: redactor.redact(text.slice(0, BODY_START)),
    ...fromHeaders(response.headers),
  });
}

/** True when a parsed body is DocSpace's error envelope (`status: 1`), whatever the HTTP status. */
function isErrorEnvelope(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const envelope = body as { status?: unknown; statusCode?: unknown; error?: unknown };
  return (
    (envelope.status === 1 && envelope.statusCode !== undefined) ||
    (typeof envelope.error === 'object' && envelope.error !== null)
  );
}

/** Builds the error for an HTTP error status or an error envelope. */
function toApiError(
  httpStatus: number,
  method: string,
  path: string,
  headers: Headers,
  body: unknown,
): ApiError {
  const envelope = (body !== null && typeof body === 'object' ? body : {}) as {
    statusCode?: unknown;
    error?: { message?: unknown; type?: unknown };
  };
  let status = httpStatus;
  if (status < 400)
    status =
      typeof envelope.statusCode === 'number' && envelope.statusCode >= 400 ? envelope.statusCode : 400;
  const details: ApiErrorDetails = {
    status,
    method,
    path,
    serverMessage: serverMessage(body),
    errorType: typeof envelope.error?.type === 'string' ? envelope.error.type : undefined,
    ...fromHeaders(headers),
    body,
    retryAfterMs: serverWaitMs(headers),
  };
  if (status === 400) return new BadRequestError(details);
  if (status === 401) return new AuthenticationError(details);
  if (status === 403) return new PermissionDeniedError(details);
  if (status === 404) return new NotFoundError(details);
  if (status === 429) return new RateLimitError(details);
  if (status >= 500) return new ServerError(details);
  return new ApiError(details);
}

/** The request id and a copy of the headers without `set-cookie` (a session secret). */
function fromHeaders(headers: Headers): { requestId: string | undefined; headers: Headers } {
  const copy = new Headers(headers);
  copy.delete('set-cookie');
  return {
    requestId: headers.get('x-request-id') ?? headers.get('x-correlation-id') ?? undefined,
    headers: copy,
  };
}

/** The server's message: `error.message`, a validation problem's title and field errors, or a short text body. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return text ? text.slice(0, BODY_START) : undefined;
  }
  if (body === null || typeof body !== 'object') return undefined;
  const { error, response } = body as { error?: { message?: unknown }; response?: unknown };
  if (error && typeof error.message === 'string') return error.message;
  if (response && typeof response === 'object') {
    const problem = response as { title?: unknown; errors?: unknown; detail?: unknown };
    const parts: string[] = [];
    if (typeof problem.title === 'string') parts.push(problem.title);
    if (typeof problem.detail === 'string') parts.push(problem.detail);
    if (problem.errors && typeof problem.errors === 'object') {
      for (const [field, messages] of Object.entries(problem.errors)) {
        parts.push(`${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`);
      }
    }
    if (parts.length > 0) return parts.join('; ');
  }
  return undefined;
}

/**
 * @internal A field the operation promises is missing or has the wrong type in the server's answer. Thrown by
 * the mappers; the transport turns it into an {@link UnexpectedResponseError} naming the request.
 */
export class ResponseFieldError extends Error {}

/** @internal Throws a {@link ResponseFieldError} for a required field the server did not send. */
export function missing(field: string): never {
  throw new ResponseFieldError(`${field}: missing`);
}

/** @internal The value when it is a string, else a {@link ResponseFieldError} naming the field. */
export function requiredString(value: string | null | undefined, field: string): string {
  if (typeof value === 'string') return value;
  throw new ResponseFieldError(`${field}: ${value === undefined ? 'missing' : 'not a string'}`);
}
