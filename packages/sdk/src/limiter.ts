import { whenAborted } from './abort.js';

/**
 * @internal A counting semaphore. `acquire` resolves at once while fewer than `max` holders are in flight
 * (no promise allocated on that path beyond the caller's own await), otherwise queues in FIFO order.
 */
export class Limiter {
  /** Time (ms since epoch) before which no request of this kind is sent (rate limit), or 0. */
  pausedUntil = 0;
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  /** `max`: an integer >= 1 (the connection checks the options). */
  constructor(readonly max: number) {}

  /** Requests currently holding a slot. */
  get inFlight(): number {
    return this.active;
  }

  /** True when a slot was taken synchronously; otherwise call {@link wait}. */
  tryAcquire(): boolean {
    if (this.active < this.max) {
      this.active++;
      return true;
    }
    return false;
  }

  /** Waits for a slot; rejects with the signal's reason if it aborts first. */
  wait(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const grant = () => {
        stop?.();
        this.active++;
        resolve();
      };
      const stop = signal
        ? whenAborted(signal, () => {
            const index = this.waiting.indexOf(grant);
            if (index >= 0) this.waiting.splice(index, 1);
            reject(signal.reason);
          })
        : undefined;
      this.waiting.push(grant);
    });
  }

  /** Gives a slot back and hands it to the next waiter, if any. */
  release(): void {
    this.active--;
    const next = this.waiting.shift();
    if (next) next();
  }
}
