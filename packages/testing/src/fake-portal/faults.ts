import type { RequestInfo, RequestMatcher } from './request-log.js';
import { matchesRequest } from './request-log.js';

/** What an injected fault does: answer with an HTTP status, close the connection (FIN) or reset it (RST). */
export type FaultAction = number | 'close' | 'reset';

/** A scripted failure for the next matching requests. */
export interface FaultRule {
  /** Which requests fail (see RequestMatcher). Default: every request. */
  match?: RequestMatcher;
  /** How many matching requests fail. Default 1; `Infinity` until cleared. */
  times?: number;
  /** Matching requests to let through before failing. Default 0. */
  skip?: number;
  /**
   * HTTP status (e.g. 500, 502, 503, 429), `close` (the server closes the connection without answering) or
   * `reset` (TCP reset). 500 answers the error envelope; 502/503/504 answer an HTML page as the reverse proxy does.
   */
  action: FaultAction;
  /**
   * `before` (default): the request is not processed. `after`: the request is processed (state changes) and then
   * the answer is replaced by the fault: the case that makes blind retries create duplicates.
   */
  when?: 'before' | 'after';
  /** Retry-After header (seconds) sent with status faults. Default: none (429: 1). */
  retryAfterSeconds?: number;
}

/** A scripted fault that is armed; its counters update as requests hit it. */
export interface ScriptedFault {
  /** The rule as given. */
  readonly rule: Readonly<FaultRule>;
  /** Failures still to inject. */
  readonly remaining: number;
  /** Failures injected so far. */
  readonly hits: number;
}

class ArmedFault implements ScriptedFault {
  remaining: number;
  hits = 0;
  skipLeft: number;

  constructor(readonly rule: Readonly<FaultRule>) {
    this.remaining = rule.times ?? 1;
    this.skipLeft = rule.skip ?? 0;
  }
}

/** The armed fault rules, first armed first served. */
export class FaultPlan {
  private faults: ArmedFault[] = [];

  /** Arms a rule. */
  add(rule: FaultRule): ScriptedFault {
    const action = rule.action;
    if (typeof action === 'number' && (!Number.isInteger(action) || action < 400 || action > 599)) {
      throw new RangeError('a fault status must be an HTTP error status (400..599)');
    }
    const fault = new ArmedFault({ ...rule });
    this.faults.push(fault);
    return fault;
  }

  /** Takes the fault (if any) that applies to a request at this stage, and counts it. */
  take(request: RequestInfo, stage: 'before' | 'after'): FaultRule | undefined {
    for (const fault of this.faults) {
      if (fault.remaining <= 0 || (fault.rule.when ?? 'before') !== stage) continue;
      if (!matchesRequest(fault.rule.match, request)) continue;
      if (fault.skipLeft > 0) {
        fault.skipLeft--;
        continue;
      }
      fault.remaining--;
      fault.hits++;
      return fault.rule;
    }
    return undefined;
  }

  /** Disarms everything. */
  clear(): void {
    this.faults = [];
  }
}
