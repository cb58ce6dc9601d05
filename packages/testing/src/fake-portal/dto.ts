import { formatApiDate } from './dates.js';
import { activationStatuses, employeeStatuses } from './enums.js';
import type { FakeUser } from './user-record.js';

/** What the DTO builders need to know about the portal. */
export interface DtoContext {
  /** The portal's origin, for profile URLs. */
  origin: string;
  /** The portal's time-zone offset in minutes. */
  offsetMinutes: number;
}

const sizes = {
  original: '1280-1280',
  retina: '360-360',
  max: '200-200',
  big: '82-82',
  medium: '48-48',
  small: '32-32',
};

/** The photo URLs (ThumbnailsDataDto) of a person: defaults when no photo is set. */
export function thumbnails(user: FakeUser): Record<keyof typeof sizes, string> {
  const photo = user.photo;
  const url = (size: string) =>
    photo
      ? `/storage/userPhotos/root/${user.id}_size_${size}.jpeg?hash=${hash(photo.original)}`
      : `/static/images/default_user_photo_size_${size}.png`;
  return {
    original: photo ? photo.original : url(sizes.original),
    retina: url(sizes.retina),
    max: url(sizes.max),
    big: url(sizes.big),
    medium: url(sizes.medium),
    small: url(sizes.small),
  };
}

/** The short form of a person (EmployeeDto). */
export function toEmployeeDto(user: FakeUser, ctx: DtoContext): Record<string, unknown> {
  const photos = thumbnails(user);
  return {
    id: user.id,
    displayName: `${user.firstName} ${user.lastName}`.trim(),
    avatar: photos.big,
    avatarOriginal: photos.original,
    avatarMax: photos.max,
    avatarMedium: photos.medium,
    avatarSmall: photos.small,
    profileUrl: `${ctx.origin}/accounts/view/${encodeURIComponent(user.userName)}`,
    hasAvatar: user.photo !== undefined,
    isAnonim: false,
  };
}

/** The full form of a person (EmployeeFullDto); absent values are left out, as the server omits nulls. */
export function toEmployeeFullDto(
  user: FakeUser,
  ctx: DtoContext,
  creator?: FakeUser,
): Record<string, unknown> {
  const dto: Record<string, unknown> = {
    ...toEmployeeDto(user, ctx),
    firstName: user.firstName,
    lastName: user.lastName,
    userName: user.userName,
    email: user.email,
    status: employeeStatuses[user.status],
    activationStatus: activationStatuses[user.activationStatus],
    department: '',
    isAdmin: user.type === 'DocSpaceAdmin',
    isRoomAdmin: user.type === 'RoomAdmin',
    isLDAP: false,
    isOwner: user.isOwner,
    isVisitor: user.type === 'Guest',
    isCollaborator: user.type === 'User',
    cultureName: user.cultureName,
    mobilePhoneActivationStatus: 0,
    isSSO: false,
    registrationDate: formatApiDate(user.registrationDate, ctx.offsetMinutes),
    hasPersonalFolder: user.type !== 'Guest',
    tfaAppEnabled: false,
  };
  if (user.contacts.length > 0) dto.contacts = user.contacts.map((c) => ({ ...c }));
  if (user.terminatedDate) dto.terminated = formatApiDate(user.terminatedDate, ctx.offsetMinutes);
  if (user.location !== undefined) dto.location = user.location;
  if (user.notes !== undefined) dto.notes = user.notes;
  if (creator) dto.createdBy = toEmployeeDto(creator, ctx);
  return dto;
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}
