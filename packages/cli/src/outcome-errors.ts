import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '@docspace-people/sdk';

/** A failure that may go away when the request is sent again (the server or the network had a bad moment). */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ServerError ||
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    error instanceof RateLimitError
  );
}

/** A failure that every further request would hit too (bad credentials, an exhausted tariff): stop the run. */
export function isFatal(error: unknown): boolean {
  return error instanceof AuthenticationError || (error instanceof ApiError && error.status === 402);
}

/**
 * Whether a failed create may still have been carried out by the server (its answer lost on the way back): not
 * after a 429 or a 503, which the server sends before acting.
 */
export function mayHaveLanded(error: unknown): boolean {
  if (error instanceof RateLimitError) return false;
  return !(error instanceof ApiError && error.status === 503);
}

/** The server refused a new user because the e-mail is taken (DocSpace answers a plain 500 with this text). */
export function isEmailTaken(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    /already (registered|exists)|is already in use/i.test(error.serverMessage ?? '')
  );
}

/** True for "no such user". */
export function isNotFound(error: unknown): boolean {
  return error instanceof NotFoundError;
}

/** One line for a report: the error's message (never the token: SDK errors hold none). */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\s+/g, ' ');
  return String(error);
}

/** The answer was not what the operation promises (e.g. a person without an id: an HTML page, a proxy). */
export class UnexpectedAnswerError extends Error {
  override readonly name = 'UnexpectedAnswerError';
}

/** The person's id; throws {@link UnexpectedAnswerError} when the server's answer holds none. */
export function idOf(person: { id?: unknown } | undefined, what: string): string {
  const id = person?.id;
  if (typeof id !== 'string' || id.trim() === '') {
    throw new UnexpectedAnswerError(
      `the answer to ${what} is not a user (it has no id): is the URL a DocSpace portal, not a login page or a proxy?`,
    );
  }
  return id;
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
