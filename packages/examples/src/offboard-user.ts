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
import { type TaskProgress, ValidationError } from '@docspace-people/sdk';
import {
  type Example,
  isMain,
  lookUpDeleted,
  runAsProgram,
  uniqueEmail,
  watchRequests,
} from './support/index.js';

/** Rooms the fake portal gives the leaver before offboarding (with its `addRoom` test helper, no request). */
const LEAVER_ROOMS = ['Vendor contracts', 'Q3 launch'];

export const offboardUser: Example = {
  name: 'offboard-user',
  title: 'hand a leaver\'s rooms to an heir, then delete them (tutorial "Manage users", corrected)',
  async run({ ds, mode, step, note, mockAnswer, fakePortal, pollIntervalMs }) {
    const roomLines = (rooms: readonly number[]) =>
      rooms.map((id) => {
        const room = fakePortal?.room(id);
        const owner = room && fakePortal?.user(room.ownerId);
        const name = owner ? `${owner.firstName} ${owner.lastName}` : `${room?.ownerId} (no such person)`;
        return `fake portal state: room ${id} "${room?.title}" owner ${name}`;
      });
    const { leaver, heir, rooms } = await step(
      fakePortal
        ? 'Create the leaver Lea Vance and the heir Hal Ward, both RoomAdmins (POST /people); the fake portal gives Lea two rooms (its addRoom helper, no request)'
        : 'Create the leaver Lea Vance and the heir Hal Ward, both RoomAdmins (POST /people)',
      async () => {
        const [lea, hal] = await Promise.all([
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
        ]);
        // On the fake portal Lea owns rooms, as a leaver would, so there is something to hand over. A new user
        // of a real portal owns none (the server's answer in step 2 says so); Prism keeps no state.
        const seeded = fakePortal
          ? LEAVER_ROOMS.map((title) => fakePortal.addRoom({ title, owner: lea.id }).id)
          : [];
        return { leaver: lea, heir: hal, rooms: seeded };
      },
      (created) => [
        ...[created.leaver, created.heir].map(
          (person) => `created ${person.displayName} (${person.id}), ${person.type}`,
        ),
        ...roomLines(created.rooms),
      ],
    );
    let deleted = false;
    try {
      await step(
        'Ask the server whether Lea owns data that needs an heir (GET /people/reassign/necessary)',
        () => ds.people.needsReassign(leaver.id),
        (needed) =>
          needed
            ? 'the server answered true: she owns rooms, choose an heir before deleting'
            : 'the server answered false: she owns nothing to hand over',
      );
      await step(
        'Reassigning an active user is refused before sending (the server reassigns only Terminated users)',
        async () => {
          const sent = watchRequests(fakePortal, 'startReassign', 'POST /people/reassign/start');
          try {
            await ds.people.reassign(leaver.id, heir.id);
          } catch (error) {
            if (error instanceof ValidationError) return [`refused: ${error.message}`, ...sent()];
            throw error;
          }
          throw new Error('expected the SDK to refuse an active user');
        },
        (lines) => lines,
      );
      if (leaver.id === heir.id)
        note('(both creates answered the same person, so the SDK refused on its first rule: heir = leaver)');
      await step(
        'Terminate Lea: she can no longer sign in, her data stays (PUT /people/status/Terminated)',
        () => ds.people.terminate(leaver.id),
        (people) => [
          ...people.filter((p) => p.id === leaver.id).map((p) => `${p.displayName}: ${p.status}`),
          ...roomLines(rooms),
        ],
      );
      await step(
        `Delete Lea with ${heir.displayName} as heir: the reassignment task hands over her rooms, files and storage, then deletes the profile; read the task's last report`,
        async () => {
          if (mode === 'prism') {
            // Prism keeps no state: its sample person is still Active, so the SDK's checks would refuse the
            // delete. Show the task's progress report instead.
            const progress = await ds.people.reassignProgress(leaver.id, mockAnswer({ example: 'running' }));
            return [
              `the server reports the task at ${progress?.percentage}% (${progress?.status}) (Prism's example; nothing was deleted)`,
            ];
          }
          let last: TaskProgress | undefined;
          await ds.people.delete(leaver.id, {
            reassignTo: heir.id,
            pollIntervalMs,
            signal: AbortSignal.timeout(300_000),
            onProgress: (progress) => {
              last = progress;
              note(`progress: ${progress.percentage}% (${progress.status})`);
            },
          });
          deleted = true;
          return [
            `the task's last report: ${last ? `${last.percentage}% (${last.status})` : 'none'}; then GET /people/{id} answered 404 (the SDK checks it before it resolves)`,
            ...roomLines(rooms),
          ];
        },
        (lines) => lines,
      );
      await step(
        'Look Lea up again (GET /people/{id})',
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
