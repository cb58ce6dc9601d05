import type { DocSpace } from '@docspace-people/sdk';
import { retrying } from '../retry.js';
import type { PlanItem } from './model.js';
import { everyone, groupMembers, groupsOf, listGroups, type PortalPerson } from './portal.js';

/**
 * The portal as one step of apply sees it, read once at the start of the step: the people its items name (by id
 * and e-mail), with their groups, and the groups by name. Reading the portal page by page (100 people per request)
 * instead of once per item keeps apply within the server's 1,500 requests a minute. Memberships are read as plan
 * reads them: from each person's profile (Terminated members included), and only when a profile does not list its
 * groups, from the group's member list (Active and Pending members), or for a Terminated person from their own
 * groups (GET /group/user/{id}), since member lists hide them.
 */
export interface PhaseView {
  /** People named by the step's items, by id (lower case). */
  people: Map<string, PortalPerson>;
  /** The same people by e-mail (lower case). */
  emails: Map<string, PortalPerson>;
  /** Member ids of groups the step's items touch, by group id: read only for people whose profile has no groups. */
  members: Map<string, Set<string>>;
  /** Group ids of Terminated people whose profile has no groups, by person id. */
  groupsOf: Map<string, string[]>;
  /** Group ids by name (the first group of a name). */
  groups: Map<string, string>;
}

/** Reads what the items of one step need (see {@link PhaseView}). */
export async function readPhaseView(
  ds: DocSpace,
  items: readonly PlanItem[],
  groupIds: ReadonlyMap<string, string>,
): Promise<PhaseView> {
  const view: PhaseView = {
    people: new Map(),
    emails: new Map(),
    members: new Map(),
    groupsOf: new Map(),
    groups: new Map(),
  };
  const ids = new Set(items.map((i) => (i.id ?? '').toLowerCase()).filter((id) => id !== ''));
  const emails = new Set(items.map((i) => i.email.toLowerCase()).filter((e) => e !== ''));
  if (ids.size > 0 || emails.size > 0) {
    await retrying(async () => {
      view.people.clear();
      view.emails.clear();
      for await (const person of everyone(ds)) {
        const email = person.email.toLowerCase();
        if (!ids.has(person.id) && !emails.has(email)) continue;
        view.people.set(person.id, person);
        view.emails.set(email, person);
      }
    });
  }
  if (items.some((i) => i.action === 'create-group')) {
    for (const group of await retrying(() => listGroups(ds))) {
      if (!view.groups.has(group.name)) view.groups.set(group.name, group.id);
    }
  }
  for (const item of items) {
    if (item.action !== 'add-to-group' && item.action !== 'remove-from-group') continue;
    const id = groupIds.get(item.group);
    const personId = (item.id ?? '').toLowerCase();
    const person = view.people.get(personId);
    if (id === undefined || person === undefined || person.groups !== undefined) continue;
    if (person.status === 'Terminated') {
      if (!view.groupsOf.has(personId))
        view.groupsOf.set(personId, await retrying(() => groupsOf(ds, personId)));
    } else if (!view.members.has(id))
      view.members.set(id, new Set(await retrying(() => groupMembers(ds, id))));
  }
  return view;
}

/** Whether the person (id, lower case) is a member of the group (id), as the step read it. */
export function isMember(view: PhaseView, personId: string, groupId: string): boolean {
  const own = view.people.get(personId)?.groups ?? view.groupsOf.get(personId);
  if (own !== undefined) return own.includes(groupId);
  return view.members.get(groupId)?.has(personId) ?? false;
}
