/**
 * @internal A field the operation promises is missing or has the wrong type in the server's answer. Thrown by
 * the mappers; the transport turns it into an {@link UnexpectedResponseError} naming the request.
 */
export class ResponseFieldError extends Error {
  /** The field, e.g. `id`, `response[3].status`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field} ${problem}`);
    this.field = field;
  }
}

/** @internal Throws a {@link ResponseFieldError} for a required field the server did not send. */
export function missing(field: string): never {
  throw new ResponseFieldError(field, 'is missing');
}

/** @internal The value when it is a string, else a {@link ResponseFieldError} naming the field. */
export function requiredString(value: string | null | undefined, field: string): string {
  if (typeof value === 'string') return value;
  throw new ResponseFieldError(field, value === undefined ? 'is missing' : 'is not a string');
}
