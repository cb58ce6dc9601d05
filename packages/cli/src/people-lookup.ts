import type { DocSpace, Person } from '@docspace-people/sdk';
import { idOf, isNotFound } from './outcome-errors.js';

/**
 * The user with this e-mail, or undefined (import, offboard and apply look people up with it). Throws when the
 * answer is not a user (e.g. an HTML login page).
 */
export async function findByEmail(ds: DocSpace, email: string): Promise<Person | undefined> {
  let person: Person;
  try {
    person = await ds.people.getByEmail(email);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  idOf(person, 'the lookup by e-mail');
  return person;
}
