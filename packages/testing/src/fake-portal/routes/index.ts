import type { RouteDefinition } from '../router.js';
import { inviteRoutes } from './invites.js';
import { listRoutes } from './lists.js';
import { photoRoutes } from './photos.js';
import { profileRoutes } from './profiles.js';
import { statusTypeRoutes } from './status-type.js';

/** Every operation the fake portal serves. */
export const allRoutes: RouteDefinition[] = [
  ...profileRoutes,
  ...listRoutes,
  ...statusTypeRoutes,
  ...inviteRoutes,
  ...photoRoutes,
];
