import { type EmployeeTypeName, typeRank } from '../enums.js';
import { accessDenied, badArgument, userNotFound, ValidationFailure } from '../errors.js';
import type { RouteContext } from '../router.js';
import type { FakeUser } from '../user-record.js';

/** The JSON body as an object (empty when missing or not an object). */
export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  const json = ctx.json;
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
}

/** Resolves `{userid}` (a GUID, a user name or `@self`) to a person, or 404. */
export function targetUser(ctx: RouteContext, param = 'userid'): FakeUser {
  const raw = ctx.params[param] ?? '';
  if (raw.toLowerCase() === '@self') return ctx.caller;
  const user = ctx.state.store.find(raw);
  if (!user) throw userNotFound();
  return user;
}

/** 403 unless the caller's type is at least `type`. */
export function requireType(caller: FakeUser, type: EmployeeTypeName): void {
  if (typeRank[caller.type] < typeRank[type]) throw accessDenied();
}

/** 403 unless the caller is the owner. */
export function requireOwner(caller: FakeUser): void {
  if (!caller.isOwner) throw accessDenied();
}

/** The body's `userIds` (required, a non-empty array of strings), else 400. */
export function userIdsOf(ctx: RouteContext): string[] {
  const ids = bodyObject(ctx).userIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
    throw badArgument('Incorrect UserIds');
  }
  return ids as string[];
}

/** The people named by `userIds` that exist (unknown ids are skipped, as the server does). */
export function usersOf(ctx: RouteContext): FakeUser[] {
  const seen = new Set<string>();
  const users: FakeUser[] = [];
  for (const id of userIdsOf(ctx)) {
    const user = ctx.state.store.find(id);
    if (user && !seen.has(user.id)) {
      seen.add(user.id);
      users.push(user);
    }
  }
  return users;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True for something that looks like an e-mail address (what the model validator accepts). */
export function isEmail(text: string): boolean {
  return emailPattern.test(text);
}

/** Collects model-validation errors and throws them together. */
export class Validator {
  private readonly errors: Record<string, string[]> = {};

  /** Records an error for a field. */
  add(field: string, message: string): void {
    const list = this.errors[field] ?? [];
    list.push(message);
    this.errors[field] = list;
  }

  /** Checks an optional string field's maximum length. */
  maxLength(field: string, value: unknown, max: number): void {
    if (typeof value === 'string' && value.length > max) {
      this.add(field, `The field ${field} must be a string with a maximum length of ${max}.`);
    }
  }

  /** Throws a {@link ValidationFailure} when errors were recorded. */
  throwIfAny(): void {
    if (Object.keys(this.errors).length > 0) throw new ValidationFailure(this.errors);
  }
}

/** A string field of the body, or undefined when absent or not a string. */
export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** Sets a person's status, keeping the termination date in step. */
export function setStatus(user: FakeUser, status: 'Active' | 'Terminated'): void {
  if (status === 'Terminated' && user.status !== 'Terminated') user.terminatedDate = new Date();
  if (status === 'Active') delete user.terminatedDate;
  user.status = status;
}
