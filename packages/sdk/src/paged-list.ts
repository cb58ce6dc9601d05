import { checkTotal, PageProgress } from './page-guard.js';
import { integer } from './validate.js';

/** One page of results with the server's total. */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** How many items match in all, when the server says (DocSpace sends `total` for paged lists). */
  total: number | undefined;
  /** Offset of the first item of this page. */
  startIndex: number;
  /** Offset of the next page, or `undefined` when this is the last one. */
  nextStartIndex: number | undefined;
}

/** Where a page starts and how big it is. */
export interface PageRequest {
  /** Offset of the first item. Default 0. */
  startIndex?: number | undefined;
  /** Page size, 1 to 100. Default: the filter's `pageSize` (100). */
  count?: number | undefined;
}

/** @internal Fetches the items from `startIndex` (at most `count`) and the server's total (as sent). */
export type PageFetcher<T> = (startIndex: number, count: number) => Promise<{ items: T[]; total: unknown }>;

/** @internal What a paged list reads: its path (for {@link PaginationError}s), each item's key, the fetcher. */
export interface PagedSource<T> {
  /** The listing's path, e.g. `/api/2.0/people/filter`. */
  path: string;
  /** The key that tells items apart (their id). */
  key: (item: T) => string;
  /** Fetches one page. */
  fetch: PageFetcher<T>;
}

/**
 * A paged server list: iterate it with `for await` to get every item (pages of up to 100 are fetched one after
 * another as you go), or call {@link PagedList.page} for one page and its total.
 */
export class PagedList<T> implements AsyncIterable<T> {
  readonly #source: PagedSource<T>;
  readonly #pageSize: number;
  readonly #invalid: unknown;

  /**
   * @internal Created by the list operations. `invalid` is the ValidationError of a bad filter: the first page
   * (and the iteration) rejects with it before anything is sent, the way every other call reports bad input.
   */
  constructor(source: PagedSource<T>, pageSize: number, invalid?: unknown) {
    this.#source = source;
    this.#pageSize = pageSize;
    this.#invalid = invalid;
  }

  /**
   * Fetches one page. Throws {@link PaginationError} (`badTotal`) when the server's `total` is not a non-negative
   * integer.
   * @example const { items, total } = await ds.people.list({ status: 'Active' }).page({ startIndex: 0, count: 25 });
   */
  async page(request: PageRequest = {}): Promise<Page<T>> {
    if (this.#invalid !== undefined) throw this.#invalid;
    const startIndex =
      request.startIndex === undefined ? 0 : integer(request.startIndex, 'page.startIndex', 0);
    const count = request.count === undefined ? this.#pageSize : integer(request.count, 'page.count', 1, 100);
    const { items, total: sent } = await this.#source.fetch(startIndex, count);
    const total = checkTotal(sent, this.#source.path, startIndex);
    const end = startIndex + items.length;
    const more = items.length === count && (total === undefined || end < total);
    return { items, total, startIndex, nextStartIndex: more ? end : undefined };
  }

  /**
   * Iterates page by page. An item already yielded by an earlier page (the list changed while it was read) is left
   * out of later pages. Throws {@link PaginationError} when the server's pages do not add up: `total` not a
   * non-negative integer, a page with nothing new, or more items than `total`; a listing always ends.
   */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const progress = new PageProgress<T>(this.#source.path, this.#source.key);
    let startIndex: number | undefined = 0;
    while (startIndex !== undefined) {
      const page: Page<T> = await this.page({ startIndex });
      yield { ...page, items: progress.accept(page.items, page.total, page.startIndex) };
      startIndex = page.nextStartIndex;
    }
  }

  /** Iterates every matching item. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects every matching item into an array (mind the memory on large portals). */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages()) all.push(...page.items);
    return all;
  }
}
