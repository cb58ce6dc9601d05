/** A syntactically valid user id. */
export const USER_ID = '3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26';
/** Another one. */
export const OTHER_ID = '9b1c44e0-2d3f-4a8b-8e6f-5a7d2c9e0b13';
/** A syntactically valid group id. */
export const GROUP_ID = '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
/** Another one. */
export const OTHER_GROUP_ID = '6e2f3a4b-5c6d-4e7f-9081-92a3b4c5d6e7';
/** A token that must never show up anywhere. */
export const SECRET = 'sk-SECRET-0123456789abcdef';

/** A minimal EmployeeFullDto as the server sends it. */
export function employee(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: USER_ID,
    displayName: 'Jane Cooper',
    firstName: 'Jane',
    lastName: 'Cooper',
    userName: 'jane.cooper',
    email: 'jane.cooper@example.com',
    status: 1,
    activationStatus: 1,
    isAdmin: false,
    isRoomAdmin: false,
    isOwner: false,
    isVisitor: false,
    isCollaborator: true,
    registrationDate: '2025-01-15T09:30:00.0000000+03:00',
    ...overrides,
  };
}

/** A fetch that answers every request with the given JSON body and status, and records the requests. */
export function jsonFetch(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input instanceof Request ? input.url : input), init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { fetch, calls };
}

/** A success envelope. */
export function envelope(response: unknown, extra: Record<string, unknown> = {}) {
  return {
    response,
    count: Array.isArray(response) ? response.length : 1,
    links: [],
    status: 0,
    statusCode: 200,
    ...extra,
  };
}

/** The task progress of the curated spec's `TypeUpdateProgress` example (what Prism answers), as the SDK maps it. */
export const EXAMPLE_PROGRESS = {
  id: '5d0f6c2a-93b1-4f7e-8c2d-1a6e9b4f3c70',
  percentage: 40,
  isCompleted: false,
  status: 'Running',
  error: undefined,
} as const;
