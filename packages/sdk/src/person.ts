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
  /** Group name. */
  name: string;
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
 * Use {@link People.get} for the full {@link Person}.
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
  /** Storage quota in bytes, if any (-1 = unlimited). */
  quotaLimit: number | undefined;
  /** Used storage in bytes, if the server sent it. */
  usedSpace: number | undefined;
}

/** Derives the readable type from the server's flags. A user with no flag set is a RoomAdmin (older servers). */
export function personType(dto: Record<string, unknown>): PersonType {
  if (dto.isOwner === true) return 'Owner';
  if (dto.isAdmin === true) return 'DocSpaceAdmin';
  if (dto.isRoomAdmin === true) return 'RoomAdmin';
  if (dto.isVisitor === true) return 'Guest';
  if (dto.isCollaborator === true) return 'User';
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

/** Turns the server's EmployeeFullDto (or EmployeeDto) into a {@link Person}. Unknown fields are kept in `raw`. */
export function toPerson(value: unknown): Person {
  const dto = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  // One object literal with a fixed shape: cheaper than spreading the summary into it.
  return {
    id: typeof dto.id === 'string' ? dto.id : '',
    displayName: str(dto.displayName),
    avatar: avatarUrls(dto),
    hasAvatar: dto.hasAvatar === true,
    profileUrl: str(dto.profileUrl),
    raw: dto,
    userName: str(dto.userName),
    email: str(dto.email),
    firstName: str(dto.firstName),
    lastName: str(dto.lastName),
    status: statusName(dto.status),
    activationStatus: activationName(dto.activationStatus),
    type: personType(dto),
    isOwner: dto.isOwner === true,
    isAdmin: dto.isAdmin === true || dto.isOwner === true,
    isRoomAdmin: dto.isRoomAdmin === true,
    isCollaborator: dto.isCollaborator === true,
    isVisitor: dto.isVisitor === true,
    registrationDate: parseDate(dto.registrationDate),
    terminated: parseDate(dto.terminated),
    department: str(dto.department),
    groups: Array.isArray(dto.groups) ? (dto.groups as GroupSummary[]) : [],
    contacts: Array.isArray(dto.contacts) ? (dto.contacts as Contact[]) : [],
    location: str(dto.location),
    notes: str(dto.notes),
    cultureName: str(dto.cultureName),
    mobilePhone: str(dto.mobilePhone),
    quotaLimit: typeof dto.quotaLimit === 'number' ? dto.quotaLimit : undefined,
    usedSpace: typeof dto.usedSpace === 'number' ? dto.usedSpace : undefined,
  };
}

/** Turns the server's EmployeeDto (the short form) into a {@link PersonSummary}. */
export function toPersonSummary(value: unknown): PersonSummary {
  const dto = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return {
    id: typeof dto.id === 'string' ? dto.id : '',
    displayName: str(dto.displayName),
    avatar: avatarUrls(dto),
    hasAvatar: dto.hasAvatar === true,
    profileUrl: str(dto.profileUrl),
    raw: dto,
  };
}

function avatarUrls(dto: Record<string, unknown>): AvatarUrls {
  const avatar: AvatarUrls = {};
  if (typeof dto.avatarOriginal === 'string') avatar.original = dto.avatarOriginal;
  if (typeof dto.avatarMax === 'string') avatar.max = dto.avatarMax;
  if (typeof dto.avatarMedium === 'string') avatar.medium = dto.avatarMedium;
  if (typeof dto.avatarSmall === 'string') avatar.small = dto.avatarSmall;
  if (typeof dto.avatar === 'string') avatar.default = dto.avatar;
  return avatar;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
