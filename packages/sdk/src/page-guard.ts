import { PaginationError } from './errors.js';

/**
 * @internal The checks that make paging end. A list is read page after page until a short page or `total`; a
 * server that ignores `startIndex`, repeats pages, or sends a `total` that keeps growing or is not a number would
 * make that loop endless. So `total` must be a non-negative integer, every page must bring at least one item not
 * seen before, and the items may not outnumber `total`.
 */

/** @internal Checks the `total` of a page: absent, or a non-negative safe integer. */
export function checkTotal(total: unknown, path: string, startIndex: number): number | undefined {
  if (total === undefined) return undefined;
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    const shown = typeof total === 'string' ? JSON.stringify(total.slice(0, 40)) : String(total);
    throw new PaginationError(
      'badTotal',
      path,
      startIndex,
      `the server's total is ${shown}, not a non-negative integer`,
    );
  }
  return total;
}

/** @internal Tracks the items a listing has yielded so far, by key. */
export class PageProgress<T> {
  readonly #seen = new Set<string>();
  readonly #key: (item: T) => string;
  readonly #path: string;

  constructor(path: string, key: (item: T) => string) {
    this.#path = path;
    this.#key = key;
  }

  /** Items yielded so far. */
  get count(): number {
    return this.#seen.size;
  }

  /**
   * Takes one page and returns the items not seen before (a person can shift from one page to the next when the
   * list changes while it is read). Throws {@link PaginationError} when a non-empty page brings nothing new or the
   * items outnumber the page's `total`.
   */
  accept(items: readonly T[], total: number | undefined, startIndex: number): T[] {
    const fresh: T[] = [];
    for (const item of items) {
      const key = this.#key(item);
      if (this.#seen.has(key)) continue;
      this.#seen.add(key);
      fresh.push(item);
    }
    if (items.length > 0 && fresh.length === 0) {
      throw new PaginationError(
        'noProgress',
        this.#path,
        startIndex,
        `the page brought no item not already seen (${items.length} repeated): the server ignores startIndex or repeats pages`,
      );
    }
    if (total !== undefined && this.#seen.size > total) {
      throw new PaginationError(
        'pastTotal',
        this.#path,
        startIndex,
        `${this.#seen.size} distinct items so far, more than the total of ${total} the server announced`,
      );
    }
    return fresh;
  }
}
