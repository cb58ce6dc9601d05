import type { DocSpace, Person } from '@docspace-people/sdk';
import { MARKER } from './model.js';

// The portal as plan and apply see it, through the SDK facade (ds.people, ds.groups), in the small forms plan
// and apply keep in memory.

/** What plan and apply need of a person: small, so 10,000 of them take little memory. */
export interface PortalPerson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  type: string;
  status: 'Active' | 'Terminated' | 'Pending';
  /** ISO 8601, for Terminated people. */
  terminated: string | undefined;
  isOwner: boolean;
  /** Created by this tool (its mark is in the notes). */
  marked: boolean;
  /** Custom quota in bytes (-1 = none), or undefined when the portal does not show quotas. */
  quota: number | undefined;
  /**
   * The ids (lower case) of the portal groups the person is in, Terminated people included, as the profile lists
   * them; undefined when the profile does not say (see {@link groupIdsOf}).
   */
  groups: string[] | undefined;
}

/** The compact form of an SDK person. */
export function compact(person: Person): PortalPerson {
  const status = person.status === 'Terminated' || person.status === 'Pending' ? person.status : 'Active';
  return {
    id: person.id.toLowerCase(),
    email: person.email ?? '',
    firstName: person.firstName ?? '',
    lastName: person.lastName ?? '',
    type: person.type,
    status,
    terminated: person.terminated?.toISOString(),
    isOwner: person.isOwner,
    marked: (person.notes ?? '').includes(MARKER),
    quota: person.quotaLimit,
    groups: groupIdsOf(person),
  };
}

/**
 * The ids (lower case) of a person's groups as their profile lists them, or undefined when it does not say. The
 * server (EmployeeFullDtoHelper.FillGroupsAsync, ONLYOFFICE/DocSpace-server v3.7.2 ed2994e74f,
 * common/ASC.Api.Core/Model/EmployeeFullDto.cs) lists every portal group of the person, Terminated people
 * included, in `groups`, and sets `department` to their names, or to "" when there are none, leaving `groups` out
 * (null fields are not sent). When it does not fill groups (a User viewing someone else) both are missing: then the
 * memberships are unknown, never "none".
 */
export function groupIdsOf(person: Person): string[] | undefined {
  if (Array.isArray(person.raw.groups)) return person.groups.map((g) => g.id.toLowerCase());
  return typeof person.raw.department === 'string' ? [] : undefined;
}

/**
 * Every person of the portal, page by page, in the small form: first everyone the unfiltered list gives except
 * Terminated people, then the Terminated people asked for by status (so they are read whether or not the server's
 * unfiltered list includes them, and never twice). Nothing is kept between pages.
 */
export async function* everyone(ds: DocSpace): AsyncGenerator<PortalPerson> {
  for await (const found of ds.people.list()) {
    if (found.status !== 'Terminated') yield compact(found);
  }
  for await (const found of ds.people.list({ status: 'Terminated' })) yield compact(found);
}

/** A portal group: id and name. */
export interface PortalGroup {
  id: string;
  name: string;
}

/** Every group of the portal (its own groups, never the system ones), page by page. */
export async function listGroups(ds: DocSpace): Promise<PortalGroup[]> {
  const groups: PortalGroup[] = [];
  for await (const group of ds.groups.list()) groups.push({ id: group.id.toLowerCase(), name: group.name });
  return groups;
}

const ids = (people: readonly { id: string }[] | undefined) => (people ?? []).map((p) => p.id.toLowerCase());

/** The Active and Pending members (ids, lower case) of a group. */
export async function groupMembers(ds: DocSpace, groupId: string): Promise<string[]> {
  return ids((await ds.groups.get(groupId)).members);
}

/** The groups (ids, lower case) a person belongs to. */
export async function groupsOf(ds: DocSpace, userId: string): Promise<string[]> {
  return ids(await ds.groups.ofPerson(userId));
}

/** Creates a group; returns its id. */
export async function createGroup(ds: DocSpace, name: string): Promise<string> {
  return (await ds.groups.create({ name })).id.toLowerCase();
}

/** Adds (`add`) or removes people; returns the group's members after the change. */
export async function changeMembers(
  ds: DocSpace,
  groupId: string,
  userIds: string[],
  add: boolean,
): Promise<string[]> {
  const group = add
    ? await ds.groups.addMembers(groupId, userIds)
    : await ds.groups.removeMembers(groupId, userIds);
  return ids(group.members);
}

/** Sets a per-user quota (bytes, -1 = no limit); returns the quota the server reports after it. */
export async function setQuota(ds: DocSpace, userId: string, bytes: number): Promise<number | undefined> {
  const people = await ds.people.setQuota(userId, bytes < 0 ? 'unlimited' : bytes);
  return people.find((p) => p.id.toLowerCase() === userId)?.quotaLimit;
}
