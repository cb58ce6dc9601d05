/**
 * @internal One abort listener per signal, however many calls wait on it.
 *
 * Callers often share one signal across many calls (`Promise.all(ids.map((id) => ds.people.get(id, { signal })))`);
 * one `addEventListener` per call would make Node print `MaxListenersExceededWarning` past 10 calls in flight. Here
 * the first call on a signal adds a single listener that runs every registered callback; the last to leave removes
 * it, so nothing stays on the caller's signal.
 */

interface FanOut {
  callbacks: Set<() => void>;
  listener: () => void;
}

const fanOuts = new WeakMap<AbortSignal, FanOut>();

/** Runs `callback` once when `signal` aborts; returns the function that stops waiting for it. */
export function whenAborted(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    // Already aborted (between a caller's check and this call): the event will not come again.
    let stopped = false;
    queueMicrotask(() => {
      if (!stopped) callback();
    });
    return () => {
      stopped = true;
    };
  }
  let fan = fanOuts.get(signal);
  if (fan === undefined) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      fanOuts.delete(signal);
      for (const run of callbacks) run();
    };
    fan = { callbacks, listener };
    fanOuts.set(signal, fan);
    signal.addEventListener('abort', listener, { once: true });
  }
  const current = fan;
  current.callbacks.add(callback);
  return () => {
    if (!current.callbacks.delete(callback) || current.callbacks.size > 0) return;
    if (fanOuts.get(signal) === current) fanOuts.delete(signal);
    signal.removeEventListener('abort', current.listener);
  };
}
