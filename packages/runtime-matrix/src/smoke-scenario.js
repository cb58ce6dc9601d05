// The smoke scenario every runtime of the matrix runs against Prism: plain JavaScript, no imports, so Node, Bun,
// Deno and the browser load the very same file. The caller passes the built facade's module namespace.

/** Names the runtime this code runs in, as the runtime itself reports it (e.g. `node 24.21.0`). */
export function runtimeName() {
  const g = /** @type {any} */ (globalThis);
  if (g.Deno?.version?.deno) return `deno ${g.Deno.version.deno}`;
  if (g.Bun?.version) return `bun ${g.Bun.version}`;
  if (g.process?.versions?.node && !g.navigator?.userAgent?.includes('Chrome')) {
    return `node ${g.process.versions.node}`;
  }
  const chrome = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(g.navigator?.userAgent ?? '');
  return chrome ? `chromium ${chrome[1]}` : 'unknown';
}

/**
 * Runs get, create, list and a mapped 404 through the facade against the Prism mock at `baseUrl`, and returns
 * what each step saw as plain JSON (so a child process or a page can hand it back).
 * @param {any} sdk the module namespace of `@docspace-people/sdk` (built dist or its ESM bundle)
 * @param {string} baseUrl the Prism origin
 */
export async function runSmoke(sdk, baseUrl) {
  const ds = new sdk.DocSpace({ baseUrl, token: 'sk-runtime-matrix', maxRetries: 0 });
  const person = await ds.people.get('jane.cooper');
  const created = await ds.people.create({
    email: 'john.doe@example.com',
    firstName: 'John',
    lastName: 'Doe',
  });
  const page = await ds.people.list({ status: 'Active' }).page({ count: 25 });
  let notFound = 'no error';
  try {
    await ds.people.get('nobody', { headers: { prefer: 'code=404' } });
  } catch (error) {
    notFound = `${error instanceof sdk.NotFoundError ? 'NotFoundError' : String(error)} ${error.status}`;
  }
  return {
    runtime: runtimeName(),
    get: {
      userName: person.userName,
      status: person.status,
      datesAreDates: person.registrationDate instanceof Date,
    },
    create: { hasId: typeof created.id === 'string' && created.id.length === 36 },
    list: { hasItems: page.items.length > 0, totalIsNumber: typeof page.total === 'number' },
    notFound,
  };
}
