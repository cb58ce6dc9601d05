/**
 * A tour of the Photos API: upload without saving, crop to thumbnails, read them back.
 * Follows the vendor's PhotosApi reference (upload, thumbnails, get, update, delete), corrected: the upload's
 * multipart field is `File` (plus `Autosave`) since v3.7, not `formCollection`, and the server never answers
 * 400/413/415 for a bad image: it answers HTTP 200 with `success: false` (the SDK throws PhotoUploadError).
 *
 * On a real portal this changes the photo of the account whose token you use.
 * Run: `pnpm --filter @docspace-people/examples exec tsx src/photos-tour.ts`
 */
import { PhotoUploadError, ValidationError } from '@docspace-people/sdk';
import { avatarPath } from './support/assets.js';
import { type Example, isMain, runAsProgram, watchRequests } from './support/index.js';

export const photosTour: Example = {
  name: 'photos-tour',
  title: 'upload without autosave, crop with thumbnails, read back (PhotosApi reference)',
  async run({ ds, mode, step, mockAnswer, fakePortal }) {
    const me = await step(
      'Who am I? (GET /people/@self)',
      () => ds.people.me(),
      (person) => `${person.displayName} (${person.id})`,
    );
    const upload = await step(
      'Upload assets/avatar.png without saving it (Autosave=false): the server keeps a temporary file',
      () => ds.photos.upload(me.id, avatarPath, { autosave: false, ...mockAnswer({ example: 'temporary' }) }),
      (result) => `temporary file: ${result.tmpFile}`,
    );
    if (!upload.tmpFile) throw new Error('the server did not name a temporary file');
    const tmpFile = upload.tmpFile;
    await step(
      'Crop it to a 64x64 square at (16, 16) and save the thumbnails (POST /people/{id}/photo/thumbnails)',
      () => ds.photos.crop(me.id, { tmpFile, x: 16, y: 16, width: 64, height: 64 }),
      (photo) => [`retina (360x360): ${photo.retina}`, `max (200x200): ${photo.max}`],
    );
    await step(
      'Read every size back (GET /people/{id}/photo)',
      () => ds.photos.get(me.id),
      (photo) =>
        (['original', 'retina', 'max', 'big', 'medium', 'small'] as const).map(
          (size) => `${size}: ${photo[size]}`,
        ),
    );
    await step(
      'A GIF is refused before anything is sent: only PNG and JPEG, checked by content',
      async () => {
        const sent = watchRequests(fakePortal, 'uploadMemberPhoto', 'photo uploads');
        try {
          await ds.photos.upload(me.id, new TextEncoder().encode('GIF89a not really an image'));
        } catch (error) {
          if (error instanceof ValidationError) return [`refused: ${error.message}`, ...sent()];
          throw error;
        }
        throw new Error('expected the SDK to refuse a GIF');
      },
      (lines) => lines,
    );
    if (mode !== 'portal') {
      await step(
        mode === 'prism'
          ? "The server's own refusals come as HTTP 200 with success:false (Prism's 'failed' example)"
          : "The server's own refusals come as HTTP 200 with success:false: a 1.5 MB PNG over the portal's 1 MiB limit",
        async () => {
          try {
            if (mode === 'prism')
              await ds.photos.upload(me.id, avatarPath, mockAnswer({ example: 'failed' }));
            else await ds.photos.upload(me.id, largePng(1_500_000), { maxBytes: 2 * 1024 * 1024 });
          } catch (error) {
            if (error instanceof PhotoUploadError) return error.message;
            throw error;
          }
          throw new Error('expected a PhotoUploadError');
        },
        (message) => `PhotoUploadError: ${message}`,
      );
    }
  },
};

/** `size` bytes that start like a PNG (the server checks the type by its first bytes, then the size). */
function largePng(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

if (isMain(import.meta.url)) await runAsProgram(photosTour);
