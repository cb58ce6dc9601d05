import type { Connection, DocSpace } from '@docspace-people/sdk';
import * as sdk from '@docspace-people/sdk';
import { GROUP_ID, OTHER_GROUP_ID, OTHER_ID, USER_ID } from './fixtures.js';
import { PNG } from './images.js';

/** The namespaces of a `DocSpace`: `ds.people`, `ds.photos`, `ds.groups`. */
export const NAMESPACES = ['people', 'photos', 'groups'] as const;
/** One of {@link NAMESPACES}. */
export type Namespace = (typeof NAMESPACES)[number];

/**
 * Valid arguments for every method of `ds.people` and `ds.photos` (after the connection), and the method and path
 * each sends. Keyed by namespace and method name; several rows per method where it has several routes.
 */
export const ARGS: Record<Namespace, ReadonlyArray<readonly [string, readonly unknown[], string]>> = {
  people: [
    ['create', [{ email: 'ann@example.com', firstName: 'Ann' }], 'POST /api/2.0/people'],
    ['get', [USER_ID], `GET /api/2.0/people/${USER_ID}`],
    ['me', [], 'GET /api/2.0/people/@self'],
    ['getByEmail', ['ann@example.com'], 'GET /api/2.0/people/email'],
    ['exists', ['ann@example.com'], 'GET /api/2.0/people/exists'],
    ['update', [USER_ID, { location: 'Riga' }], `PUT /api/2.0/people/${USER_ID}`],
    ['list', [{ status: 'Active', type: ['User', 'Guest'], text: 'a b' }], 'GET /api/2.0/people/filter'],
    ['search', ['ann'], 'GET /api/2.0/people/search'],
    ['terminate', [USER_ID], 'PUT /api/2.0/people/status/Terminated'],
    ['reactivate', [[USER_ID, OTHER_ID]], 'PUT /api/2.0/people/status/Active'],
    ['delete', [USER_ID], `DELETE /api/2.0/people/${USER_ID}`],
    ['delete', [[USER_ID, OTHER_ID]], 'PUT /api/2.0/people/delete'],
    ['changeType', [USER_ID, 'User'], 'PUT /api/2.0/people/type/User'],
    ['downgrade', [USER_ID, 'Guest', { wait: false, reassignTo: OTHER_ID }], 'POST /api/2.0/people/type'],
    ['downgradeProgress', [USER_ID], `GET /api/2.0/people/type/progress/${USER_ID}`],
    ['cancelDowngrade', [USER_ID], 'PUT /api/2.0/people/type/terminate'],
    ['invite', [{ email: 'ann@example.com' }, { culture: 'en-US' }], 'POST /api/2.0/people/invite'],
    ['resendInvites', [USER_ID], 'PUT /api/2.0/people/invite'],
    ['setCulture', [USER_ID, 'de-DE'], `PUT /api/2.0/people/${USER_ID}/culture`],
    // The reassignment checks the server's rules first: the first request reads the user whose data moves.
    ['delete', [USER_ID, { reassignTo: OTHER_ID }], `GET /api/2.0/people/${USER_ID}`],
    ['reassign', [USER_ID, OTHER_ID, { wait: false }], `GET /api/2.0/people/${USER_ID}`],
    ['reassignProgress', [USER_ID], `GET /api/2.0/people/reassign/progress/${USER_ID}`],
    ['cancelReassign', [USER_ID], 'PUT /api/2.0/people/reassign/terminate'],
    ['needsReassign', [USER_ID, 'Guest'], 'GET /api/2.0/people/reassign/necessary'],
    ['setQuota', [[USER_ID, OTHER_ID], 1024], 'PUT /api/2.0/people/userquota'],
    ['resetQuota', [USER_ID], 'PUT /api/2.0/people/resetquota'],
    ['removeGuests', [USER_ID], 'DELETE /api/2.0/people/guests'],
    ['guestShareLink', [USER_ID], `GET /api/2.0/people/guests/${USER_ID}/share`],
    ['sendPasswordInstructions', ['ann@example.com'], 'POST /api/2.0/people/password'],
    ['requestEmailChange', [USER_ID, 'ann@new.example.com'], 'POST /api/2.0/people/email'],
  ],
  // Writes to an existing group first read it (system groups are refused): their first request is that GET.
  groups: [
    [
      'list',
      [{ text: 'sales', userId: USER_ID, manager: true, sortBy: 'membersCount' }],
      'GET /api/2.0/group',
    ],
    ['get', [GROUP_ID], `GET /api/2.0/group/${GROUP_ID}`],
    ['create', [{ name: 'Sales', manager: USER_ID, members: [OTHER_ID] }], 'POST /api/2.0/group'],
    ['update', [GROUP_ID, { name: 'Sales EU' }], `GET /api/2.0/group/${GROUP_ID}`],
    ['delete', [GROUP_ID], `GET /api/2.0/group/${GROUP_ID}`],
    ['addMembers', [GROUP_ID, [USER_ID]], `GET /api/2.0/group/${GROUP_ID}`],
    ['removeMembers', [GROUP_ID, USER_ID], `GET /api/2.0/group/${GROUP_ID}`],
    ['setMembers', [GROUP_ID, [USER_ID, OTHER_ID]], `GET /api/2.0/group/${GROUP_ID}`],
    ['setManager', [GROUP_ID, USER_ID], `GET /api/2.0/group/${GROUP_ID}`],
    ['moveMembers', [GROUP_ID, OTHER_GROUP_ID], `GET /api/2.0/group/${GROUP_ID}`],
    ['ofPerson', [USER_ID], `GET /api/2.0/group/user/${USER_ID}`],
  ],
  photos: [
    ['get', [USER_ID], `GET /api/2.0/people/${USER_ID}/photo`],
    ['upload', [USER_ID, PNG], `POST /api/2.0/people/${USER_ID}/photo`],
    ['setFromUrl', [USER_ID, 'https://example.com/me.png'], `PUT /api/2.0/people/${USER_ID}/photo`],
    ['delete', [USER_ID], `DELETE /api/2.0/people/${USER_ID}/photo`],
    [
      'crop',
      [USER_ID, { tmpFile: 'tmp.png', x: 0, y: 0, width: 10, height: 10 }],
      `POST /api/2.0/people/${USER_ID}/photo/thumbnails`,
    ],
  ],
} as const satisfies Record<Namespace, ReadonlyArray<readonly [string, readonly unknown[], string]>>;

type AnyFunction = (...args: unknown[]) => unknown;

/** The standalone function of a method by the naming rule: `ds.people.get` is `peopleGet`. */
export function functionOf(namespace: Namespace, method: string): AnyFunction {
  const name = `${namespace}${method[0]?.toUpperCase()}${method.slice(1)}`;
  const fn = (sdk as unknown as Record<string, unknown>)[name];
  if (typeof fn !== 'function')
    throw new Error(`no standalone function ${name} for ds.${namespace}.${method}`);
  return fn as AnyFunction;
}

/** Runs a call to its end (a list is read as one page). */
export function settle(result: unknown): Promise<unknown> {
  if (result instanceof Promise) return result;
  return (result as { page(): Promise<unknown> }).page();
}

/** Every call of the SDK as a standalone function: name, `METHOD /path` it sends, the call. */
export const EVERY_CALL = NAMESPACES.flatMap((namespace) =>
  ARGS[namespace].map(
    ([method, args, request]) =>
      [
        `${namespace}.${method}${ARGS[namespace].filter(([m]) => m === method).length > 1 ? ` (${request})` : ''}`,
        request,
        (c: Connection) => settle(functionOf(namespace, method)(c, ...args)),
      ] as const,
  ),
);

/** The same call through the class form, `ds.<namespace>.<method>(...args)`. */
export function methodCall(ds: DocSpace, namespace: Namespace, method: string, args: readonly unknown[]) {
  const fn = (ds[namespace] as unknown as Record<string, AnyFunction>)[method];
  if (typeof fn !== 'function') throw new Error(`ds.${namespace}.${method} is not a method`);
  return settle(fn(...args));
}
