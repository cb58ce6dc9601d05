import type { RouteDefinition } from '../router.js';
import { groupRoutes } from './groups.js';
import { guestRoutes } from './guests.js';
import { inviteRoutes } from './invites.js';
import { listRoutes } from './lists.js';
import { passwordEmailRoutes } from './password-email.js';
import { photoRoutes } from './photos.js';
import { profileRoutes } from './profiles.js';
import { quotaRoutes } from './quota.js';
import { statusTypeRoutes } from './status-type.js';
import { userDataRoutes } from './user-data.js';

/** Every operation the fake portal serves. */
export const allRoutes: RouteDefinition[] = [
  ...profileRoutes,
  ...listRoutes,
  ...statusTypeRoutes,
  ...inviteRoutes,
  ...photoRoutes,
  ...groupRoutes,
  ...userDataRoutes,
  ...quotaRoutes,
  ...guestRoutes,
  ...passwordEmailRoutes,
];
