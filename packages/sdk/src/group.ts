import type { components } from '@docspace-people/client';
import { missing, requiredString } from './decode.js';
import { type Person, toPerson } from './person.js';

/** A DocSpace group, as the SDK returns it ({@link groupsGet}, `ds.groups.*`). */
export interface Group {
  /** Group id (GUID). */
  id: string;
  /** Name. Names are not unique. */
  name: string;
  /** The manager (always a member), or `undefined` when the group has none. */
  manager: Person | undefined;
  /**
   * The Active and Pending members (Terminated members are hidden by the server), or `undefined` when they were
   * not asked for (`groupsList` never has them; `groupsGet(id, { members: false })` leaves them out).
   */
  members: Person[] | undefined;
  /** How many Active and Pending members the group has. */
  membersCount: number;
  /** The group comes from LDAP (the API may still change it; a later LDAP sync may undo that). */
  isLDAP: boolean;
  /**
   * One of the system groups (Everyone, DocSpaceAdmin, RoomAdmin, User, Guest). The SDK refuses writes to them:
   * a membership change there silently changes people's types.
   */
  isSystem: boolean;
  /** The server's object exactly as received. */
  raw: Record<string, unknown>;
}

/**
 * The result of a membership change: the group after the change, and the ids the server skipped without saying so
 * (people who do not exist, are Terminated or are Guests never become members).
 */
export interface GroupChange extends Group {
  /** Ids that were given but are not members (or, for `setManager`, not the manager) after the change. */
  notApplied: string[];
}

type GroupDto = components['schemas']['GroupDto'];

/** Turns the server's GroupDto into a {@link Group}; a missing id, name or membersCount is an error. */
export function toGroup(dto: GroupDto): Group {
  return {
    id: requiredString(dto.id, 'id'),
    name: requiredString(dto.name, 'name'),
    manager: dto.manager ? toPerson(dto.manager) : undefined,
    members: dto.members ? dto.members.map(toPerson) : undefined,
    membersCount: typeof dto.membersCount === 'number' ? dto.membersCount : missing('membersCount'),
    isLDAP: dto.isLDAP === true,
    isSystem: dto.isSystem === true,
    raw: dto,
  };
}

/**
 * @internal A {@link GroupChange}: the `wanted` ids for which `applied(group, id)` is false are reported as not
 * applied.
 */
export function groupChange(
  group: Group,
  wanted: readonly string[],
  applied: (group: Group, id: string) => boolean,
): GroupChange {
  return { ...group, notApplied: wanted.filter((id) => !applied(group, id)) };
}

/** @internal Whether the user (GUID, any letter case) is among the group's returned members. */
export function isMember(group: Group, id: string): boolean {
  const key = id.toLowerCase();
  return (group.members ?? []).some((member) => member.id.toLowerCase() === key);
}
