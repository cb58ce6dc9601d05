import { randomUUID } from 'node:crypto';
import type { ActivationStatusName, EmployeeStatusName, EmployeeTypeName } from './enums.js';
import type { FakeContact, FakeUser } from './user-record.js';

/** What a test gives to seed a person; everything but `email` has a default. */
export interface SeedUser {
  /** E-mail (unique). */
  email: string;
  /** First name. Default: from the e-mail's local part. */
  firstName?: string;
  /** Last name. Default: `Test`. */
  lastName?: string;
  /** User type. Default `User`. */
  type?: EmployeeTypeName;
  /** Makes this person the owner (type DocSpaceAdmin). Default false. */
  isOwner?: boolean;
  /** Status. Default `Active`. */
  status?: EmployeeStatusName;
  /** Activation status. Default `Activated`. */
  activationStatus?: ActivationStatusName;
  /** Password for Basic authentication. */
  password?: string;
  /** GUID id. Default: a random one. */
  id?: string;
  /** User name. Default: from the e-mail, made unique. */
  userName?: string;
  /** Registration date. Default: now. */
  registrationDate?: Date;
  /** Contacts. */
  contacts?: FakeContact[];
  /** Culture. Default `en-US`. */
  cultureName?: string;
  /** Location. */
  location?: string;
  /** A token that authenticates as this person (`Authorization: Bearer <token>`). */
  token?: string;
  /** Bytes the person's documents use. Default 0. */
  usedSpace?: number;
  /** A custom quota in bytes (-1 = no limit). Default: the portal's default quota. */
  quotaLimit?: number;
  /** Notes (the `comment` a create sends). */
  notes?: string;
  /** For a Guest: who invited them (id, user name or e-mail); the guest is then in that person's relations. */
  invitedBy?: string;
}

/** Thrown by {@link UserStore.add} when the e-mail is taken. */
export class DuplicateEmailError extends Error {
  override readonly name = 'DuplicateEmailError';
}

/** The fake portal's people, indexed by id, e-mail and user name. */
export class UserStore {
  private readonly byId = new Map<string, FakeUser>();
  private readonly byEmail = new Map<string, FakeUser>();
  private readonly byUserName = new Map<string, FakeUser>();

  /** Every person, in creation order. */
  all(): FakeUser[] {
    return [...this.byId.values()];
  }

  /** Number of people. */
  get size(): number {
    return this.byId.size;
  }

  /** Finds a person by GUID id or user name (as `{userid}` in paths does), case-insensitively. */
  find(idOrUserName: string): FakeUser | undefined {
    const key = idOrUserName.toLowerCase();
    return this.byId.get(key) ?? this.byUserName.get(key);
  }

  /** Finds a person by e-mail, case-insensitively. */
  findByEmail(email: string): FakeUser | undefined {
    return this.byEmail.get(email.trim().toLowerCase());
  }

  /** Adds a person; throws {@link DuplicateEmailError} when the e-mail is taken. */
  add(seed: SeedUser, createdBy?: string): FakeUser {
    const email = seed.email.trim();
    if (this.findByEmail(email)) throw new DuplicateEmailError(`The e-mail ${email} is already registered`);
    const local = email.split('@')[0] ?? email;
    const user: FakeUser = {
      id: (seed.id ?? randomUUID()).toLowerCase(),
      userName: this.uniqueUserName(seed.userName ?? local),
      email,
      firstName: seed.firstName ?? capitalize(local.split(/[._-]/)[0] ?? local),
      lastName: seed.lastName ?? 'Test',
      type: seed.isOwner ? 'DocSpaceAdmin' : (seed.type ?? 'User'),
      isOwner: seed.isOwner ?? false,
      status: seed.status ?? 'Active',
      activationStatus: seed.activationStatus ?? 'Activated',
      contacts: seed.contacts ?? [],
      cultureName: seed.cultureName ?? 'en-US',
      registrationDate: seed.registrationDate ?? new Date(),
    };
    if (seed.password !== undefined) user.password = seed.password;
    if (seed.location !== undefined) user.location = seed.location;
    if (seed.notes !== undefined) user.notes = seed.notes;
    if (seed.usedSpace !== undefined) user.usedSpace = seed.usedSpace;
    if (seed.quotaLimit !== undefined) user.quotaLimit = seed.quotaLimit;
    if (user.status === 'Terminated') user.terminatedDate = new Date();
    if (createdBy !== undefined) user.createdBy = createdBy;
    if (this.byId.has(user.id)) throw new Error(`A person with id ${user.id} already exists`);
    this.byId.set(user.id, user);
    this.byEmail.set(email.toLowerCase(), user);
    this.byUserName.set(user.userName.toLowerCase(), user);
    return user;
  }

  /** Changes a person's e-mail (the caller checks that it is free). */
  changeEmail(user: FakeUser, email: string): void {
    this.byEmail.delete(user.email.toLowerCase());
    user.email = email;
    this.byEmail.set(email.toLowerCase(), user);
  }

  /** Removes a person. */
  remove(user: FakeUser): void {
    this.byId.delete(user.id);
    this.byEmail.delete(user.email.toLowerCase());
    this.byUserName.delete(user.userName.toLowerCase());
  }

  /** Removes everyone. */
  clear(): void {
    this.byId.clear();
    this.byEmail.clear();
    this.byUserName.clear();
  }

  private uniqueUserName(wanted: string): string {
    let name = wanted;
    for (let n = 1; this.byUserName.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
    return name;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A deep copy of a person (without the password), so tests cannot change the fake's state by accident. */
export function snapshot(user: FakeUser): FakeUser {
  const copy = structuredClone(user);
  delete copy.password;
  return copy;
}
