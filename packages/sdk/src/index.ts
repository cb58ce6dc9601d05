// The public API of @docspace-people/sdk. Everything users may import is listed here by name.
export { DocSpace } from './docspace.js';
export type { ActivationStatus, AssignableType, PersonStatus, PersonType } from './enums.js';
export {
  ApiError,
  type ApiErrorDetails,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  DocSpaceError,
  NotFoundError,
  PermissionDeniedError,
  PhotoUploadError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export type { PhotoData } from './image-input.js';
export type { BasicCredentials, DocSpaceOptions, FetchLike, Logger, RequestOptions } from './options.js';
export type {
  CreatePersonInput,
  DeleteOptions,
  Invitation,
  InviteOptions,
  People,
  UpdatePersonInput,
} from './people.js';
export type { PeopleFilter } from './people-filter.js';
export type { AvatarUrls, Contact, GroupSummary, Person, PersonSummary } from './person.js';
export type { Page, PageRequest, PersonList } from './person-list.js';
export type { CropArea, Photo, Photos, PhotoUploadResult, UploadPhotoOptions } from './photos.js';
export { type DowngradeOptions, TaskFailedError, type TaskProgress, type TaskStatus } from './type-change.js';
