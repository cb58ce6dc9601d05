import { type DocSpace, NotFoundError, type RequestOptions } from '@docspace-people/sdk';

/**
 * Looks a deleted person up again: `not found (404)` when they are gone, else `still there: ...`. `options` asks
 * Prism for the 404 a real portal would send (see `mockAnswer`).
 */
export async function lookUpDeleted(ds: DocSpace, id: string, options: RequestOptions): Promise<string> {
  try {
    const person = await ds.people.get(id, options);
    return `still there: ${person.displayName}, ${person.status}`;
  } catch (error) {
    if (error instanceof NotFoundError) return `not found (${error.status})`;
    throw error;
  }
}
