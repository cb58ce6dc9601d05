// The public API of @docspace-people/sdk. Everything users may import is listed here by name.
// `DocSpace` is the all-in-one client; the standalone functions below do the same work one operation at a time,
// so a bundler keeps only the ones a consumer imports (see README "Lightweight functions and bundle size").

export {
  peopleGuestShareLink,
  peopleRemoveGuests,
  peopleRequestEmailChange,
  peopleResetQuota,
  peopleSendPasswordInstructions,
  peopleSetQuota,
  type Quota,
} from './account-functions.js';
export type { Bound } from './bind.js';
export { Connection, connect } from './connection.js';
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
  PaginationError,
  type PaginationProblem,
  PermissionDeniedError,
  PhotoUploadError,
  RateLimitError,
  ResponseTooLargeError,
  ServerError,
  TaskFailedError,
  type TaskProgress,
  type TaskStatus,
  TaskTimeoutError,
  TimeoutError,
  type UnexpectedResponseDetails,
  UnexpectedResponseError,
  ValidationError,
} from './errors.js';
export type { Group, GroupChange } from './group.js';
export {
  type CreateGroupInput,
  type GetGroupOptions,
  type GroupFilter,
  type GroupList,
  groupsAddMembers,
  groupsCreate,
  groupsDelete,
  groupsGet,
  groupsList,
  groupsMoveMembers,
  groupsOfPerson,
  groupsRemoveMembers,
  groupsSetManager,
  groupsSetMembers,
  groupsUpdate,
  type UpdateGroupInput,
} from './group-functions.js';
export type { Groups } from './groups.js';
export type { PhotoData } from './image-input.js';
export type { BasicCredentials, DocSpaceOptions, FetchLike, Logger, RequestOptions } from './options.js';
export type { Page, PagedList, PageRequest } from './paged-list.js';
export type { People } from './people.js';
export type { PeopleFilter } from './people-filter.js';
// Deprecated names of the same functions (one minor release): `ds.people.get` is `peopleGet`.
export {
  type CreatePersonInput,
  cancelDowngrade,
  changePeopleType,
  createPerson,
  type DeleteOptions,
  deletePeople,
  downgradePerson,
  downgradeProgress,
  getMe,
  getPerson,
  getPersonByEmail,
  type Invitation,
  type InviteOptions,
  invitePeople,
  listPeople,
  peopleCancelDowngrade,
  peopleChangeType,
  peopleCreate,
  peopleDelete,
  peopleDowngrade,
  peopleDowngradeProgress,
  peopleExists,
  peopleGet,
  peopleGetByEmail,
  peopleInvite,
  peopleList,
  peopleMe,
  peopleReactivate,
  peopleResendInvites,
  peopleSearch,
  peopleSetCulture,
  peopleTerminate,
  peopleUpdate,
  personExists,
  reactivatePeople,
  resendInvites,
  searchPeople,
  setPersonCulture,
  terminatePeople,
  type UpdatePersonInput,
  updatePerson,
} from './people-functions.js';
export type { AvatarUrls, Contact, GroupSummary, Person, PersonSummary } from './person.js';
export type { PersonList } from './person-list.js';
// Deprecated names of the same functions (one minor release): `ds.photos.get` is `photosGet`.
export {
  type CropArea,
  cropPhoto,
  deletePhoto,
  getPhoto,
  type Photo,
  type PhotoUploadResult,
  photosCrop,
  photosDelete,
  photosGet,
  photosSetFromUrl,
  photosUpload,
  setPhotoFromUrl,
  type UploadPhotoOptions,
  uploadPhoto,
} from './photo-functions.js';
export type { Photos } from './photos.js';
export { rawClient } from './raw-client.js';
export {
  peopleCancelReassign,
  peopleNeedsReassign,
  peopleReassign,
  peopleReassignProgress,
  type ReassignOptions,
} from './reassign.js';
export type { TaskOptions } from './task.js';
export type { TaskWaitOptions } from './task-wait.js';
export type { DowngradeOptions } from './type-change.js';
