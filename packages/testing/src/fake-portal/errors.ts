/** An error a route raises to answer with the server's error envelope. */
export class PortalError extends Error {
  override readonly name = 'PortalError';
  /** HTTP status to answer with. */
  readonly status: number;
  /** The server's exception type, sent as `error.type` when set. */
  readonly type: string | undefined;

  constructor(status: number, message: string, type?: string) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

/**
 * A model-validation failure (e.g. `count` above 100, a malformed e-mail). The server answers these with the success
 * envelope's shape: `response` holds a validation problem, `status: 1`, `statusCode: 400`.
 */
export class ValidationFailure extends Error {
  override readonly name = 'ValidationFailure';
  /** Field name -> messages, as in ASP.NET's ValidationProblemDetails. */
  readonly errors: Record<string, string[]>;

  constructor(errors: Record<string, string[]>) {
    super('One or more validation errors occurred.');
    this.errors = errors;
  }
}

/** 403 with the server's message for security failures. */
export const accessDenied = (): PortalError =>
  new PortalError(403, 'Access denied', 'System.Security.SecurityException');

/** 404 for an unknown user. */
export const userNotFound = (): PortalError =>
  new PortalError(404, 'The user could not be found', 'System.Collections.Generic.KeyNotFoundException');

/** 400 for a bad argument. */
export const badArgument = (message: string): PortalError =>
  new PortalError(400, message, 'System.ArgumentException');
