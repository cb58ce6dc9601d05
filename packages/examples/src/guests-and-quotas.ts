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
import type { Person } from '@docspace-people/sdk';
import { type Example, isMain, runAsProgram, uniqueEmail } from './support/index.js';

const GiB = 1024 ** 3;

const describeQuota = (person: Person | undefined) =>
  person?.quotaLimit === undefined
    ? `${person?.displayName}: no quota fields (per-user quotas are disabled on this portal)`
    : `${person.displayName}: quota ${person.quotaLimit === -1 ? 'unlimited' : `${person.quotaLimit / GiB} GiB`}` +
      `${person.isCustomQuota ? ' (own value)' : ' (portal default)'}, used ${person.usedSpace ?? 0} bytes`;

export const guestsAndQuotas: Example = {
  name: 'guests-and-quotas',
  title: 'invite a guest, share its link, remove it from your contacts; set and reset a user quota',
  async run({ ds, mode, step }) {
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
        'Remove the guest from YOUR contacts: the relation and your shares go, the profile stays (DELETE /people/guests)',
        async () => {
          await ds.people.removeGuests(guest.id);
          return ds.people.get(guest.id);
        },
        (person) =>
          `removed from your contacts; the profile is still there: ${person.displayName}, ${person.status}`,
      );
      await step(
        'Give Quinn 2 GiB of storage (PUT /people/userquota {quota: 2147483648})',
        async () => (await ds.people.setQuota(user.id, 2 * GiB)).find((p) => p.id === user.id),
        describeQuota,
      );
      await step(
        'No limit, then back to the portal default (PUT /people/userquota -1, PUT /people/resetquota)',
        async () => {
          await ds.people.setQuota(user.id, 'unlimited');
          await ds.people.resetQuota(user.id);
          return ds.people.get(user.id);
        },
        describeQuota,
      );
    } finally {
      if (mode === 'portal') {
        await ds.people.delete([guest.id, user.id], { terminateFirst: true }).catch(() => {});
      }
    }
  },
};

if (isMain(import.meta.url)) await runAsProgram(guestsAndQuotas);
