import type { Bound } from './bind.js';
import {
  groupsAddMembers,
  groupsCreate,
  groupsDelete,
  groupsGet,
  groupsList,
  groupsMoveMembers,
  groupsOfPerson,
  groupsRemoveMembers,
  groupsSetManager,
  groupsSetMembers,
  groupsUpdate,
} from './group-functions.js';

/**
 * @internal The methods of `ds.groups`, one per standalone function: `ds.groups.<name>` is `groups<Name>`
 * (`ds.groups.get` is `groupsGet`), checked by test/surfaces-parity.test.ts.
 */
export const GROUPS = {
  /** Lists the portal's groups (auto-pagination). Same as {@link groupsList}. */
  list: groupsList,
  /** Gets a group, with its members by default. Same as {@link groupsGet}. */
  get: groupsGet,
  /** Creates a group. Same as {@link groupsCreate}. */
  create: groupsCreate,
  /** Renames a group, sets its manager, adds and removes members. Same as {@link groupsUpdate}. */
  update: groupsUpdate,
  /** Deletes a group (its members stay). Same as {@link groupsDelete}. */
  delete: groupsDelete,
  /** Adds members. Same as {@link groupsAddMembers}. */
  addMembers: groupsAddMembers,
  /** Removes members. Same as {@link groupsRemoveMembers}. */
  removeMembers: groupsRemoveMembers,
  /** Replaces the members (the manager is removed too). Same as {@link groupsSetMembers}. */
  setMembers: groupsSetMembers,
  /** Sets the manager. Same as {@link groupsSetManager}. */
  setManager: groupsSetManager,
  /** Moves every member of one group into another. Same as {@link groupsMoveMembers}. */
  moveMembers: groupsMoveMembers,
  /** The groups a user belongs to. Same as {@link groupsOfPerson}. */
  ofPerson: groupsOfPerson,
} as const;

/**
 * Groups, available as `ds.groups`: list, get, create, update, delete, members and manager. Writes to the system
 * groups are refused before they are sent. Each method is the standalone function of the same name with the
 * client bound: `ds.groups.get(id)` is `groupsGet(ds, id)`.
 *
 * @interface
 */
export type Groups = Bound<typeof GROUPS>;
