import {
  peopleGuestShareLink,
  peopleRemoveGuests,
  peopleRequestEmailChange,
  peopleResetQuota,
  peopleSendPasswordInstructions,
  peopleSetQuota,
} from './account-functions.js';
import type { Bound } from './bind.js';
import {
  peopleCancelDowngrade,
  peopleChangeType,
  peopleCreate,
  peopleDelete,
  peopleDowngrade,
  peopleDowngradeProgress,
  peopleExists,
  peopleGet,
  peopleGetByEmail,
  peopleInvite,
  peopleList,
  peopleMe,
  peopleReactivate,
  peopleResendInvites,
  peopleSearch,
  peopleSetCulture,
  peopleTerminate,
  peopleUpdate,
} from './people-functions.js';
import {
  peopleCancelReassign,
  peopleNeedsReassign,
  peopleReassign,
  peopleReassignProgress,
} from './reassign.js';

/**
 * @internal The methods of `ds.people`, one per standalone function. The naming rule: `ds.people.<name>` is the
 * function `people<Name>` (`ds.people.get` is `peopleGet`), checked by test/surfaces-parity.test.ts.
 */
export const PEOPLE = {
  /** Creates a user. Same as {@link peopleCreate}. */
  create: peopleCreate,
  /** Gets a user by id (GUID) or user name. Same as {@link peopleGet}. */
  get: peopleGet,
  /** Gets the profile of the authenticated user. Same as {@link peopleMe}. */
  me: peopleMe,
  /** Gets a user by e-mail. Same as {@link peopleGetByEmail}. */
  getByEmail: peopleGetByEmail,
  /** Tells whether a user with this e-mail exists. Same as {@link peopleExists}. */
  exists: peopleExists,
  /** Updates a profile. Same as {@link peopleUpdate}. */
  update: peopleUpdate,
  /** Lists people matching a filter (auto-pagination). Same as {@link peopleList}. */
  list: peopleList,
  /** Searches people by name or e-mail (short form). Same as {@link peopleSearch}. */
  search: peopleSearch,
  /** Terminates (disables) users. Same as {@link peopleTerminate}. */
  terminate: peopleTerminate,
  /** Reactivates terminated users. Same as {@link peopleReactivate}. */
  reactivate: peopleReactivate,
  /** Deletes users (only Terminated ones; `terminateFirst`; `reassignTo` chooses the heir). Same as {@link peopleDelete}. */
  delete: peopleDelete,
  /** Changes users' type (PUT /people/type/{type}). Same as {@link peopleChangeType}. */
  changeType: peopleChangeType,
  /** Downgrades a user to User or Guest, reassigning their data. Same as {@link peopleDowngrade}. */
  downgrade: peopleDowngrade,
  /** Reads the progress of a user's downgrade task. Same as {@link peopleDowngradeProgress}. */
  downgradeProgress: peopleDowngradeProgress,
  /** Cancels a running downgrade task. Same as {@link peopleCancelDowngrade}. */
  cancelDowngrade: peopleCancelDowngrade,
  /** Invites people by e-mail. Same as {@link peopleInvite}. */
  invite: peopleInvite,
  /** Sends the invitation e-mails again. Same as {@link peopleResendInvites}. */
  resendInvites: peopleResendInvites,
  /** Sets a user's language and formats. Same as {@link peopleSetCulture}. */
  setCulture: peopleSetCulture,
  /** Hands a Terminated user's data to an heir (the reassignment task). Same as {@link peopleReassign}. */
  reassign: peopleReassign,
  /** Reads the progress of a user's reassignment task. Same as {@link peopleReassignProgress}. */
  reassignProgress: peopleReassignProgress,
  /** Cancels a running reassignment task. Same as {@link peopleCancelReassign}. */
  cancelReassign: peopleCancelReassign,
  /** Whether a user has data to hand over. Same as {@link peopleNeedsReassign}. */
  needsReassign: peopleNeedsReassign,
  /** Sets users' storage quota. Same as {@link peopleSetQuota}. */
  setQuota: peopleSetQuota,
  /** Puts users back on the portal's default quota. Same as {@link peopleResetQuota}. */
  resetQuota: peopleResetQuota,
  /** Removes guests from your contacts (not their profiles). Same as {@link peopleRemoveGuests}. */
  removeGuests: peopleRemoveGuests,
  /** A link that lets another admin add a guest to their contacts. Same as {@link peopleGuestShareLink}. */
  guestShareLink: peopleGuestShareLink,
  /** E-mails password-change instructions. Same as {@link peopleSendPasswordInstructions}. */
  sendPasswordInstructions: peopleSendPasswordInstructions,
  /** Changes a user's e-mail (or, for yourself, e-mails a confirmation link). Same as {@link peopleRequestEmailChange}. */
  requestEmailChange: peopleRequestEmailChange,
} as const;

/**
 * People: create, read, list, update, terminate, delete, change type, invite, reassign data, quota, guests,
 * password and e-mail. Available as `ds.people`.
 * Each method is the standalone function of the same name with the client bound: `ds.people.get(id)` is
 * `peopleGet(ds, id)`. Import the functions instead when bundle size matters.
 *
 * @interface
 */
export type People = Bound<typeof PEOPLE>;
