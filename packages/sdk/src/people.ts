import type { AssignableType } from './enums.js';
import { PermissionDeniedError, ValidationError } from './errors.js';
import type { RequestOptions } from './options.js';
import { filterQuery, type PeopleFilter } from './people-filter.js';
import { type Contact, type Person, type PersonSummary, toPerson, toPersonSummary } from './person.js';
import { PersonList } from './person-list.js';
import type { Call, Transport } from './transport.js';
import { cancelTypeChange, type DowngradeOptions, runDowngrade, type TaskProgress } from './type-change.js';
import {
  culture,
  email,
  guid,
  guidList,
  oneOf,
  optionalBoolean,
  optionalText,
  refuseKeys,
  requiredText,
  userSegment,
} from './validate.js';

const PEOPLE = '/api/2.0/people';
const TYPES = ['DocSpaceAdmin', 'RoomAdmin', 'User', 'Guest'] as const;

/** A new user for {@link People.create}. */
export interface CreatePersonInput {
  /** E-mail address (required by the server). */
  email: string;
  /** First name, up to 255 characters. */
  firstName?: string | undefined;
  /** Last name, up to 255 characters. */
  lastName?: string | undefined;
  /**
   * Type of the new user. The server refuses `Guest` without an invitation link, `RoomAdmin` unless the caller is
   * a DocSpace admin, `DocSpaceAdmin` unless the caller is the owner. Omitted: the server's default (RoomAdmin).
   */
  type?: AssignableType | undefined;
  /** Initial password. */
  password?: string | undefined;
  /** Ids (GUIDs) of the groups to add the user to. */
  department?: string[] | undefined;
  /** Location. */
  location?: string | undefined;
  /** Comment (notes). */
  comment?: string | undefined;
  /** Contacts. */
  contacts?: Contact[] | undefined;
  /** Avatar image URL. */
  files?: string | undefined;
  /** Culture code, e.g. `en-US`. */
  cultureName?: string | undefined;
  /** Whether tips and offers may be sent to the user. */
  spam?: boolean | undefined;
}

/**
 * Changes for {@link People.update}. DocSpace applies names, contacts, location and files only when you edit
 * yourself; an admin editing someone else can change `disable` and `isUser` only. There is no type or role field:
 * use {@link People.changeType}.
 */
export interface UpdatePersonInput {
  /** First name, up to 255 characters. */
  firstName?: string | undefined;
  /** Last name, up to 255 characters. */
  lastName?: string | undefined;
  /** E-mail address. */
  email?: string | undefined;
  /** Location. */
  location?: string | undefined;
  /** Comment (notes). */
  comment?: string | undefined;
  /** Contacts (replace the current list). */
  contacts?: Contact[] | undefined;
  /** Group ids (GUIDs). */
  department?: string[] | undefined;
  /** Avatar image URL. */
  files?: string | undefined;
  /** Whether tips and offers may be sent to the user. */
  spam?: boolean | undefined;
  /** Disable (true) or enable (false) the user. */
  disable?: boolean | undefined;
  /** `true` makes the user a Guest. */
  isUser?: boolean | undefined;
}

/** One invitation for {@link People.invite}. */
export interface Invitation {
  /** E-mail address to invite. */
  email: string;
  /** Type the invited user gets. Default `User`. */
  type?: AssignableType | undefined;
}

/** Options of {@link People.invite}. */
export interface InviteOptions extends RequestOptions {
  /** Language of the invitation e-mails, e.g. `en-US`. */
  culture?: string | undefined;
}

/** Options of {@link People.delete}. */
export interface DeleteOptions extends RequestOptions {
  /** Terminate the users first (DocSpace deletes only Terminated users). Default false. */
  terminateFirst?: boolean | undefined;
}

/** People: create, read, list, update, terminate, delete, change type, invite. Available as `ds.people`. */
export class People {
  readonly #t: Transport;

  /** @internal Use `new DocSpace(...).people`. */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Creates a user (POST /people; the server answers 200 with the new profile).
   * @example const person = await ds.people.create({ email: 'john@example.com', firstName: 'John', lastName: 'Doe' });
   */
  async create(input: CreatePersonInput, options?: RequestOptions): Promise<Person> {
    const body = checkProfile(input, 'input', true);
    if (input.type !== undefined) body.type = oneOf(input.type, TYPES, 'input.type');
    if (input.password !== undefined) body.password = requiredText(input.password, 'input.password');
    if (input.cultureName !== undefined) body.cultureName = culture(input.cultureName, 'input.cultureName');
    return toPerson(await this.#response({ method: 'POST', path: PEOPLE, body }, options));
  }

  /**
   * Gets a user by id (GUID) or user name.
   * @example const person = await ds.people.get('6f1c...');
   */
  async get(idOrUserName: string, options?: RequestOptions): Promise<Person> {
    const path = `${PEOPLE}/${userSegment(idOrUserName, 'idOrUserName')}`;
    return toPerson(await this.#response({ method: 'GET', path }, options));
  }

  /**
   * Gets the profile of the authenticated user.
   * @example const me = await ds.people.me();
   */
  async me(options?: RequestOptions): Promise<Person> {
    return toPerson(await this.#response({ method: 'GET', path: `${PEOPLE}/@self` }, options));
  }

  /**
   * Gets a user by e-mail; throws {@link NotFoundError} when there is none.
   * @example const person = await ds.people.getByEmail('john@example.com');
   */
  async getByEmail(address: string, options?: RequestOptions): Promise<Person> {
    const query = `?email=${encodeURIComponent(email(address))}`;
    return toPerson(await this.#response({ method: 'GET', path: `${PEOPLE}/email`, query }, options));
  }

  /**
   * Tells whether a user with this e-mail exists.
   * @example if (!(await ds.people.exists('john@example.com'))) await ds.people.create({ email: 'john@example.com' });
   */
  async exists(address: string, options?: RequestOptions): Promise<boolean> {
    const query = `?email=${encodeURIComponent(email(address))}`;
    const result = await this.#response({ method: 'GET', path: `${PEOPLE}/exists`, query }, options);
    // v3.7 answers { exists, status }; older servers answered a bare boolean.
    return (
      result === true ||
      (result !== null && typeof result === 'object' && (result as { exists?: unknown }).exists === true)
    );
  }

  /**
   * Updates a profile (PUT /people/{id}). See {@link UpdatePersonInput} for what the server applies.
   * @example await ds.people.update(me.id, { location: 'Riga' });
   */
  async update(id: string, patch: UpdatePersonInput, options?: RequestOptions): Promise<Person> {
    const path = `${PEOPLE}/${userSegment(id)}`;
    if (patch === null || typeof patch !== 'object')
      throw new ValidationError('patch', 'object', 'must be an object');
    refuseKeys(
      patch,
      {
        role: 'DocSpace ignores a role field: use people.changeType(ids, type) or people.downgrade(id, type)',
        type: 'the update endpoint has no type field: use people.changeType(ids, type) or people.downgrade(id, type)',
      },
      'patch',
    );
    const body = checkProfile(patch, 'patch', false);
    optionalBoolean(patch.disable, 'patch.disable');
    optionalBoolean(patch.isUser, 'patch.isUser');
    if (patch.disable !== undefined) body.disable = patch.disable;
    if (patch.isUser !== undefined) body.isUser = patch.isUser;
    if (Object.keys(body).length === 0)
      throw new ValidationError('patch', 'nonEmpty', 'give at least one field to change');
    return toPerson(await this.#response({ method: 'PUT', path, body }, options));
  }

  /**
   * Lists people matching a filter. Iterate the result with `for await` to get everyone (auto-pagination,
   * up to 100 per request), or call `.page()` for one page with its total.
   * @example for await (const person of ds.people.list({ status: 'Active', type: 'Guest' })) console.log(person.email);
   * @example const { items, total } = await ds.people.list({ text: 'john' }).page({ count: 20 });
   */
  list(filter: PeopleFilter = {}, options?: RequestOptions): PersonList {
    const { query, pageSize } = filterQuery(filter);
    return new PersonList(this.#t, query, pageSize, options);
  }

  /**
   * Searches people by name or e-mail (GET /people/search). The server returns the short form
   * ({@link PersonSummary}); for full profiles with filters use {@link People.list} with `text`.
   * @example const found = await ds.people.search('john');
   */
  async search(query: string, options?: RequestOptions): Promise<PersonSummary[]> {
    const text = requiredText(query, 'query', 255);
    const q = `?query=${encodeURIComponent(text)}`;
    return toSummaries(await this.#response({ method: 'GET', path: `${PEOPLE}/search`, query: q }, options));
  }

  /**
   * Terminates (disables) users; they keep their data and can be reactivated or deleted.
   * @example await ds.people.terminate([id1, id2]);
   */
  async terminate(ids: string | readonly string[], options?: RequestOptions): Promise<Person[]> {
    return this.#setStatus('Terminated', ids, options);
  }

  /**
   * Reactivates terminated users.
   * @example await ds.people.reactivate(id);
   */
  async reactivate(ids: string | readonly string[], options?: RequestOptions): Promise<Person[]> {
    return this.#setStatus('Active', ids, options);
  }

  /**
   * Deletes users for good. DocSpace deletes only Terminated users: terminate them first, or pass
   * `{ terminateFirst: true }`. One id uses DELETE /people/{id}; several use the bulk PUT /people/delete.
   * @example await ds.people.delete(id, { terminateFirst: true });
   */
  async delete(ids: string | readonly string[], options?: DeleteOptions): Promise<Person[]> {
    const list = guidList(ids);
    if (options?.terminateFirst) await this.terminate(list, options);
    try {
      if (list.length === 1) {
        return [toPerson(await this.#response({ method: 'DELETE', path: `${PEOPLE}/${list[0]}` }, options))];
      }
      return toPeople(
        await this.#response({ method: 'PUT', path: `${PEOPLE}/delete`, body: { userIds: list } }, options),
      );
    } catch (error) {
      if (error instanceof PermissionDeniedError && !options?.terminateFirst) {
        throw new PermissionDeniedError(
          error,
          `${error.message}. DocSpace deletes only Terminated users: terminate them first (people.terminate(ids)) or call people.delete(ids, { terminateFirst: true })`,
        );
      }
      throw error;
    }
  }

  /**
   * Changes users' type with the real endpoint (PUT /people/type/{type}). Only the owner may make a DocSpaceAdmin;
   * the owner, yourself and Terminated users cannot be changed (403). To downgrade with data reassignment use
   * {@link People.downgrade}.
   * @example await ds.people.changeType([id], 'RoomAdmin');
   */
  async changeType(
    ids: string | readonly string[],
    type: AssignableType,
    options?: RequestOptions,
  ): Promise<Person[]> {
    const list = guidList(ids);
    const name = oneOf(type, TYPES, 'type');
    return toPeople(
      await this.#response(
        { method: 'PUT', path: `${PEOPLE}/type/${name}`, body: { userIds: list } },
        options,
      ),
    );
  }

  /**
   * Downgrades a user to User or Guest, reassigning their data to another user (the server's asynchronous
   * type-change task). By default waits for the task to finish, reporting progress.
   * @example await ds.people.downgrade(id, 'Guest', { reassignTo: adminId, onProgress: (p) => console.log(p.percentage) });
   */
  async downgrade(id: string, type: 'User' | 'Guest', options: DowngradeOptions = {}): Promise<TaskProgress> {
    return runDowngrade(this.#t, id, type, options);
  }

  /**
   * Cancels a running downgrade task of this user (PUT /people/type/terminate).
   * @example await ds.people.cancelDowngrade(id);
   */
  async cancelDowngrade(id: string, options?: RequestOptions): Promise<TaskProgress> {
    return cancelTypeChange(this.#t, id, options);
  }

  /**
   * Invites people by e-mail (POST /people/invite). Returns the invited users in short form.
   * @example await ds.people.invite([{ email: 'ann@example.com', type: 'Guest' }], { culture: 'en-US' });
   */
  async invite(
    invitations: Invitation | readonly Invitation[],
    options?: InviteOptions,
  ): Promise<PersonSummary[]> {
    const list = Array.isArray(invitations) ? invitations : [invitations as Invitation];
    if (list.length === 0)
      throw new ValidationError('invitations', 'nonEmpty', 'give at least one invitation');
    const body: Record<string, unknown> = {
      invitations: list.map((invitation: Invitation, i) => {
        const field = Array.isArray(invitations) ? `invitations[${i}]` : 'invitation';
        if (invitation === null || typeof invitation !== 'object')
          throw new ValidationError(field, 'object', 'must be an object');
        return {
          email: email(invitation.email, `${field}.email`),
          type: invitation.type === undefined ? 'User' : oneOf(invitation.type, TYPES, `${field}.type`),
        };
      }),
    };
    if (options?.culture !== undefined) body.culture = culture(options.culture, 'options.culture');
    return toSummaries(await this.#response({ method: 'POST', path: `${PEOPLE}/invite`, body }, options));
  }

  /**
   * Sends the invitation e-mails again (PUT /people/invite). Never resent automatically after a connection
   * failure: it sends e-mails, and the server allows 5 of these calls per 15 minutes.
   * @example await ds.people.resendInvites(pendingIds);
   */
  async resendInvites(ids: string | readonly string[], options?: RequestOptions): Promise<Person[]> {
    const body = { userIds: guidList(ids), resendAll: false };
    return toPeople(
      await this.#response({ method: 'PUT', path: `${PEOPLE}/invite`, body, idempotent: false }, options),
    );
  }

  /**
   * Sets a user's language and formats (PUT /people/{id}/culture).
   * @example await ds.people.setCulture(me.id, 'de-DE');
   */
  async setCulture(id: string, cultureName: string, options?: RequestOptions): Promise<Person> {
    const path = `${PEOPLE}/${userSegment(id)}/culture`;
    const body = { cultureName: culture(cultureName, 'culture') };
    return toPerson(await this.#response({ method: 'PUT', path, body }, options));
  }

  async #setStatus(
    status: 'Active' | 'Terminated',
    ids: string | readonly string[],
    options?: RequestOptions,
  ): Promise<Person[]> {
    const body = { userIds: guidList(ids), resendAll: false };
    return toPeople(
      await this.#response({ method: 'PUT', path: `${PEOPLE}/status/${status}`, body }, options),
    );
  }

  #response(call: Call, options: RequestOptions | undefined): Promise<unknown> {
    return this.#t.call(call, options).then(unwrap);
  }
}

/** The envelope's `response`, or the body itself when the server sent no envelope. */
function unwrap(body: unknown): unknown {
  return body !== null && typeof body === 'object' && 'response' in body ? body.response : body;
}

function toSummaries(value: unknown): PersonSummary[] {
  return Array.isArray(value) ? value.map(toPersonSummary) : [];
}

function toPeople(value: unknown): Person[] {
  return Array.isArray(value) ? value.map(toPerson) : [];
}

/** Checks the fields shared by create and update and copies the known ones (unknown keys are dropped). */
function checkProfile(
  input: CreatePersonInput | UpdatePersonInput,
  prefix: string,
  requireEmail: boolean,
): Record<string, unknown> {
  if (input === null || typeof input !== 'object')
    throw new ValidationError(prefix, 'object', 'must be an object');
  const body: Record<string, unknown> = {};
  if (requireEmail || input.email !== undefined) body.email = email(input.email, `${prefix}.email`);
  for (const key of ['firstName', 'lastName'] as const) {
    if (input[key] !== undefined) body[key] = requiredText(input[key], `${prefix}.${key}`, 255);
  }
  for (const key of ['location', 'comment'] as const) {
    if (input[key] !== undefined) {
      optionalText(input[key], `${prefix}.${key}`, 1000);
      body[key] = input[key];
    }
  }
  if (input.files !== undefined) {
    optionalText(input.files, `${prefix}.files`, 2048);
    body.files = input.files;
  }
  if (input.department !== undefined) {
    if (!Array.isArray(input.department))
      throw new ValidationError(`${prefix}.department`, 'array', 'must be an array of GUIDs');
    body.department = input.department.map((id, i) => guid(id, `${prefix}.department[${i}]`));
  }
  if (input.contacts !== undefined) {
    if (!Array.isArray(input.contacts))
      throw new ValidationError(`${prefix}.contacts`, 'array', 'must be an array');
    body.contacts = input.contacts.map((contact, i) => ({
      type: requiredText(contact?.type, `${prefix}.contacts[${i}].type`, 255),
      value: requiredText(contact?.value, `${prefix}.contacts[${i}].value`, 255),
    }));
  }
  if (input.spam !== undefined) {
    optionalBoolean(input.spam, `${prefix}.spam`);
    body.spam = input.spam;
  }
  return body;
}
