import { ApiError } from '@docspace-people/sdk';
import { isFatal, isTransient, sleep } from './outcome-errors.js';

// The one schedule of the CLI's own retries after a transient failure (see isTransient): import's creates and
// apply's steps (reads, writes that set state, creates) wait and give up alike. It runs on top of the SDK's
// retries (maxRetries 4, honouring Retry-After), which already resend what is safe to resend inside each
// attempt; the CLI's attempts add what only the CLI may do: resend a create after looking for what it made.
// Before, import waited 500 ms, 1 s, 2 s (4 attempts) and apply 100 ms doubling to 2 s (6 attempts), with no
// reason written for the difference; apply's schedule was kept (short first waits, the SDK has waited already).

/** Attempts of one step, the first included. */
export const RETRY_ATTEMPTS = 6;

/** Milliseconds to wait after failed attempt `attempt` (1-based): 100 ms, doubling, at most 2 s. */
function retryDelayMs(attempt: number): number {
  return Math.min(2_000, 50 * 2 ** attempt);
}

/** The longest server-given wait the CLI honours before one retry (longer hints are cut to it). */
const MAX_SERVER_WAIT_MS = 60_000;

/**
 * Waits before attempt `attempt + 1`: as long as the failed attempt's answer asked (`Retry-After` on a 502 / 503,
 * read by the SDK into `ApiError.retryAfterMs`, at most a minute), else by the schedule above.
 */
export function waitBeforeRetry(attempt: number, error?: unknown): Promise<void> {
  const asked = error instanceof ApiError ? error.retryAfterMs : undefined;
  return sleep(asked === undefined ? retryDelayMs(attempt) : Math.min(asked, MAX_SERVER_WAIT_MS));
}

/** Runs an idempotent step (a read, a PUT that sets state), sending it again after transient failures. */
export async function retrying<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (isFatal(error) || !isTransient(error) || attempt >= RETRY_ATTEMPTS) throw error;
      await waitBeforeRetry(attempt, error);
    }
  }
}
