/**
 * What the server answers for one person: the success envelope around an EmployeeFullDto. Copied from the
 * curated spec's example for GET /api/2.0/people/{userid} (as Prism serves it), so every client parses the
 * same realistic 1.1 KB body.
 */
export const personEnvelope = JSON.stringify({
  response: {
    id: '3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26',
    displayName: 'Jane Cooper',
    firstName: 'Jane',
    lastName: 'Cooper',
    userName: 'jane.cooper',
    email: 'jane.cooper@example.com',
    avatar: '/static/images/default_user_photo_size_82-82.png',
    avatarOriginal: '/static/images/default_user_photo_size_200-200.png',
    avatarMax: '/static/images/default_user_photo_size_200-200.png',
    avatarMedium: '/static/images/default_user_photo_size_48-48.png',
    avatarSmall: '/static/images/default_user_photo_size_32-32.png',
    profileUrl: 'https://example.onlyoffice.io/accounts/view/jane.cooper',
    hasAvatar: false,
    isAnonim: false,
    status: 1,
    activationStatus: 1,
    department: '',
    groups: [],
    contacts: [{ type: 'phone', value: '+1 555 0100' }],
    isAdmin: false,
    isRoomAdmin: true,
    isLDAP: false,
    isOwner: false,
    isVisitor: false,
    isCollaborator: false,
    isSSO: false,
    cultureName: 'en-US',
    registrationDate: '2025-01-15T09:30:00.0000000+00:00',
    hasPersonalFolder: true,
    tfaAppEnabled: false,
  },
  count: 1,
  links: [
    {
      href: 'https://example.onlyoffice.io/api/2.0/people/3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26',
      action: 'GET',
    },
  ],
  status: 0,
  statusCode: 200,
});

/** The id the benchmarks ask for. */
export const personId = '3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26';

/** The new user the create benchmarks send. */
export const newPerson = { email: 'john.doe@example.com', firstName: 'John', lastName: 'Doe' };
