import { guestsAndQuotas } from './guests-and-quotas.js';
import { manageGroups } from './manage-groups.js';
import { manageUserPhoto } from './manage-user-photo.js';
import { manageUsers } from './manage-users.js';
import { offboardUser } from './offboard-user.js';
import { photosTour } from './photos-tour.js';
import type { Example } from './support/index.js';
import { updateUserRole } from './update-user-role.js';

/** Every example, in the order the demo runs them. */
export const allExamples: readonly Example[] = [
  manageUsers,
  manageUserPhoto,
  updateUserRole,
  photosTour,
  manageGroups,
  offboardUser,
  guestsAndQuotas,
];
