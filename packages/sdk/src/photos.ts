import type { Connection } from './connection.js';
import type { PhotoData } from './image-input.js';
import type { RequestOptions } from './options.js';
import {
  type CropArea,
  cropPhoto,
  deletePhoto,
  getPhoto,
  type Photo,
  type PhotoUploadResult,
  setPhotoFromUrl,
  type UploadPhotoOptions,
  uploadPhoto,
} from './photo-functions.js';

/**
 * User photos, available as `ds.photos`. Since 2025-11 DocSpace lets you change (upload, set, crop, delete) only
 * your own photo: for another user's id the server answers 403 ({@link PermissionDeniedError}).
 * Each method is the standalone function of the same operation (`getPhoto`, `uploadPhoto`, ...) bound to the client.
 */
export class Photos {
  readonly #c: Connection;

  /** @internal Use `new DocSpace(...).photos`. */
  constructor(connection: Connection) {
    this.#c = connection;
  }

  /**
   * Gets the URLs of a user's photo in every size.
   * @example const { max } = await ds.photos.get(userId);
   */
  get(userId: string, options?: RequestOptions): Promise<Photo> {
    return getPhoto(this.#c, userId, options);
  }

  /**
   * Uploads a PNG or JPEG (checked by content and size before sending) as multipart fields `File` and `Autosave`.
   * The server always answers HTTP 200; a refusal (`success: false`) throws {@link PhotoUploadError}.
   * @example await ds.photos.upload(me.id, './avatar.png');
   * @example const { tmpFile } = await ds.photos.upload(me.id, bytes, { autosave: false });
   */
  upload(userId: string, data: PhotoData, options: UploadPhotoOptions = {}): Promise<PhotoUploadResult> {
    return uploadPhoto(this.#c, userId, data, options);
  }

  /**
   * Sets the photo from an image URL (PUT /people/{id}/photo). The URL must be https; the server fetches it.
   * @example await ds.photos.setFromUrl(me.id, 'https://example.com/me.png');
   */
  setFromUrl(userId: string, url: string, options?: RequestOptions): Promise<Photo> {
    return setPhotoFromUrl(this.#c, userId, url, options);
  }

  /**
   * Deletes the photo (the default avatar comes back).
   * @example await ds.photos.delete(me.id);
   */
  delete(userId: string, options?: RequestOptions): Promise<Photo> {
    return deletePhoto(this.#c, userId, options);
  }

  /**
   * Crops a photo uploaded with `autosave: false` and saves the thumbnails.
   * @example await ds.photos.crop(me.id, { tmpFile, x: 0, y: 0, width: 200, height: 200 });
   */
  crop(userId: string, area: CropArea, options?: RequestOptions): Promise<Photo> {
    return cropPhoto(this.#c, userId, area, options);
  }
}
