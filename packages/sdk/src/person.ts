import type { components } from '@docspace-people/client';
import { missing, requiredString } from './decode.js';
import {
  type ActivationStatus,
  activationName,
  type PersonStatus,
  type PersonType,
  statusName,
} from './enums.js';

/** A contact entry of a person (`{ type: 'mail', value: 'john@example.com' }`). */
export interface Contact {
  /** Contact kind as the server names it (`mail`, `phone`, `skype`, ...). */
  type: string;
  /** The contact value. */
  value: string;
}

/** A group a person belongs to. */
export interface GroupSummary {
  /** Group id (GUID). */
  id: string;
  /** Group name (`undefined` when the server sent none). */
  name: string | undefined;
  /** Group manager, if the server sent it. */
  manager?: string;
}

/** Avatar URLs (relative to the portal, as the server sends them). */
export interface AvatarUrls {
  /** Original upload. */
  original?: string;
  /** Largest thumbnail. */
  max?: string;
  /** Medium thumbnail. */
  medium?: string;
  /** Small thumbnail. */
  small?: string;
  /** The default-size avatar (`avatar`). */
  default?: string;
}

/**
 * The short form of a user some endpoints return (search, invite): id, name and avatar only.
 * Use {@link peopleGet} for the full {@link Person}.
 */
export interface PersonSummary {
  /** User id (GUID). */
  id: string;
  /** Display name, formatted by the server (HTML-encoded by DocSpace). */
  displayName: string | undefined;
  /** Avatar URLs. */
  avatar: AvatarUrls;
  /** Whether the user has their own photo. */
  hasAvatar: boolean;
  /** Link to the profile page. */
  profileUrl: string | undefined;
  /** The server's object exactly as received. */
  raw: Record<string, unknown>;
}

/**
 * A DocSpace user, as the SDK returns it: readable `status` and `type`, dates as `Date`, and the server's
 * original object in `raw` (including fields this SDK version does not know, with dates as sent).
 */
export interface Person extends PersonSummary {
  /** Login name. */
  userName: string | undefined;
  /** E-mail address. */
  email: string | undefined;
  /** First name. */
  firstName: string | undefined;
  /** Last name. */
  lastName: string | undefined;
  /** Account status: `Active`, `Terminated`, `Pending` (invited, not yet joined). */
  status: PersonStatus;
  /** Whether the e-mail is confirmed. */
  activationStatus: ActivationStatus;
  /** Type derived from the server's flags: `Owner`, `DocSpaceAdmin`, `RoomAdmin`, `User` or `Guest`. */
  type: PersonType;
  /** The portal owner. */
  isOwner: boolean;
  /** A DocSpace admin (true for the owner too). */
  isAdmin: boolean;
  /** A room admin. */
  isRoomAdmin: boolean;
  /** A user (formerly "collaborator"). */
  isCollaborator: boolean;
  /** A guest (formerly "visitor"). */
  isVisitor: boolean;
  /** When the account was created. */
  registrationDate: Date | undefined;
  /** When the account was terminated (only for Terminated users). */
  terminated: Date | undefined;
  /** Department name(s), as text. */
  department: string | undefined;
  /** Groups the user belongs to. */
  groups: GroupSummary[];
  /** Contacts. */
  contacts: Contact[];
  /** Location. */
  location: string | undefined;
  /** Notes. */
  notes: string | undefined;
  /** Culture code, e.g. `en-US`. */
  cultureName: string | undefined;
  /** Mobile phone. */
  mobilePhone: string | undefined;
  /**
   * Storage quota in bytes (-1 = unlimited): the user's own value or the portal default. The server sends it only
   * when per-user quotas are enabled and you are an admin or this user; otherwise `undefined`.
   */
  quotaLimit: number | undefined;
  /** Whether the user has a quota of their own (not the portal default); `undefined` when the server did not say. */
  isCustomQuota: boolean | undefined;
  /** Used storage in bytes, when the server sends it (to admins and the user himself, on plans with statistics). */
  usedSpace: number | undefined;
}

type EmployeeDto = components['schemas']['EmployeeDto'];
type EmployeeFullDto = components['schemas']['EmployeeFullDto'];
type GroupSummaryDto = components['schemas']['GroupSummaryDto'];
type ContactDto = components['schemas']['Contact'];

/**
 * Derives the readable type from the server's flags. A user with every flag false is a RoomAdmin (older servers
 * had no `isRoomAdmin`); a profile without any of the flags is an error (nothing is guessed).
 */
export function personType(dto: EmployeeFullDto): PersonType {
  if (dto.isOwner === true) return 'Owner';
  if (dto.isAdmin === true) return 'DocSpaceAdmin';
  if (dto.isRoomAdmin === true) return 'RoomAdmin';
  if (dto.isVisitor === true) return 'Guest';
  if (dto.isCollaborator === true) return 'User';
  if (dto.isAdmin === undefined && dto.isVisitor === undefined && dto.isCollaborator === undefined) {
    missing('isAdmin');
  }
  return 'RoomAdmin';
}

/**
 * Parses a DocSpace date: ISO strings with up to 7 fractional digits and an offset
 * (`2025-01-01T10:00:00.0000000+03:00`), or the `{ utcTime }` object older documents describe.
 */
export function parseDate(value: unknown): Date | undefined {
  if (value === undefined || value === null) return undefined;
  let text: unknown = value;
  if (typeof value === 'object') text = (value as { utcTime?: unknown }).utcTime;
  if (typeof text !== 'string' || text === '') return undefined;
  let time = Date.parse(text);
  // Not every runtime parses more than 3 fraction digits: trim them and try again.
  if (Number.isNaN(time)) time = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(time) ? undefined : new Date(time);
}

/**
 * Turns the server's EmployeeFullDto into a {@link Person}. Unknown fields are kept in `raw`. A missing `id` or
 * `status` is an error naming the field (see decode.ts), never a default.
 */
export function toPerson(dto: EmployeeFullDto): Person {
  // One object literal with a fixed shape: cheaper than spreading the summary into it.
  return {
    id: requiredString(dto.id, 'id'),
    displayName: dto.displayName ?? undefined,
    avatar: avatarUrls(dto),
    hasAvatar: dto.hasAvatar === true,
    profileUrl: dto.profileUrl ?? undefined,
    raw: dto,
    userName: dto.userName ?? undefined,
    email: dto.email ?? undefined,
    firstName: dto.firstName ?? undefined,
    lastName: dto.lastName ?? undefined,
    status: dto.status === undefined ? missing('status') : statusName(dto.status),
    activationStatus: activationName(dto.activationStatus),
    type: personType(dto),
    isOwner: dto.isOwner === true,
    isAdmin: dto.isAdmin === true || dto.isOwner === true,
    isRoomAdmin: dto.isRoomAdmin === true,
    isCollaborator: dto.isCollaborator === true,
    isVisitor: dto.isVisitor === true,
    registrationDate: parseDate(dto.registrationDate),
    terminated: parseDate(dto.terminated),
    department: dto.department ?? undefined,
    groups: dto.groups ? dto.groups.map(toGroupSummary) : [],
    contacts: dto.contacts ? dto.contacts.map(toContact) : [],
    location: dto.location ?? undefined,
    notes: dto.notes ?? undefined,
    cultureName: dto.cultureName ?? undefined,
    mobilePhone: dto.mobilePhone ?? undefined,
    quotaLimit: dto.quotaLimit ?? undefined,
    isCustomQuota: dto.isCustomQuota ?? undefined,
    usedSpace: dto.usedSpace ?? undefined,
  };
}

/** @internal The profile of an EmployeeFullWrapper envelope. */
export function personOf(envelope: { response: EmployeeFullDto }): Person {
  return toPerson(envelope.response);
}

/** @internal The profiles of an EmployeeFullArrayWrapper envelope. */
export function peopleOf(envelope: { response: EmployeeFullDto[] }): Person[] {
  return envelope.response.map(toPerson);
}

/** Turns the server's EmployeeDto (the short form) into a {@link PersonSummary}. */
export function toPersonSummary(dto: EmployeeDto): PersonSummary {
  return {
    id: requiredString(dto.id, 'id'),
    displayName: dto.displayName ?? undefined,
    avatar: avatarUrls(dto),
    hasAvatar: dto.hasAvatar === true,
    profileUrl: dto.profileUrl ?? undefined,
    raw: dto,
  };
}

/** @internal Turns a GroupSummaryDto (a person's groups, `groupsOfPerson`) into a {@link GroupSummary}. */
export function toGroupSummary(dto: GroupSummaryDto, i: number): GroupSummary {
  const group: GroupSummary = { id: requiredString(dto.id, `groups[${i}].id`), name: dto.name ?? undefined };
  if (typeof dto.manager === 'string') group.manager = dto.manager;
  return group;
}

function toContact(dto: ContactDto, i: number): Contact {
  return {
    type: requiredString(dto.type, `contacts[${i}].type`),
    value: requiredString(dto.value, `contacts[${i}].value`),
  };
}

function avatarUrls(dto: EmployeeDto): AvatarUrls {
  const avatar: AvatarUrls = {};
  if (typeof dto.avatarOriginal === 'string') avatar.original = dto.avatarOriginal;
  if (typeof dto.avatarMax === 'string') avatar.max = dto.avatarMax;
  if (typeof dto.avatarMedium === 'string') avatar.medium = dto.avatarMedium;
  if (typeof dto.avatarSmall === 'string') avatar.small = dto.avatarSmall;
  if (typeof dto.avatar === 'string') avatar.default = dto.avatar;
  return avatar;
}
