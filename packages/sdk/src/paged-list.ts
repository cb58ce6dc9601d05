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

/** @internal Fetches the items from `startIndex` (at most `count`) and the server's total. */
export type PageFetcher<T> = (
  startIndex: number,
  count: number,
) => Promise<{ items: T[]; total: number | undefined }>;

/**
 * A paged server list: iterate it with `for await` to get every item (pages of up to 100 are fetched one after
 * another as you go), or call {@link PagedList.page} for one page and its total.
 */
export class PagedList<T> implements AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  readonly #pageSize: number;
  readonly #invalid: unknown;

  /**
   * @internal Created by the list operations. `invalid` is the ValidationError of a bad filter: the first page
   * (and the iteration) rejects with it before anything is sent, the way every other call reports bad input.
   */
  constructor(fetch: PageFetcher<T>, pageSize: number, invalid?: unknown) {
    this.#fetch = fetch;
    this.#pageSize = pageSize;
    this.#invalid = invalid;
  }

  /**
   * Fetches one page.
   * @example const { items, total } = await ds.people.list({ status: 'Active' }).page({ startIndex: 0, count: 25 });
   */
  async page(request: PageRequest = {}): Promise<Page<T>> {
    if (this.#invalid !== undefined) throw this.#invalid;
    const startIndex =
      request.startIndex === undefined ? 0 : integer(request.startIndex, 'page.startIndex', 0);
    const count = request.count === undefined ? this.#pageSize : integer(request.count, 'page.count', 1, 100);
    const { items, total } = await this.#fetch(startIndex, count);
    const end = startIndex + items.length;
    const more = items.length === count && (total === undefined || end < total);
    return { items, total, startIndex, nextStartIndex: more ? end : undefined };
  }

  /** Iterates page by page. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let startIndex: number | undefined = 0;
    while (startIndex !== undefined) {
      const page: Page<T> = await this.page({ startIndex });
      yield page;
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
