import type { DocSpace, Person } from '@docspace-people/sdk';
import { idOf, isNotFound } from './outcome-errors.js';

/**
 * The user with this e-mail, or undefined (import, offboard and apply look people up with it). Throws when the
 * answer is not a user (e.g. an HTML login page).
 */
export function findByEmail(ds: DocSpace, email: string): Promise<Person | undefined> {
  return lookup(() => ds.people.getByEmail(email), 'the lookup by e-mail');
}

/** The user with this id, or undefined. Throws when the answer is not a user. */
export function findById(ds: DocSpace, id: string): Promise<Person | undefined> {
  return lookup(() => ds.people.get(id), 'the lookup by id');
}

async function lookup(get: () => Promise<Person>, what: string): Promise<Person | undefined> {
  let person: Person;
  try {
    person = await get();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  idOf(person, what);
  return person;
}
