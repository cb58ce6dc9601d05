import type { EmployeeTypeName } from './enums.js';

/** A group of the portal as the fake keeps it. Snapshots given to tests are copies. */
export interface FakeGroup {
  /** GUID id. */
  id: string;
  /** Name (not unique; may be empty). */
  name: string;
  /** The manager's id; always one of `memberIds`. */
  managerId?: string;
  /** Member ids in the order they were added (Terminated members are kept but hidden in answers). */
  memberIds: string[];
  /** True for a group that came from LDAP (the API may still edit it, as the server allows). */
  isLDAP: boolean;
}

/** What a test gives to seed a group with `portal.addGroup`. */
export interface SeedGroup {
  /** Name. */
  name: string;
  /** GUID id. Default: a random one. */
  id?: string;
  /** The manager (id, user name or e-mail); made a member. */
  manager?: string;
  /** Members (ids, user names or e-mails). */
  members?: string[];
  /** Marks the group as coming from LDAP. Default false. */
  isLDAP?: boolean;
}

/** The all-zero GUID (`category` and `parent` of the portal's own groups). */
export const emptyGuid = '00000000-0000-0000-0000-000000000000';

/** The category of the system groups. */
export const systemGroupCategory = '7717039d-fbe9-45ad-81c1-68a1aa10ce1f';

/**
 * The system groups: they answer GET /group/{id} (isSystem true) but are never listed; their members are derived
 * from user types (Everyone = every person).
 */
export const systemGroups: Record<string, { name: string; type?: EmployeeTypeName }> = {
  'c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e': { name: 'Everyone' },
  'cd84e66b-b803-40fc-99f9-b2969a54a1de': { name: 'DocSpaceAdmin', type: 'DocSpaceAdmin' },
  'abef62db-11a8-4673-9d32-ef1d8af19dc0': { name: 'RoomAdmin', type: 'RoomAdmin' },
  '88f11e7c-7407-4bea-b4cb-070010cdbb6b': { name: 'User', type: 'User' },
  'aced04fa-dd96-4b35-af3e-346bf1eb972d': { name: 'Guest', type: 'Guest' },
};

/** The system group ids by name, for tests: `systemGroupIds.RoomAdmin`. */
export const systemGroupIds = {
  Everyone: 'c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e',
  DocSpaceAdmin: 'cd84e66b-b803-40fc-99f9-b2969a54a1de',
  RoomAdmin: 'abef62db-11a8-4673-9d32-ef1d8af19dc0',
  User: '88f11e7c-7407-4bea-b4cb-070010cdbb6b',
  Guest: 'aced04fa-dd96-4b35-af3e-346bf1eb972d',
} as const;

/** What a room, folder or file is, for the fake: enough to show who owns it and which groups share it. */
export interface FakeRoom {
  /** Numeric id (the portal's own storage). */
  id: number;
  /** `room` (default), `folder` or `file`: which sharing lookup finds it. */
  kind: 'room' | 'folder' | 'file';
  /** Title. */
  title: string;
  /** The owner's id (the creator; reassignment and removal change it). */
  ownerId: string;
  /** Ids of the groups that have access. */
  sharedWithGroups: string[];
}

/** What a test gives to seed a room (or folder or file) with `portal.addRoom`. */
export interface SeedRoom {
  /** Title. */
  title: string;
  /** The owner (id, user name or e-mail). */
  owner: string;
  /** `room` (default), `folder` or `file`. */
  kind?: FakeRoom['kind'];
  /** Groups (ids) that have access to it. */
  sharedWithGroups?: string[];
}
