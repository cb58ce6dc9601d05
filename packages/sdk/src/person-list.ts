import type { Connection } from './connection.js';
import { type QueryParams, searchUsersByExtendedFilter } from './operations.js';
import type { RequestOptions } from './options.js';
import { checkTotal, PageProgress } from './page-guard.js';
import { type Person, toPerson } from './person.js';
import { request as send } from './request.js';
import { integer } from './validate.js';

/** @internal The query of GET /people/filter, as the generated contract types it. */
export type FilterQuery = QueryParams<typeof searchUsersByExtendedFilter>;

/** Path of the listing, for {@link PaginationError}s. */
const PATH = '/api/2.0/people/filter';

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

/**
 * The result of {@link People.list}: iterate it with `for await` to get every matching person (pages of up to
 * 100 are fetched one after another as you go), or call {@link PersonList.page} for one page and its total.
 */
export class PersonList implements AsyncIterable<Person> {
  readonly #connection: Connection;
  readonly #query: FilterQuery;
  readonly #pageSize: number;
  readonly #options: RequestOptions | undefined;
  readonly #invalid: unknown;

  /** @internal Use {@link People.list}. */
  constructor(
    connection: Connection,
    query: FilterQuery,
    pageSize: number,
    options: RequestOptions | undefined,
    invalid?: unknown,
  ) {
    this.#invalid = invalid;
    this.#connection = connection;
    this.#query = query;
    this.#pageSize = pageSize;
    this.#options = options;
  }

  /**
   * Fetches one page. Throws {@link PaginationError} (`badTotal`) when the server's `total` is not a non-negative
   * integer.
   * @example const { items, total } = await ds.people.list({ status: 'Active' }).page({ startIndex: 0, count: 25 });
   */
  async page(request: PageRequest = {}): Promise<Page<Person>> {
    if (this.#invalid !== undefined) throw this.#invalid;
    const startIndex =
      request.startIndex === undefined ? 0 : integer(request.startIndex, 'page.startIndex', 0);
    const count = request.count === undefined ? this.#pageSize : integer(request.count, 'page.count', 1, 100);
    const query: FilterQuery = { ...this.#query, count, startIndex };
    const { items, total: sent } = await send(
      this.#connection,
      searchUsersByExtendedFilter,
      { query },
      this.#options,
      (envelope) => ({ items: envelope.response.map(toPerson), total: envelope.total }),
    );
    const total = checkTotal(sent, PATH, startIndex);
    const end = startIndex + items.length;
    const more = items.length === count && (total === undefined || end < total);
    return { items, total, startIndex, nextStartIndex: more ? end : undefined };
  }

  /**
   * Iterates page by page. A person already yielded by an earlier page (the list changed while it was read) is left
   * out of later pages. Throws {@link PaginationError} when the server's pages do not add up: `total` not a
   * non-negative integer, a page with nothing new, or more people than `total`; a listing always ends.
   */
  async *pages(): AsyncGenerator<Page<Person>, void, undefined> {
    const progress = new PageProgress<Person>(PATH, (person) => person.id);
    let startIndex: number | undefined = 0;
    while (startIndex !== undefined) {
      const page: Page<Person> = await this.page({ startIndex });
      yield { ...page, items: progress.accept(page.items, page.total, page.startIndex) };
      startIndex = page.nextStartIndex;
    }
  }

  /** Iterates every matching person. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Person, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects every matching person into an array (mind the memory on large portals). */
  async toArray(): Promise<Person[]> {
    const all: Person[] = [];
    for await (const page of this.pages()) all.push(...page.items);
    return all;
  }
}
