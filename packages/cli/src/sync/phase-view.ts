import type { DocSpace } from '@docspace-people/sdk';
import { retrying } from './applier.js';
import type { PlanItem } from './model.js';
import { everyone, groupMembers, listGroups, type PortalPerson } from './portal.js';

/**
 * The portal as one step of apply sees it, read once at the start of the step: the people its items name (by id
 * and e-mail), the members of the groups they touch, and the groups by name. Reading the portal page by page
 * (100 people per request) instead of once per item keeps apply within the server's 1,500 requests a minute.
 */
export interface PhaseView {
  /** People named by the step's items, by id (lower case). */
  people: Map<string, PortalPerson>;
  /** The same people by e-mail (lower case). */
  emails: Map<string, PortalPerson>;
  /** Member ids of the groups the step's items touch, by group id. */
  members: Map<string, Set<string>>;
  /** Group ids by name (the first group of a name). */
  groups: Map<string, string>;
}

/** Reads what the items of one step need (see {@link PhaseView}). */
export async function readPhaseView(
  ds: DocSpace,
  items: readonly PlanItem[],
  groupIds: ReadonlyMap<string, string>,
): Promise<PhaseView> {
  const view: PhaseView = { people: new Map(), emails: new Map(), members: new Map(), groups: new Map() };
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
    if (id === undefined || view.members.has(id)) continue;
    view.members.set(id, new Set(await retrying(() => groupMembers(ds, id))));
  }
  return view;
}
