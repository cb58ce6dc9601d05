/**
 * Offboard a user: hand their rooms and files to an heir you choose, then delete them.
 * The vendor tutorial "Manage users" terminates and then calls DELETE /people/{id}. That deletes more than the
 * profile: the server gives the user's rooms, shared files and third-party storage to whoever makes the call (often
 * an automation account) and permanently deletes the rest of their documents. The DocSpace web client first
 * reassigns the data to a person the admin picks; here that is `ds.people.delete(id, { reassignTo })`, which runs
 * the server's reassignment task and resolves once the profile is gone. The SDK checks the server's rules first
 * (the user must be Terminated, the heir an Active RoomAdmin or DocSpaceAdmin).
 *
 * Run: `pnpm --filter @docspace-people/examples exec tsx src/offboard-user.ts`
 */
import { ValidationError } from '@docspace-people/sdk';
import { type Example, isMain, lookUpDeleted, runAsProgram, uniqueEmail } from './support/index.js';

export const offboardUser: Example = {
  name: 'offboard-user',
  title: 'hand a leaver\'s rooms to an heir, then delete them (tutorial "Manage users", corrected)',
  async run({ ds, mode, step, note, mockAnswer }) {
    const [leaver, heir] = await step(
      'Create the leaver Lea Vance and the heir Hal Ward, both RoomAdmins (POST /people)',
      () =>
        Promise.all([
          ds.people.create({
            firstName: 'Lea',
            lastName: 'Vance',
            email: uniqueEmail('lea.vance'),
            type: 'RoomAdmin',
          }),
          ds.people.create({
            firstName: 'Hal',
            lastName: 'Ward',
            email: uniqueEmail('hal.ward'),
            type: 'RoomAdmin',
          }),
        ]),
      (people) => people.map((person) => `created ${person.displayName} (${person.id}), ${person.type}`),
    );
    let deleted = false;
    try {
      await step(
        'Does Lea own rooms that need an heir? (GET /people/reassign/necessary)',
        () => ds.people.needsReassign(leaver.id),
        (needed) => (needed ? 'yes: choose an heir before deleting' : 'no rooms yet (a new user)'),
      );
      await step(
        'Reassigning an active user is refused before sending (the server reassigns only Terminated users)',
        async () => {
          try {
            await ds.people.reassign(leaver.id, heir.id);
          } catch (error) {
            if (error instanceof ValidationError) return error.message;
            throw error;
          }
          throw new Error('expected the SDK to refuse an active user');
        },
        (message) => `refused: ${message}`,
      );
      await step(
        'Terminate Lea: she can no longer sign in, her data stays (PUT /people/status/Terminated)',
        () => ds.people.terminate(leaver.id),
        (people) => people.filter((p) => p.id === leaver.id).map((p) => `${p.displayName}: ${p.status}`),
      );
      await step(
        `Delete Lea, handing her rooms, files and storage to ${heir.displayName} (the reassignment task, then the profile)`,
        async () => {
          if (mode === 'prism') {
            // Prism keeps no state: its sample person is still Active, so the SDK's checks would refuse the
            // delete. Show the task's progress report instead.
            const progress = await ds.people.reassignProgress(leaver.id, mockAnswer({ example: 'running' }));
            return `the task reports ${progress?.percentage}% (${progress?.status})`;
          }
          const gone = await ds.people.delete(leaver.id, {
            reassignTo: heir.id,
            pollIntervalMs: mode === 'fake' ? 100 : 1000,
            signal: AbortSignal.timeout(300_000),
            onProgress: (progress) => note(`progress: ${progress.percentage}% (${progress.status})`),
          });
          deleted = true;
          return `deleted ${gone.map((p) => p.displayName).join(', ')}; the heir owns what was hers`;
        },
        (outcome) => outcome,
      );
      await step(
        'Look Lea up again: she is gone (GET /people/{id})',
        () => lookUpDeleted(ds, leaver.id, mockAnswer({ code: 404 })),
        (outcome) => outcome,
      );
    } finally {
      if (mode === 'portal') {
        const cleanup = deleted ? [heir.id] : [leaver.id, heir.id];
        await ds.people.delete(cleanup, { terminateFirst: true }).catch(() => {});
      }
    }
  },
};

if (isMain(import.meta.url)) await runAsProgram(offboardUser);
