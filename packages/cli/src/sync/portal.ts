import type { DocSpace, Person } from '@docspace-people/sdk';
import { MARKER } from './model.js';

// The portal as plan and apply see it. People go through the SDK facade (ds.people). Groups and per-user quota
// go through `ds.raw` (the SDK's typed client, same auth, retries and limits) because the facade of this SDK
// version does not export its group and quota functions yet.

/** What plan and apply need of a person: small, so 10,000 of them take little memory. */
export interface PortalPerson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  type: string;
  status: 'Active' | 'Terminated' | 'Pending';
  /** ISO 8601, for Terminated people. */
  terminated: string | undefined;
  isOwner: boolean;
  /** Created by this tool (its mark is in the notes). */
  marked: boolean;
  /** Custom quota in bytes (-1 = none), or undefined when the portal does not show quotas. */
  quota: number | undefined;
}

/** The compact form of an SDK person. */
export function compact(person: Person): PortalPerson {
  const status = person.status === 'Terminated' || person.status === 'Pending' ? person.status : 'Active';
  return {
    id: person.id.toLowerCase(),
    email: person.email ?? '',
    firstName: person.firstName ?? '',
    lastName: person.lastName ?? '',
    type: person.type,
    status,
    terminated: person.terminated?.toISOString(),
    isOwner: person.isOwner,
    marked: (person.notes ?? '').includes(MARKER),
    quota: person.quotaLimit === undefined ? undefined : person.quotaLimit,
  };
}

/** A failed raw call, with the HTTP status (0: no answer) and the server's message. */
export class PortalCallError extends Error {
  override readonly name = 'PortalCallError';
  readonly status: number;
  constructor(what: string, status: number, message: string) {
    super(`${what}: HTTP ${status}${message ? ` ${message}` : ''}`);
    this.status = status;
  }
}

interface RawAnswer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The payload of an envelope, or a {@link PortalCallError} for an error answer or one without the promised payload. */
function payload(what: string, answer: RawAnswer, required = true): unknown {
  const body = (answer.data ?? answer.error) as Record<string, unknown> | undefined;
  const status = answer.response.status;
  const envelopeError = body && typeof body === 'object' && (body.status === 1 || 'error' in body);
  if (!answer.response.ok || envelopeError) {
    const error = body?.error as { message?: unknown } | undefined;
    const code = typeof body?.statusCode === 'number' && status < 400 ? body.statusCode : status;
    throw new PortalCallError(what, code, typeof error?.message === 'string' ? error.message : '');
  }
  if (required && (!body || typeof body !== 'object' || !('response' in body))) {
    throw new PortalCallError(what, status, 'the answer has no response (not a DocSpace portal?)');
  }
  return body?.response;
}

/** A portal group: id and name. */
export interface PortalGroup {
  id: string;
  name: string;
}

function toGroup(what: string, value: unknown): PortalGroup & { memberIds: string[] | undefined } {
  const dto = value as { id?: unknown; name?: unknown; members?: unknown } | undefined;
  if (typeof dto?.id !== 'string' || typeof dto.name !== 'string') {
    throw new PortalCallError(what, 200, 'the answer is not a group (no id or name)');
  }
  const members = Array.isArray(dto.members)
    ? dto.members.map((m) => String((m as { id?: unknown }).id ?? '').toLowerCase())
    : undefined;
  return { id: dto.id.toLowerCase(), name: dto.name, memberIds: members };
}

/** Every group of the portal (its own groups, never the system ones), page by page. */
export async function listGroups(ds: DocSpace): Promise<PortalGroup[]> {
  const groups: PortalGroup[] = [];
  for (let startIndex = 0; ; startIndex += 100) {
    const answer = await ds.raw.GET('/api/2.0/group', { params: { query: { startIndex, count: 100 } } });
    const page = payload('GET /group', answer);
    if (!Array.isArray(page)) throw new PortalCallError('GET /group', 200, 'the answer is not a list');
    for (const item of page) groups.push(toGroup('GET /group', item));
    if (page.length < 100) return groups;
  }
}

/** The Active and Pending members (ids, lower case) of a group. */
export async function groupMembers(ds: DocSpace, groupId: string): Promise<string[]> {
  const answer = await ds.raw.GET('/api/2.0/group/{id}', {
    params: { path: { id: groupId }, query: { includeMembers: true } },
  });
  return toGroup('GET /group/{id}', payload('GET /group/{id}', answer)).memberIds ?? [];
}

/** The groups (ids, lower case) a person belongs to. */
export async function groupsOf(ds: DocSpace, userId: string): Promise<string[]> {
  const answer = await ds.raw.GET('/api/2.0/group/user/{userid}', { params: { path: { userid: userId } } });
  const list = payload('GET /group/user/{userid}', answer);
  if (!Array.isArray(list)) throw new PortalCallError('GET /group/user/{userid}', 200, 'not a list');
  return list.map((g) => toGroup('GET /group/user/{userid}', { members: undefined, ...g }).id);
}

/** Creates a group; returns its id. */
export async function createGroup(ds: DocSpace, name: string): Promise<string> {
  const answer = await ds.raw.POST('/api/2.0/group', { body: { groupName: name } });
  return toGroup('POST /group', payload('POST /group', answer)).id;
}

/** Adds (`add`) or removes people; returns the group's members after the change. */
export async function changeMembers(
  ds: DocSpace,
  groupId: string,
  userIds: string[],
  add: boolean,
): Promise<string[]> {
  const init = { params: { path: { id: groupId } }, body: { members: userIds } };
  const answer = add
    ? await ds.raw.PUT('/api/2.0/group/{id}/members', init)
    : await ds.raw.DELETE('/api/2.0/group/{id}/members', init);
  const what = `${add ? 'PUT' : 'DELETE'} /group/{id}/members`;
  return toGroup(what, payload(what, answer)).memberIds ?? [];
}

/** Sets a per-user quota (bytes, -1 = no limit); returns the quota the server reports after it. */
export async function setQuota(ds: DocSpace, userId: string, bytes: number): Promise<number | undefined> {
  const answer = await ds.raw.PUT('/api/2.0/people/userquota', { body: { userIds: [userId], quota: bytes } });
  const list = payload('PUT /people/userquota', answer);
  if (!Array.isArray(list)) throw new PortalCallError('PUT /people/userquota', 200, 'not a list');
  const entry = list.find((p) => String((p as { id?: unknown }).id).toLowerCase() === userId) as
    | { quotaLimit?: unknown }
    | undefined;
  return typeof entry?.quotaLimit === 'number' ? entry.quotaLimit : undefined;
}
