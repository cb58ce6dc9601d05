/**
 * @internal Per-attempt timeouts without one AbortController and one timer per request.
 *
 * Creating an AbortSignal is one of the most expensive steps of a request in Node (it is made transferable).
 * So requests that start within a short window share one "deadline group": one controller and one timer that fires
 * `timeoutMs + slack` after the group opened. Each request therefore times out after at least `timeoutMs` and at
 * most `timeoutMs + slack` (slack = 1/20 of the timeout, at most 250 ms). A group takes at most 500 requests, so a
 * shared signal never carries more abort listeners than fetch implementations expect.
 */
export interface DeadlineGroup {
  /** The shared signal requests of this group pass to fetch; aborted when the group's timer fires. */
  readonly signal: AbortSignal;
  readonly opened: number;
  readonly timeoutMs: number;
  timedOut: boolean;
  joined: number;
  active: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Opens a group: one controller and one timer that fires `timeoutMs + slack` after `now`. */
function openGroup(now: number, timeoutMs: number, slack: number): DeadlineGroup {
  const controller = new AbortController();
  const group: DeadlineGroup = {
    signal: controller.signal,
    opened: now,
    timeoutMs,
    timedOut: false,
    joined: 0,
    active: 0,
    timer: setTimeout(() => {
      group.timedOut = true;
      group.timer = undefined;
      controller.abort();
    }, timeoutMs + slack),
  };
  // Do not keep a Node process alive just for a deadline nobody waits on.
  (group.timer as { unref?: () => void }).unref?.();
  return group;
}

const MAX_PER_GROUP = 500;

/** @internal Hands out deadline groups. */
export class Deadlines {
  #current: DeadlineGroup | undefined;

  /** Joins the open group for this timeout, or opens a new one. */
  join(timeoutMs: number): DeadlineGroup {
    const now = Date.now();
    const slack = Math.min(250, Math.ceil(timeoutMs / 20));
    let group = this.#current;
    if (
      group === undefined ||
      group.timeoutMs !== timeoutMs ||
      group.timedOut ||
      group.joined >= MAX_PER_GROUP ||
      now - group.opened > slack
    ) {
      const previous = group;
      group = openGroup(now, timeoutMs, slack);
      this.#current = group;
      if (previous && previous.active === 0 && previous.timer !== undefined) clearTimeout(previous.timer);
    }
    group.joined++;
    group.active++;
    return group;
  }

  /** Leaves a group; the group's timer is cleared once it is closed and empty. */
  leave(group: DeadlineGroup): void {
    if (--group.active === 0 && group !== this.#current && group.timer !== undefined) {
      clearTimeout(group.timer);
      group.timer = undefined;
    }
  }
}
