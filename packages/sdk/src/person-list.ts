import type { Connection } from './connection.js';
import { type QueryParams, searchUsersByExtendedFilter } from './operations.js';
import type { RequestOptions } from './options.js';
import { PagedList } from './paged-list.js';
import { type Person, toPerson } from './person.js';
import { request as send } from './request.js';

export type { Page, PageRequest } from './paged-list.js';

/** @internal The query of GET /people/filter, as the generated contract types it. */
export type FilterQuery = QueryParams<typeof searchUsersByExtendedFilter>;

/**
 * The result of {@link peopleList}: iterate it with `for await` to get every matching person (pages of up to
 * 100 are fetched one after another as you go), or call {@link PersonList.page} for one page and its total.
 */
export class PersonList extends PagedList<Person> {
  /** @internal Use {@link peopleList}. */
  constructor(
    connection: Connection,
    query: FilterQuery,
    pageSize: number,
    options: RequestOptions | undefined,
    invalid?: unknown,
  ) {
    super(
      (startIndex, count) =>
        send(
          connection,
          searchUsersByExtendedFilter,
          { query: { ...query, count, startIndex } },
          options,
          (envelope) => ({ items: envelope.response.map(toPerson), total: envelope.total }),
        ),
      pageSize,
      invalid,
    );
  }
}
