import type { Bound } from './bind.js';
import { photosCrop, photosDelete, photosGet, photosSetFromUrl, photosUpload } from './photo-functions.js';

/**
 * @internal The methods of `ds.photos`, one per standalone function. The naming rule: `ds.photos.<name>` is the
 * function `photos<Name>` (`ds.photos.upload` is `photosUpload`).
 */
export const PHOTOS = {
  /** Gets the URLs of a user's photo in every size. Same as {@link photosGet}. */
  get: photosGet,
  /** Uploads a PNG or JPEG. Same as {@link photosUpload}. */
  upload: photosUpload,
  /** Sets the photo from an https image URL. Same as {@link photosSetFromUrl}. */
  setFromUrl: photosSetFromUrl,
  /** Deletes the photo. Same as {@link photosDelete}. */
  delete: photosDelete,
  /** Crops a photo uploaded with `autosave: false`. Same as {@link photosCrop}. */
  crop: photosCrop,
} as const;

/**
 * User photos, available as `ds.photos`. Since 2025-11 DocSpace lets you change (upload, set, crop, delete) only
 * your own photo: for another user's id the server answers 403 ({@link PermissionDeniedError}).
 * Each method is the standalone function of the same name with the client bound: `ds.photos.get(id)` is
 * `photosGet(ds, id)`.
 *
 * @interface
 */
export type Photos = Bound<typeof PHOTOS>;
