/**
 * Manage your photo: upload one from a file, set one from an https URL, read the thumbnails, delete it.
 * The vendor tutorial "Manage user photo" on the SDK, corrected: since 2025-11 DocSpace lets you change only
 * YOUR OWN photo (for anyone else every photo write answers 403), so the tutorial's hard-coded user id "10001"
 * cannot work; the Node.js variant also logs "Failed" on success and uses `text` before declaring it.
 *
 * On a real portal this replaces, then deletes, the photo of the account whose token you use.
 * Run: `pnpm --filter @docspace-people/examples exec tsx src/manage-user-photo.ts`
 */
import { PermissionDeniedError } from '@docspace-people/sdk';
import { avatarPath, avatarUrl } from './support/assets.js';
import { type Example, isMain, runAsProgram } from './support/index.js';

export const manageUserPhoto: Example = {
  name: 'manage-user-photo',
  title: 'your own photo: upload, set from a URL, read, delete (tutorial "Manage user photo")',
  async run({ ds, mode, step, note, mockAnswer }) {
    const me = await step(
      'Who am I? Photo writes are allowed only on your own id (GET /people/@self)',
      () => ds.people.me(),
      (person) => `${person.displayName} (${person.id})`,
    );
    await step(
      'Upload assets/avatar.png as your photo (POST /people/{id}/photo, multipart File + Autosave)',
      () => ds.photos.upload(me.id, avatarPath, mockAnswer({ example: 'saved' })),
      (result) => `saved: ${savedPhoto(result.data)}`,
    );
    await step(
      'Set your photo from an https URL; the server fetches it (PUT /people/{id}/photo {files})',
      () => ds.photos.setFromUrl(me.id, avatarUrl),
      (photo) => `original: ${photo.original}`,
    );
    await step(
      'Read the thumbnails (GET /people/{id}/photo)',
      () => ds.photos.get(me.id),
      (photo) => [
        `max (200x200): ${photo.max}`,
        `medium (48x48): ${photo.medium}`,
        `small (32x32): ${photo.small}`,
      ],
    );
    await step(
      "Another user's photo is refused: all photo writes are self-only since 2025-11",
      async () => {
        if (mode === 'portal') {
          note(
            'Not attempted on a real portal (an older server would change that photo); the server answers 403.',
          );
          return 'skipped';
        }
        // On the fake portal: someone who really exists; Prism is asked for the 403 a real portal sends.
        const other =
          mode === 'fake'
            ? (await ds.people.list({ status: 'Active' }).page({ count: 10 })).items.find(
                (p) => p.id !== me.id,
              )
            : undefined;
        if (other) note(`trying to delete the photo of ${other.displayName} (${other.id})`);
        try {
          await ds.photos.delete(
            other?.id ?? '9c1e6a2b-4d3f-4e8a-b7c6-2f5d8e1a0b94',
            mockAnswer({ code: 403 }),
          );
        } catch (error) {
          if (error instanceof PermissionDeniedError) return `refused: ${error.message}`;
          throw error;
        }
        throw new Error("expected a 403 for another user's photo");
      },
      (outcome) => outcome,
    );
    await step(
      'Delete your photo; the default avatar comes back (DELETE /people/{id}/photo)',
      () => ds.photos.delete(me.id),
      (photo) => `original now: ${photo.original}`,
    );
  },
};

/** The original's URL from an autosaved upload's `data` (an object of photo URLs, or a URL). */
function savedPhoto(data: unknown): string {
  if (typeof data === 'string') return data;
  const original = (data as { original?: unknown } | null)?.original;
  return typeof original === 'string' ? `original ${original}` : JSON.stringify(data);
}

if (isMain(import.meta.url)) await runAsProgram(manageUserPhoto);
