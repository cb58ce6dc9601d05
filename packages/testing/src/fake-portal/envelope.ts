import type { ValidationFailure } from './errors.js';

/** What a route answers: an HTTP status, a JSON body and extra headers. */
export interface Reply {
  /** HTTP status. */
  status: number;
  /** The JSON body (nulls are left out when it is written, as the server does). */
  body: unknown;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** Where the request went, for the envelope's `links`. */
export interface LinkTarget {
  /** Full request URL. */
  href: string;
  /** HTTP method. */
  action: string;
}

/** The success envelope: `{response, count, total?, links, status: 0, statusCode: 200}`. */
export function success(payload: unknown, link: LinkTarget, total?: number): Reply {
  const body: Record<string, unknown> = {
    response: payload,
    count: Array.isArray(payload) ? payload.length : payload === undefined || payload === null ? 0 : 1,
  };
  if (total !== undefined) body.total = total;
  body.links = [{ href: link.href, action: link.action }];
  body.status = 0;
  body.statusCode = 200;
  return { status: 200, body };
}

/** The error envelope: `{error: {message, type?}, status: 1, statusCode}`. */
export function failure(status: number, message: string, type?: string): Reply {
  const error: Record<string, unknown> = { message };
  if (type !== undefined) error.type = type;
  return { status, body: { error, status: 1, statusCode: status } };
}

/**
 * A model-validation failure, shaped like success: `response` is an ASP.NET ValidationProblemDetails,
 * `status: 1`, `statusCode: 400`. `httpStatus` is the HTTP status line (400 by default in the fake).
 */
export function validationProblem(failure: ValidationFailure, link: LinkTarget, httpStatus: number): Reply {
  return {
    status: httpStatus,
    body: {
      response: {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: failure.message,
        status: 400,
        errors: failure.errors,
      },
      count: 1,
      links: [{ href: link.href, action: link.action }],
      status: 1,
      statusCode: 400,
    },
  };
}

/** Serializes a body as the server does: properties whose value is null or undefined are left out. */
export function toJson(body: unknown): string {
  return JSON.stringify(body, (_key, value) => (value === null ? undefined : value));
}
