/**
 * Manage guests and storage quotas.
 * What the vendor's samples get wrong: "delete guests" (DELETE /people/guests) does not delete anyone: it drops
 * YOUR relation with the guests and the shares you gave them, and their profiles stay. A user's quota is an integer
 * of bytes (-1 no limit, -2 the portal default), not upstream's `{"maxSize": ...}` object (the server answers 403 to
 * that); the SDK takes bytes, 'unlimited' or 'default'. The quota fields of a profile appear only while per-user
 * quotas are enabled in the portal settings, and the SDK never makes them up.
 *
 * Run: `pnpm --filter @docspace-people/examples exec tsx src/guests-and-quotas.ts`
 */
import { PermissionDeniedError, type Person } from '@docspace-people/sdk';
import { type Example, isMain, runAsProgram, uniqueEmail } from './support/index.js';

const GiB = 1024 ** 3;

const describeQuota = (person: Person | undefined) =>
  person?.quotaLimit === undefined
    ? `${person?.displayName}: no quota fields in the answer (the server sends them only while per-user quotas are enabled)`
    : `${person.displayName}: quota ${person.quotaLimit === -1 ? 'unlimited' : `${person.quotaLimit / GiB} GiB`}` +
      `${person.isCustomQuota ? ' (own value)' : ' (portal default)'}, used ${person.usedSpace ?? 0} bytes`;

export const guestsAndQuotas: Example = {
  name: 'guests-and-quotas',
  title: 'invite a guest, share its link, remove it from your contacts; set and reset a user quota',
  async run({ ds, mode, step, mockAnswer }) {
    const guestEmail = uniqueEmail('gia.guest');
    const guest = await step(
      `Invite the guest <${guestEmail}> (POST /people/invite)`,
      async () => {
        const [invited] = await ds.people.invite({ email: guestEmail, type: 'Guest' });
        if (!invited) throw new Error('the server invited nobody');
        return invited;
      },
      (invited) => `invited ${invited.displayName ?? guestEmail} (${invited.id})`,
    );
    const user = await step(
      'Create Quinn Quota as a User (POST /people)',
      () =>
        ds.people.create({
          firstName: 'Quinn',
          lastName: 'Quota',
          email: uniqueEmail('quinn'),
          type: 'User',
        }),
      (person) => `created ${person.displayName} (${person.id})`,
    );
    try {
      await step(
        'A link that lets another admin add the guest to their contacts (GET /people/guests/{id}/share)',
        () => ds.people.guestShareLink(guest.id),
        (link) => link,
      );
      await step(
        'Remove the guest from YOUR contacts (DELETE /people/guests); then remove again and look the profile up',
        async () => {
          await ds.people.removeGuests(guest.id);
          // The server refuses (403) the whole call when an id is not a guest in your contacts: a second removal
          // shows whether the first one dropped the relation.
          const again = await ds.people.removeGuests(guest.id, mockAnswer({ code: 403 })).then(
            () => 'answered 200: the guest is still in your contacts',
            (error: unknown) => {
              if (error instanceof PermissionDeniedError)
                return `answered ${error.status}: no longer in your contacts`;
              throw error;
            },
          );
          return { again, person: await ds.people.get(guest.id) };
        },
        ({ again, person }) => [
          'the server accepted the removal',
          `removing again ${again}`,
          `GET /people/{id}: the profile is still there: ${person.displayName}, ${person.status}`,
        ],
      );
      await step(
        'Give Quinn 2 GiB of storage (PUT /people/userquota {quota: 2147483648})',
        async () => (await ds.people.setQuota(user.id, 2 * GiB)).find((p) => p.id === user.id),
        describeQuota,
      );
      await step(
        'No limit, then back to the portal default (PUT /people/userquota -1, then PUT /people/resetquota)',
        async () => {
          const unlimited = await ds.people.setQuota(user.id, 'unlimited');
          const reset = await ds.people.resetQuota(user.id);
          return [unlimited, reset].map((people) => people.find((p) => p.id === user.id));
        },
        ([unlimited, reset]) => [
          `after -1: ${describeQuota(unlimited)}`,
          `after resetquota: ${describeQuota(reset)}`,
        ],
      );
    } finally {
      if (mode === 'portal') {
        await ds.people.delete([guest.id, user.id], { terminateFirst: true }).catch(() => {});
      }
    }
  },
};

if (isMain(import.meta.url)) await runAsProgram(guestsAndQuotas);
