/**
 * Manage users: create, get, terminate and delete a user.
 * The vendor tutorial "Manage users" on the SDK. What it gets right: a user must be terminated before it can be
 * deleted. What changes: the SDK sends `Authorization: Bearer <key>` (some tutorials omit `Bearer`, which fails
 * for `sk-` keys) and throws typed errors instead of printing status codes.
 *
 * Run: `pnpm --filter @docspace-people/examples exec tsx src/manage-users.ts`
 */
import { type Example, isMain, lookUpDeleted, runAsProgram, uniqueEmail } from './support/index.js';

export const manageUsers: Example = {
  name: 'manage-users',
  title: 'create, get, terminate and delete a user, then look them up (tutorial "Manage users")',
  async run({ ds, mode, step, mockAnswer }) {
    const email = uniqueEmail('john.doe');
    const created = await step(
      `Create John Doe <${email}> (POST /people)`,
      () => ds.people.create({ firstName: 'John', lastName: 'Doe', email, type: 'User' }),
      (person) =>
        `created ${person.displayName} (${person.id}), type ${person.type}, status ${person.status}`,
    );
    let deleted = false;
    try {
      await step(
        'Get the user by id (GET /people/{id})',
        () => ds.people.get(created.id),
        (person) => [
          `${person.displayName} <${person.email}>, ${person.type}, ${person.status}`,
          `registered ${person.registrationDate?.toISOString() ?? 'unknown'}`,
        ],
      );
      await step(
        'Terminate the user: they can no longer sign in, their data stays (PUT /people/status/Terminated)',
        () => ds.people.terminate(created.id),
        (people) => people.filter((p) => p.id === created.id).map((p) => `${p.displayName}: ${p.status}`),
      );
      await step(
        'Delete the user for good: DocSpace deletes only Terminated users (DELETE /people/{id})',
        () => ds.people.delete(created.id),
        (people) => people.map((person) => `deleted ${person.displayName} (${person.id})`),
      );
      deleted = true;
      await step(
        'Look the user up again: they are gone (GET /people/{id})',
        () => lookUpDeleted(ds, created.id, mockAnswer({ code: 404 })),
        (outcome) => outcome,
      );
    } finally {
      if (!deleted && mode === 'portal')
        await ds.people.delete(created.id, { terminateFirst: true }).catch(() => {});
    }
  },
};

if (isMain(import.meta.url)) await runAsProgram(manageUsers);
