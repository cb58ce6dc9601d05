import type { Connection } from './connection.js';
import type { AssignableType } from './enums.js';
import type { RequestOptions } from './options.js';
import type { PeopleFilter } from './people-filter.js';
import {
  type CreatePersonInput,
  cancelDowngrade,
  changePeopleType,
  createPerson,
  type DeleteOptions,
  deletePeople,
  downgradePerson,
  downgradeProgress,
  getMe,
  getPerson,
  getPersonByEmail,
  type Invitation,
  type InviteOptions,
  invitePeople,
  listPeople,
  personExists,
  reactivatePeople,
  resendInvites,
  searchPeople,
  setPersonCulture,
  terminatePeople,
  type UpdatePersonInput,
  updatePerson,
} from './people-functions.js';
import type { Person, PersonSummary } from './person.js';
import type { PersonList } from './person-list.js';
import type { DowngradeOptions, TaskProgress } from './type-change.js';

/**
 * People: create, read, list, update, terminate, delete, change type, invite. Available as `ds.people`.
 * Each method is the standalone function of the same operation (`getPerson`, `createPerson`, ...) bound to the
 * client: import those instead when bundle size matters.
 */
export class People {
  readonly #c: Connection;

  /** @internal Use `new DocSpace(...).people`. */
  constructor(connection: Connection) {
    this.#c = connection;
  }

  /**
   * Creates a user (POST /people; the server answers 200 with the new profile).
   * @example const person = await ds.people.create({ email: 'john@example.com', firstName: 'John', lastName: 'Doe' });
   */
  create(input: CreatePersonInput, options?: RequestOptions): Promise<Person> {
    return createPerson(this.#c, input, options);
  }

  /**
   * Gets a user by id (GUID) or user name.
   * @example const person = await ds.people.get('6f1c...');
   */
  get(idOrUserName: string, options?: RequestOptions): Promise<Person> {
    return getPerson(this.#c, idOrUserName, options);
  }

  /**
   * Gets the profile of the authenticated user.
   * @example const me = await ds.people.me();
   */
  me(options?: RequestOptions): Promise<Person> {
    return getMe(this.#c, options);
  }

  /**
   * Gets a user by e-mail; throws {@link NotFoundError} when there is none.
   * @example const person = await ds.people.getByEmail('john@example.com');
   */
  getByEmail(address: string, options?: RequestOptions): Promise<Person> {
    return getPersonByEmail(this.#c, address, options);
  }

  /**
   * Tells whether a user with this e-mail exists.
   * @example if (!(await ds.people.exists('john@example.com'))) await ds.people.create({ email: 'john@example.com' });
   */
  exists(address: string, options?: RequestOptions): Promise<boolean> {
    return personExists(this.#c, address, options);
  }

  /**
   * Updates a profile (PUT /people/{id}). See {@link UpdatePersonInput} for what the server applies.
   * @example await ds.people.update(me.id, { location: 'Riga' });
   */
  update(id: string, patch: UpdatePersonInput, options?: RequestOptions): Promise<Person> {
    return updatePerson(this.#c, id, patch, options);
  }

  /**
   * Lists people matching a filter. Iterate the result with `for await` to get everyone (auto-pagination,
   * up to 100 per request), or call `.page()` for one page with its total.
   * @example for await (const person of ds.people.list({ status: 'Active', type: 'Guest' })) console.log(person.email);
   * @example const { items, total } = await ds.people.list({ text: 'john' }).page({ count: 20 });
   */
  list(filter: PeopleFilter = {}, options?: RequestOptions): PersonList {
    return listPeople(this.#c, filter, options);
  }

  /**
   * Searches people by name or e-mail (GET /people/search). The server returns the short form
   * ({@link PersonSummary}); for full profiles with filters use {@link People.list} with `text`.
   * @example const found = await ds.people.search('john');
   */
  search(query: string, options?: RequestOptions): Promise<PersonSummary[]> {
    return searchPeople(this.#c, query, options);
  }

  /**
   * Terminates (disables) users; they keep their data and can be reactivated or deleted.
   * @example await ds.people.terminate([id1, id2]);
   */
  terminate(ids: string | readonly string[], options?: RequestOptions): Promise<Person[]> {
    return terminatePeople(this.#c, ids, options);
  }

  /**
   * Reactivates terminated users.
   * @example await ds.people.reactivate(id);
   */
  reactivate(ids: string | readonly string[], options?: RequestOptions): Promise<Person[]> {
    return reactivatePeople(this.#c, ids, options);
  }

  /**
   * Deletes users for good. DocSpace deletes only Terminated users: terminate them first, or pass
   * `{ terminateFirst: true }`. One id uses DELETE /people/{id}; several use the bulk PUT /people/delete.
   * @example await ds.people.delete(id, { terminateFirst: true });
   */
  delete(ids: string | readonly string[], options?: DeleteOptions): Promise<Person[]> {
    return deletePeople(this.#c, ids, options);
  }

  /**
   * Changes users' type with the real endpoint (PUT /people/type/{type}). Only the owner may make a DocSpaceAdmin;
   * the owner, yourself and Terminated users cannot be changed (403). To downgrade with data reassignment use
   * {@link People.downgrade}.
   * @example await ds.people.changeType([id], 'RoomAdmin');
   */
  changeType(
    ids: string | readonly string[],
    type: AssignableType,
    options?: RequestOptions,
  ): Promise<Person[]> {
    return changePeopleType(this.#c, ids, type, options);
  }

  /**
   * Downgrades a user to User or Guest, reassigning their data to another user (the server's asynchronous
   * type-change task). By default waits for the task to finish, reporting progress.
   * @example await ds.people.downgrade(id, 'Guest', { reassignTo: adminId, onProgress: (p) => console.log(p.percentage) });
   */
  downgrade(id: string, type: 'User' | 'Guest', options: DowngradeOptions = {}): Promise<TaskProgress> {
    return downgradePerson(this.#c, id, type, options);
  }

  /**
   * Reads the progress of this user's downgrade task (GET /people/type/progress/{userid}), e.g. after
   * `downgrade(id, type, { wait: false })`. Undefined when the server has no task for the user.
   * @example const progress = await ds.people.downgradeProgress(id);
   */
  downgradeProgress(id: string, options?: RequestOptions): Promise<TaskProgress | undefined> {
    return downgradeProgress(this.#c, id, options);
  }

  /**
   * Cancels a running downgrade task of this user (PUT /people/type/terminate).
   * @example await ds.people.cancelDowngrade(id);
   */
  cancelDowngrade(id: string, options?: RequestOptions): Promise<TaskProgress | undefined> {
    return cancelDowngrade(this.#c, id, options);
  }

  /**
   * Invites people by e-mail (POST /people/invite). Returns the invited users in short form.
   * @example await ds.people.invite([{ email: 'ann@example.com', type: 'Guest' }], { culture: 'en-US' });
   */
  invite(invitations: Invitation | readonly Invitation[], options?: InviteOptions): Promise<PersonSummary[]> {
    return invitePeople(this.#c, invitations, options);
  }

  /**
   * Sends the invitation e-mails again (PUT /people/invite). Never resent automatically after a connection
   * failure: it sends e-mails, and the server allows 5 of these calls per 15 minutes.
   * @example await ds.people.resendInvites(pendingIds);
   */
  resendInvites(ids: string | readonly string[], options?: RequestOptions): Promise<Person[]> {
    return resendInvites(this.#c, ids, options);
  }

  /**
   * Sets a user's language and formats (PUT /people/{id}/culture).
   * @example await ds.people.setCulture(me.id, 'de-DE');
   */
  setCulture(id: string, cultureName: string, options?: RequestOptions): Promise<Person> {
    return setPersonCulture(this.#c, id, cultureName, options);
  }
}
