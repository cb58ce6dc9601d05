import { type DocSpace, NotFoundError, type Person } from '@docspace-people/sdk';
import { UsageError } from './io.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What `offboard` does with the data of the people it deletes. */
export type DataPlan = { kind: 'heir'; heir: Person } | { kind: 'me'; me: Person };

/** The message of `offboard` without `--reassign-to` or `--rooms-to-me`: what each choice does with the data. */
export const DATA_CHOICE = `offboard deletes people for good; choose who receives their data:
  --reassign-to <id|email>  hand each person's rooms, the files they created, their shared files and their
                            third-party storage to this person (an Active RoomAdmin or DocSpaceAdmin) with
                            DocSpace's reassignment task, then delete the profile
  --rooms-to-me             delete directly: DocSpace then gives their rooms, shared files and storage to you
                            (the account of this token) and permanently deletes the rest of their documents`;

/**
 * Finds the heir named by `option` (`--reassign-to` of offboard, `--heir` of plan and apply: a user id or an
 * e-mail) and checks what DocSpace requires of one. Throws a {@link UsageError} (exit status 2) naming the option
 * when nobody has that id or e-mail, or the person cannot inherit.
 */
export async function findHeir(ds: DocSpace, target: string, option = '--reassign-to'): Promise<Person> {
  let heir: Person;
  try {
    heir = GUID.test(target) ? await ds.people.get(target) : await ds.people.getByEmail(target);
  } catch (error) {
    if (error instanceof NotFoundError) throw new UsageError(`${option}: nobody is ${target}`);
    throw error;
  }
  if (heir.status !== 'Active' || !['Owner', 'DocSpaceAdmin', 'RoomAdmin'].includes(heir.type)) {
    throw new UsageError(
      `${option}: ${heir.email ?? target} is a ${heir.type} (${heir.status}); the heir must be an Active RoomAdmin or DocSpaceAdmin`,
    );
  }
  return heir;
}

/** Where a person's data goes, for the report: `heir@example.com (heir)` or `me@example.com (you)`. */
export function dataTarget(plan: DataPlan): string {
  return plan.kind === 'heir'
    ? `${plan.heir.email ?? plan.heir.id} (heir)`
    : `${plan.me.email ?? plan.me.id} (you)`;
}
