import {
  ApiError,
  type ApiErrorDetails,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from './errors.js';

/** @internal True when a parsed body is DocSpace's error envelope (`status: 1`), whatever the HTTP status. */
export function isErrorEnvelope(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const envelope = body as { status?: unknown; statusCode?: unknown; error?: unknown };
  return (
    (envelope.status === 1 && envelope.statusCode !== undefined) ||
    (typeof envelope.error === 'object' && envelope.error !== null)
  );
}

/** @internal Builds the error for an HTTP error status or an error envelope. */
export function toApiError(
  httpStatus: number,
  method: string,
  path: string,
  headers: Headers,
  body: unknown,
  retryAfterMs: number | undefined,
): ApiError {
  const envelope = (body !== null && typeof body === 'object' ? body : {}) as {
    statusCode?: unknown;
    error?: { message?: unknown; type?: unknown };
    response?: unknown;
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
    requestId: headers.get('x-request-id') ?? headers.get('x-correlation-id') ?? undefined,
    body,
  };
  if (status === 400) return new BadRequestError(details);
  if (status === 401) return new AuthenticationError(details);
  if (status === 403) return new PermissionDeniedError(details);
  if (status === 404) return new NotFoundError(details);
  if (status === 429) return new RateLimitError({ ...details, retryAfterMs });
  if (status >= 500) return new ServerError(details);
  return new ApiError(details);
}

/** The server's message: `error.message`, a validation problem's title and field errors, or a short text body. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return text ? text.slice(0, 200) : undefined;
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
