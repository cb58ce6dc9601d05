import { activationStatuses, employeeStatuses, employeeTypes, parseEnum } from '../enums.js';
import { success } from '../envelope.js';
import { badArgument, ValidationFailure } from '../errors.js';
import type { RouteContext, RouteDefinition } from '../router.js';
import type { FakeUser } from '../user-record.js';
import { requireType } from './helpers.js';

const base = '/api/2.0/people';

/** Paging and sorting read from the query string. */
interface Paging {
  startIndex: number;
  count: number;
  sortBy: string;
  descending: boolean;
  filterValue: string | undefined;
}

/** Reads `count` (1..100, default 100), `startIndex`, `sortBy`, `sortOrder` and `filterValue`. */
function paging(ctx: RouteContext): Paging {
  const q = ctx.query;
  const rawCount = q.get('count');
  const count = rawCount === null || rawCount === '' ? 100 : Number(rawCount);
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw new ValidationFailure({ count: ['The field count must be between 1 and 100.'] });
  }
  const rawStart = q.get('startIndex');
  const startIndex = rawStart === null || rawStart === '' ? 0 : Number(rawStart);
  if (!Number.isInteger(startIndex) || startIndex < 0) {
    throw new ValidationFailure({ startIndex: ['The value is not valid for startIndex.'] });
  }
  const order = parseEnum({ Ascending: 0, Descending: 1 }, q.get('sortOrder'));
  return {
    startIndex,
    count,
    sortBy: (q.get('sortBy') ?? 'displayName').toLowerCase(),
    descending: order === 'Descending',
    filterValue: q.get('filterValue')?.trim() || undefined,
  };
}

/** True when a person matches a free-text query (name, e-mail or user name, case-insensitive). */
function matchesText(user: FakeUser, text: string | undefined): boolean {
  if (!text) return true;
  const needle = text.toLowerCase();
  return [`${user.firstName} ${user.lastName}`, user.email, user.userName].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

function sortKey(user: FakeUser, sortBy: string): string | number {
  switch (sortBy) {
    case 'firstname':
      return user.firstName.toLowerCase();
    case 'lastname':
      return user.lastName.toLowerCase();
    case 'email':
      return user.email.toLowerCase();
    case 'registrationdate':
    case 'createdate':
      return user.registrationDate.getTime();
    default:
      return `${user.firstName} ${user.lastName}`.toLowerCase();
  }
}

/** Filters by text, sorts, pages; answers the array wrapper with `total`. */
function page(ctx: RouteContext, users: FakeUser[], short = false) {
  const p = paging(ctx);
  const matched = users.filter((user) => matchesText(user, p.filterValue));
  const keyed = matched.map((user, index) => ({ user, index, key: sortKey(user, p.sortBy) }));
  keyed.sort((a, b) => {
    const cmp = a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index;
    return p.descending ? -cmp : cmp;
  });
  const slice = keyed.slice(p.startIndex, p.startIndex + p.count).map((entry) => entry.user);
  const dtos = slice.map((user) => (short ? ctx.state.short(user) : ctx.state.full(user)));
  return success(dtos, ctx.link, matched.length);
}

/** Callers of type User or Guest may not list people. */
function requireLister(ctx: RouteContext): void {
  requireType(ctx.caller, 'RoomAdmin');
}

function statusFilter(raw: string | null | undefined): (user: FakeUser) => boolean {
  const status = parseEnum(employeeStatuses, raw);
  if (raw !== null && raw !== undefined && raw !== '' && status === undefined)
    throw badArgument('Incorrect status');
  if (status === undefined || status === 'All') return () => true;
  if (status === 'Default') return (user) => user.status !== 'Terminated';
  return (user) => user.status === status;
}

/** The filters of /people/filter and /people/simple/filter. */
function extendedFilter(ctx: RouteContext): FakeUser[] {
  const q = ctx.query;
  const byStatus = statusFilter(q.get('employeeStatus'));
  const types = [...q.getAll('employeeType'), ...q.getAll('employeeTypes')]
    .flatMap((value) => value.split(','))
    .filter((value) => value !== '')
    .map((value) => {
      const type = parseEnum(employeeTypes, value);
      if (type === undefined) throw badArgument('Incorrect employee type');
      return type;
    })
    .filter((type) => type !== 'All');
  const activation = parseEnum(activationStatuses, q.get('activationStatus'));
  const isAdministrator = q.get('isAdministrator');
  const area = parseEnum({ All: 0, People: 1, Guests: 2 }, q.get('area'));
  return ctx.state.store
    .all()
    .filter(
      (user) =>
        byStatus(user) &&
        (types.length === 0 || types.includes(user.type)) &&
        (activation === undefined || user.activationStatus === activation) &&
        (isAdministrator !== 'true' || user.type === 'DocSpaceAdmin') &&
        (area !== 'People' || user.type !== 'Guest') &&
        (area !== 'Guests' || user.type === 'Guest'),
    );
}

function searchQuery(raw: string | null | undefined): string {
  const query = raw?.trim();
  if (!query) throw badArgument('Incorrect query');
  return query;
}

function active(ctx: RouteContext): FakeUser[] {
  return ctx.state.store.all().filter((user) => user.status === 'Active');
}

/** Lists and searches. */
export const listRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: base,
    operationId: 'getAllProfiles',
    handler: (ctx) => {
      requireLister(ctx);
      return page(ctx, active(ctx));
    },
  },
  {
    method: 'GET',
    path: `${base}/filter`,
    operationId: 'searchUsersByExtendedFilter',
    handler: (ctx) => {
      requireLister(ctx);
      return page(ctx, extendedFilter(ctx));
    },
  },
  {
    method: 'GET',
    path: `${base}/simple/filter`,
    operationId: 'getSimpleByFilter',
    handler: (ctx) => {
      requireLister(ctx);
      return page(ctx, extendedFilter(ctx), true);
    },
  },
  {
    method: 'GET',
    path: `${base}/search`,
    operationId: 'searchUsersByQuery',
    handler: (ctx) => {
      requireLister(ctx);
      const query = searchQuery(ctx.query.get('query'));
      return page(
        ctx,
        active(ctx).filter((user) => matchesText(user, query)),
        true,
      );
    },
  },
  {
    method: 'GET',
    path: `${base}/@search/{query}`,
    operationId: 'getSearch',
    handler: (ctx) => {
      requireLister(ctx);
      const query = searchQuery(ctx.params.query);
      return page(
        ctx,
        active(ctx).filter((user) => matchesText(user, query)),
      );
    },
  },
  {
    method: 'GET',
    path: `${base}/status/{status}`,
    operationId: 'getByStatus',
    handler: (ctx) => {
      requireLister(ctx);
      return page(ctx, ctx.state.store.all().filter(statusFilter(ctx.params.status)));
    },
  },
  {
    method: 'GET',
    path: `${base}/status/{status}/search`,
    operationId: 'searchUsersByStatus',
    handler: (ctx) => {
      requireLister(ctx);
      const byStatus = statusFilter(ctx.params.status);
      const query = searchQuery(ctx.query.get('query'));
      return page(
        ctx,
        ctx.state.store.all().filter((user) => byStatus(user) && matchesText(user, query)),
      );
    },
  },
];
