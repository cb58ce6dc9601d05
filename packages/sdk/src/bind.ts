import type { Connection } from './connection.js';

/** A standalone operation function: the connection first, then at most three arguments. */
// biome-ignore lint/suspicious/noExplicitAny: the arguments are checked by each function's own signature
type OperationFunction = (connection: Connection, a?: any, b?: any, c?: any) => unknown;

/**
 * The methods of a namespace (`ds.people`, `ds.photos`): each standalone function of the table with the
 * connection bound, same arguments, same result.
 */
export type Bound<F> = {
  readonly [K in keyof F]: F[K] extends (connection: Connection, ...args: infer A) => infer R
    ? (...args: A) => R
    : never;
};

/**
 * @internal Binds a table of standalone functions to a connection: `ds.people.get(id)` is `peopleGet(ds, id)`.
 * The methods are made here, once, from the functions, so the two forms cannot drift apart.
 */
export function bind<F extends Record<string, OperationFunction>>(
  connection: Connection,
  functions: F,
): Bound<F> {
  const methods: Record<string, unknown> = {};
  for (const key of Object.keys(functions)) {
    const fn = functions[key] as OperationFunction;
    // A fixed arity, not rest parameters: cheaper on every call.
    methods[key] = (a?: unknown, b?: unknown, c?: unknown) => fn(connection, a, b, c);
  }
  return Object.freeze(methods) as Bound<F>;
}
