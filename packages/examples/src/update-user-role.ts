/**
 * Change a user's type ("role") the way DocSpace really does it.
 * The vendor tutorial "Update user role" sends `PUT /people/{id}` with `{"role": "Manager"}`: the server has no
 * such field, ignores it and answers 200, so nothing changes. Types change with PUT /people/type/{type}
 * (upgrades) and with the asynchronous POST /people/type task, which downgrades a user and hands their rooms and
 * files to someone else.
 *
 * Run: `pnpm --filter @docspace-people/examples exec tsx src/update-user-role.ts`
 */
import { ValidationError } from '@docspace-people/sdk';
import { type Example, isMain, runAsProgram, uniqueEmail, watchRequests } from './support/index.js';

export const updateUserRole: Example = {
  name: 'update-user-role',
  title: 'create a user, change its type, downgrade it with reassignment (tutorial "Update user role")',
  async run({ ds, mode, step, note, fakePortal, pollIntervalMs }) {
    const me = await step(
      'Who am I? (only admins change types; only the owner makes DocSpace admins)',
      () => ds.people.me(),
      (person) => `${person.displayName}, ${person.type}`,
    );
    const email = uniqueEmail('john.doe');
    const user = await step(
      `Create John Doe <${email}> as a User (POST /people)`,
      () => ds.people.create({ firstName: 'John', lastName: 'Doe', email, type: 'User' }),
      (person) => `created ${person.displayName} (${person.id}), type ${person.type}`,
    );
    try {
      await step(
        'Get the user (GET /people/{id})',
        () => ds.people.get(user.id),
        (person) => `${person.displayName}: type ${person.type}, status ${person.status}`,
      );
      await step(
        'The tutorial\'s PUT /people/{id} {"role": "Manager"} would change nothing: the SDK refuses it',
        async () => {
          const sent = watchRequests(fakePortal, 'updateMember', 'PUT /people/{id}');
          try {
            await ds.people.update(user.id, { role: 'Manager' } as never);
          } catch (error) {
            if (error instanceof ValidationError)
              return [`refused before sending: ${error.message}`, ...sent()];
            throw error;
          }
          throw new Error('expected the SDK to refuse a role field');
        },
        (lines) => lines,
      );
      await step(
        'Upgrade to RoomAdmin the real way (PUT /people/type/RoomAdmin {userIds})',
        () => ds.people.changeType(user.id, 'RoomAdmin'),
        (people) => people.filter((p) => p.id === user.id).map((p) => `${p.displayName}: type ${p.type}`),
      );
      await step(
        `Downgrade back to User, handing their rooms and files to ${me.displayName} (POST /people/type, a task)`,
        () =>
          ds.people.downgrade(user.id, 'User', {
            reassignTo: me.id,
            // Prism's example task never finishes: on Prism, start it and read the first progress report.
            // The fake portal's task advances on each poll, so it is polled quickly.
            wait: mode !== 'prism',
            pollIntervalMs,
            signal: AbortSignal.timeout(120_000),
            onProgress: (progress) => note(`progress: ${progress.percentage}% (${progress.status})`),
          }),
        (progress) =>
          progress.isCompleted
            ? `the type change finished (${progress.percentage}%)`
            : `the task runs on the server (${progress.percentage}%)`,
      );
      await step(
        'Get the user again (GET /people/{id})',
        () => ds.people.get(user.id),
        (person) => `${person.displayName}: type ${person.type}, status ${person.status}`,
      );
    } finally {
      if (mode === 'portal') {
        await step(
          'Clean up: terminate and delete the user',
          () => ds.people.delete(user.id, { terminateFirst: true }),
          (people) => people.map((person) => `deleted ${person.displayName} (${person.id})`),
        );
      }
    }
  },
};

if (isMain(import.meta.url)) await runAsProgram(updateUserRole);
