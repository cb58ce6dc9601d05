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
 * A person already yielded by an earlier page is left out of later ones; pages that do not add up throw a
 * {@link PaginationError}.
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
      {
        path: '/api/2.0/people/filter',
        key: (person) => person.id,
        fetch: (startIndex, count) =>
          send(
            connection,
            searchUsersByExtendedFilter,
            { query: { ...query, count, startIndex } },
            options,
            (envelope) => ({ items: envelope.response.map(toPerson), total: envelope.total }),
          ),
      },
      pageSize,
      invalid,
    );
  }
}
