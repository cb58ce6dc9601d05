import type { paths } from '@docspace-people/client';

// The operations the facade wraps, one declaration each, typed by the generated contract of
// @docspace-people/client (`paths` in packages/client/src/generated/schema.gen.ts). See packages/sdk/CONTRACT.md.
//
// Every declaration has the same form, so a tool can read them without type information:
//   export const <operationId> = /* @__PURE__ */ operation('<method>', '<path key of paths>', '<kind>');
// The method and path must be a key of the generated `paths` (a renamed or removed path fails to compile here),
// and `<kind>` must match the kind of the generated success payload (`response` of the 200 envelope).
// The facade sends a declaration with `request(...)` (request.ts): its path parameters, query, body and payload
// types come from the generated operation, so a renamed parameter or field fails at the line that uses it.

/** HTTP methods the facade uses, as the generated `paths` spells them. */
export type Method = 'get' | 'put' | 'post' | 'delete';

/** The path keys of `paths` that have an operation for `M`. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

/** The generated operation behind a method and path. */
export type GeneratedOperation<M extends Method, P extends keyof paths> = NonNullable<paths[P][M]>;

/** The success (200) JSON body of a generated operation: the envelope. */
export type EnvelopeOf<O> = O extends { responses: { 200: { content: { 'application/json': infer E } } } }
  ? E
  : never;

/**
 * What a success answer must be, checked at run time by the decoder: an envelope whose `response` is an object,
 * an array, a string or a boolean; an object the server may leave out (`object?`, e.g. the progress of a task the
 * server no longer knows); an envelope without `response` (`empty`, actions that return nothing); or HTTP 204 with
 * no body (`no content`, e.g. DELETE /group/{id}).
 */
export type Kind = 'object' | 'array' | 'object?' | 'string' | 'boolean' | 'empty' | 'no content';

/** The kinds allowed for an envelope type: the declaration's kind must agree with the generated payload. */
export type KindOf<E> = [E] extends [never]
  ? never
  : 'response' extends keyof E
    ? E extends { response: infer R }
      ? R extends readonly unknown[]
        ? 'array'
        : R extends string
          ? 'string'
          : R extends boolean
            ? 'boolean'
            : R extends object
              ? 'object'
              : never
      : E extends { response?: infer R }
        ? R extends readonly unknown[]
          ? never
          : 'object?' | 'object'
        : never
    : 'empty';

/** The kind a generated operation allows: from its 200 envelope, or `no content` when it answers 204. */
export type KindOfOperation<O> = O extends { responses: { 200: unknown } }
  ? KindOf<EnvelopeOf<O>>
  : O extends { responses: { 204: unknown } }
    ? 'no content'
    : never;

/** One declared operation: its method, its path key and the kind of its payload. */
export interface Operation<M extends Method = Method, P extends keyof paths = keyof paths> {
  /** Upper-case HTTP method. */
  readonly method: Uppercase<M>;
  /** The path key of the generated `paths`, with `{name}` placeholders. */
  readonly path: P;
  /** `path` split at its placeholders: literal text at even indices, parameter names at odd ones. */
  readonly parts: readonly string[];
  /** What the envelope's `response` must be. */
  readonly kind: Kind;
  /** Type-only link to the generated operation (never set at run time). */
  readonly generated?: GeneratedOperation<M, P>;
}

/** Declares an operation; the arguments are checked against the generated `paths`. */
export function operation<
  M extends Method,
  P extends PathWith<M>,
  K extends KindOfOperation<GeneratedOperation<M, P>>,
>(method: M, path: P, kind: K): Operation<M, P> {
  return {
    method: method.toUpperCase() as Uppercase<M>,
    path,
    parts: path.split(/\{([^}]+)\}/),
    kind,
  };
}

/** The generated operation of a declaration. */
export type OperationOf<D> = D extends Operation<infer M, infer P> ? GeneratedOperation<M, P> : never;

/**
 * A generated wire type with string enums loosened to their values (`'Guest'` instead of `EmployeeType.Guest`),
 * so the facade can send literals without importing the generated enums (which would cost bundle bytes).
 */
export type Wire<T> = T extends string
  ? `${T}`
  : T extends number | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/** The path parameters of a declaration (`never` when the path has none). */
export type PathParams<D> = OperationOf<D> extends { parameters: { path: infer X } } ? Wire<X> : never;

/** The query parameters of a declaration (`never` when it takes none). */
export type QueryParams<D> =
  OperationOf<D> extends { parameters: { query?: infer X } }
    ? [X] extends [never | undefined]
      ? never
      : Wire<NonNullable<X>>
    : never;

/** The JSON request body of a declaration (`never` when it takes none). */
export type RequestBody<D> = JsonContent<NonNullable<OperationOf<D>['requestBody']>>;

type JsonContent<R> = [R] extends [never]
  ? never
  : R extends { content: { 'application/json': infer B } }
    ? Wire<B>
    : never;

/** The success envelope of a declaration, as the generated client describes it. */
export type Envelope<D> = EnvelopeOf<OperationOf<D>>;

// ---- The declarations (one per operation, named by the generated operationId) ----

// People
export const addMember = /* @__PURE__ */ operation('post', '/api/2.0/people', 'object');
export const getProfileByUserId = /* @__PURE__ */ operation('get', '/api/2.0/people/{userid}', 'object');
export const getSelfProfile = /* @__PURE__ */ operation('get', '/api/2.0/people/@self', 'object');
export const getProfileByEmail = /* @__PURE__ */ operation('get', '/api/2.0/people/email', 'object');
export const checkUserExistsByEmail = /* @__PURE__ */ operation('get', '/api/2.0/people/exists', 'object');
export const updateMember = /* @__PURE__ */ operation('put', '/api/2.0/people/{userid}', 'object');
export const searchUsersByExtendedFilter = /* @__PURE__ */ operation(
  'get',
  '/api/2.0/people/filter',
  'array',
);
export const searchUsersByQuery = /* @__PURE__ */ operation('get', '/api/2.0/people/search', 'array');
export const updateUserStatus = /* @__PURE__ */ operation('put', '/api/2.0/people/status/{status}', 'array');
export const deleteMember = /* @__PURE__ */ operation('delete', '/api/2.0/people/{userid}', 'object');
export const removeUsers = /* @__PURE__ */ operation('put', '/api/2.0/people/delete', 'array');
export const updateUserType = /* @__PURE__ */ operation('put', '/api/2.0/people/type/{type}', 'array');
export const inviteUsers = /* @__PURE__ */ operation('post', '/api/2.0/people/invite', 'array');
export const resendUserInvites = /* @__PURE__ */ operation('put', '/api/2.0/people/invite', 'array');
export const updateMemberCulture = /* @__PURE__ */ operation(
  'put',
  '/api/2.0/people/{userid}/culture',
  'object',
);

// Type change task
export const startUserTypeUpdate = /* @__PURE__ */ operation('post', '/api/2.0/people/type', 'object');
export const getUserTypeUpdateProgress = /* @__PURE__ */ operation(
  'get',
  '/api/2.0/people/type/progress/{userid}',
  'object?',
);
export const terminateUserTypeUpdate = /* @__PURE__ */ operation(
  'put',
  '/api/2.0/people/type/terminate',
  'object?',
);

// Photos
export const getMemberPhoto = /* @__PURE__ */ operation('get', '/api/2.0/people/{userid}/photo', 'object');
export const uploadMemberPhoto = /* @__PURE__ */ operation(
  'post',
  '/api/2.0/people/{userid}/photo',
  'object',
);
export const updateMemberPhoto = /* @__PURE__ */ operation('put', '/api/2.0/people/{userid}/photo', 'object');
export const deleteMemberPhoto = /* @__PURE__ */ operation(
  'delete',
  '/api/2.0/people/{userid}/photo',
  'object',
);
export const createMemberPhotoThumbnails = /* @__PURE__ */ operation(
  'post',
  '/api/2.0/people/{userid}/photo/thumbnails',
  'object',
);

// Groups
export const getGroups = /* @__PURE__ */ operation('get', '/api/2.0/group', 'array');
export const addGroup = /* @__PURE__ */ operation('post', '/api/2.0/group', 'object');
export const getGroup = /* @__PURE__ */ operation('get', '/api/2.0/group/{id}', 'object');
export const updateGroup = /* @__PURE__ */ operation('put', '/api/2.0/group/{id}', 'object');
export const deleteGroup = /* @__PURE__ */ operation('delete', '/api/2.0/group/{id}', 'no content');
export const getGroupByUserId = /* @__PURE__ */ operation('get', '/api/2.0/group/user/{userid}', 'array');
export const moveMembersTo = /* @__PURE__ */ operation(
  'put',
  '/api/2.0/group/{fromId}/members/{toId}',
  'object',
);
export const setMembersTo = /* @__PURE__ */ operation('post', '/api/2.0/group/{id}/members', 'object');
export const addMembersTo = /* @__PURE__ */ operation('put', '/api/2.0/group/{id}/members', 'object');
export const removeMembersFrom = /* @__PURE__ */ operation('delete', '/api/2.0/group/{id}/members', 'object');
export const setGroupManager = /* @__PURE__ */ operation('put', '/api/2.0/group/{id}/manager', 'object');

// Data reassignment task
export const startReassign = /* @__PURE__ */ operation('post', '/api/2.0/people/reassign/start', 'object');
export const getReassignProgress = /* @__PURE__ */ operation(
  'get',
  '/api/2.0/people/reassign/progress/{userid}',
  'object?',
);
export const terminateReassign = /* @__PURE__ */ operation(
  'put',
  '/api/2.0/people/reassign/terminate',
  'object?',
);
export const necessaryReassign = /* @__PURE__ */ operation(
  'get',
  '/api/2.0/people/reassign/necessary',
  'boolean',
);

// Quota
export const updateUserQuota = /* @__PURE__ */ operation('put', '/api/2.0/people/userquota', 'array');
export const resetUsersQuota = /* @__PURE__ */ operation('put', '/api/2.0/people/resetquota', 'array');

// Guests, password and e-mail
export const deleteGuests = /* @__PURE__ */ operation('delete', '/api/2.0/people/guests', 'empty');
export const getGuestSharingLink = /* @__PURE__ */ operation(
  'get',
  '/api/2.0/people/guests/{userid}/share',
  'string',
);
export const sendUserPassword = /* @__PURE__ */ operation('post', '/api/2.0/people/password', 'string');
export const sendEmailChangeInstructions = /* @__PURE__ */ operation(
  'post',
  '/api/2.0/people/email',
  'string',
);
