import { type DocSpace, NotFoundError, type RequestOptions } from '@docspace-people/sdk';

/**
 * Looks something deleted up again: `not found (404)` when `lookUp` rejects with a NotFoundError, else
 * `still there: ...` with `describe` of what the server still answers.
 */
export function lookUpAgain<T>(lookUp: Promise<T>, describe: (found: T) => string): Promise<string> {
  return lookUp.then(
    (found) => `still there: ${describe(found)}`,
    (error: unknown) => {
      if (error instanceof NotFoundError) return `not found (${error.status})`;
      throw error;
    },
  );
}

/**
 * Looks a deleted person up again: `not found (404)` when they are gone, else `still there: ...`. `options` asks
 * Prism for the 404 a real portal would send (see `mockAnswer`).
 */
export function lookUpDeleted(ds: DocSpace, id: string, options: RequestOptions): Promise<string> {
  return lookUpAgain(ds.people.get(id, options), (person) => `${person.displayName}, ${person.status}`);
}
