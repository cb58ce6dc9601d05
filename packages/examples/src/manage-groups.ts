/**
 * Manage groups: create a group with a manager, add, remove and move members, change the manager, list the groups a
 * user manages and belongs to, delete.
 * The vendor's group samples call the routes one by one and print status codes. What changes on the SDK: the server
 * skips people it cannot add (unknown, Terminated, Guests) without saying so: the SDK reports them (`notApplied`);
 * DELETE /group/{id} answers 204 with no body (not an envelope); writes to the system groups (Everyone, RoomAdmin,
 * ...) would change people's types, so the SDK refuses them before sending.
 *
 * Run: `pnpm --filter @docspace-people/examples exec tsx src/manage-groups.ts`
 */
import { type Group, ValidationError } from '@docspace-people/sdk';
import {
  type Example,
  isMain,
  lookUpAgain,
  runAsProgram,
  uniqueEmail,
  watchRequests,
} from './support/index.js';

/** The server's fixed id of the system group RoomAdmin. */
const ROOM_ADMIN_GROUP = 'abef62db-11a8-4673-9d32-ef1d8af19dc0';

/** A second group of the curated spec's examples: Prism answers every create with the same example group. */
const PRISM_SECOND_GROUP = '2a9f6c3e-7d14-4b8e-a5f0-9c1e3d7b2a68';

const describeGroup = (group: Group) =>
  `${group.name}: manager ${group.manager?.displayName ?? 'none'}, ${group.membersCount} member(s)` +
  (group.members?.length ? ` (${group.members.map((p) => p.displayName).join(', ')})` : '');

export const manageGroups: Example = {
  name: 'manage-groups',
  title: 'create a group, manage its members and manager, move members, find groups, delete',
  async run({ ds, mode, step, mockAnswer, fakePortal }) {
    /** `not found (404)` once a group is gone, else what the server still answers. */
    const lookUpGroup = (id: string) =>
      lookUpAgain(ds.groups.get(id, mockAnswer({ code: 404 })), describeGroup);
    const [ann, ben] = await step(
      'Create Ann Lee and Ben Moss as Users (POST /people)',
      () =>
        Promise.all([
          ds.people.create({
            firstName: 'Ann',
            lastName: 'Lee',
            email: uniqueEmail('ann.lee'),
            type: 'User',
          }),
          ds.people.create({
            firstName: 'Ben',
            lastName: 'Moss',
            email: uniqueEmail('ben.moss'),
            type: 'User',
          }),
        ]),
      (people) => people.map((person) => `created ${person.displayName} (${person.id})`),
    );
    const groups: Group[] = [];
    try {
      const sales = await step(
        'Create the group Sales with Ann as manager and Ben as member (POST /group)',
        () => ds.groups.create({ name: 'Sales', manager: ann.id, members: [ben.id] }),
        describeGroup,
      );
      groups.push(sales);
      await step(
        'Change the manager to Ben: Ann stays a member (PUT /group/{id}/manager)',
        () => ds.groups.setManager(sales.id, ben.id),
        describeGroup,
      );
      await step(
        'The groups Ben manages (GET /group?userId=...&manager=true) and Ann belongs to (GET /group/user/{id})',
        async () => ({
          managed: await ds.groups.list({ userId: ben.id, manager: true }).toArray(),
          member: await ds.groups.ofPerson(ann.id),
        }),
        ({ managed, member }) => [
          `Ben manages: ${managed.map((g) => g.name).join(', ') || 'none'}`,
          `Ann belongs to: ${member.map((g) => g.name).join(', ') || 'none'}`,
        ],
      );
      const archive = await step(
        'Create Sales archive and move every member of Sales into it (POST /group, PUT /group/{from}/members/{to})',
        async () => {
          const created = await ds.groups.create({ name: 'Sales archive' });
          groups.push(created);
          const target = mode === 'prism' ? PRISM_SECOND_GROUP : created.id;
          await ds.groups.moveMembers(sales.id, target);
          return { target: await ds.groups.get(target), source: await ds.groups.get(sales.id) };
        },
        ({ target, source }) => [`now ${describeGroup(target)}`, `left ${describeGroup(source)}`],
      );
      await step(
        'Remove Ann from Sales archive (DELETE /group/{id}/members)',
        () => ds.groups.removeMembers(archive.target.id, ann.id),
        (group) => `${describeGroup(group)}; not removed: ${group.notApplied.join(', ') || 'none'}`,
      );
      await step(
        'Add Ann to the system group RoomAdmin: the SDK reads the group (GET /group/{id}) and refuses a system group before sending the write (it would change her type)',
        async () => {
          const sent = watchRequests(
            fakePortal,
            (r) => r.method !== 'GET' && r.path.includes(ROOM_ADMIN_GROUP),
            'writes to the RoomAdmin group',
          );
          try {
            const group = await ds.groups.addMembers(ROOM_ADMIN_GROUP, ann.id);
            // Only Prism gets here: the SDK read the group first and Prism's fixed example is no system group.
            return `sent: GET /group/{id} answered a group that is not a system group; the write answered ${describeGroup(group)}`;
          } catch (error) {
            if (error instanceof ValidationError) return [`refused: ${error.message}`, ...sent()];
            throw error;
          }
        },
        (lines) => lines,
      );
      await step(
        'Delete both groups (DELETE /group/{id}, 204 with no body); look them and Ann up again',
        async () => {
          const gone: string[] = [];
          for (const group of groups.splice(0)) {
            await ds.groups.delete(group.id);
            gone.push(`${group.name}: ${await lookUpGroup(group.id)}`);
          }
          return { gone, ann: await ds.people.get(ann.id) };
        },
        ({ gone, ann: person }) => [...gone, `${person.displayName} is still ${person.status}`],
      );
    } finally {
      for (const group of groups) await ds.groups.delete(group.id).catch(() => {});
      if (mode === 'portal') {
        await ds.people.delete([ann.id, ben.id], { terminateFirst: true }).catch(() => {});
      }
    }
  },
};

if (isMain(import.meta.url)) await runAsProgram(manageGroups);
